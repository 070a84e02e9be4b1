# Shared by the bench scripts (sourced, not run).

# A loopback TCP port no socket uses, below the kernel's ephemeral range (where wrk's and curl's own
# connections take their ports: a server once failed to bind one still in TIME_WAIT); fails after 50 tries.
free_port() {
  local p low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 50); do
    p=$((10000 + RANDOM % (low - 10000)))
    if [[ -z $(ss -Hatn "sport = :$p" 2>/dev/null) ]]; then echo "$p"; return 0; fi
  done
  echo "bench: no free port found" >&2
  return 1
}

# The JVM flags the container ships with (the Dockerfile's JAVA_OPTS="..." line), so what ships is measured.
shipped_java_opts() {
  local opts
  opts=$(sed -n 's/^ *JAVA_OPTS="\([^"]*\)".*/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../Dockerfile")
  [[ -n $opts ]] || { echo "bench: no JAVA_OPTS=\"...\" line found in the Dockerfile" >&2; return 1; }
  echo "$opts"
}
