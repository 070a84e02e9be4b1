-- wrk script: after the run, prints one machine-readable line that bench/run reads.
-- Latencies are in microseconds; non2xx counts responses that were not 2xx/3xx.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%.0f duration_us=%.0f p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f " ..
    "non2xx=%.0f connect=%.0f read=%.0f write=%.0f timeout=%.0f\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
