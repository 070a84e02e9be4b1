-- wrk script: POST /api/manifests with a realistic non-default JSON body
-- (the same values as the GET /helmchart.yaml query in bench/run and the JMH benchmark).
-- Usage: wrk -t2 -c64 -d10s --latency -s bench/post-json.lua http://127.0.0.1:PORT/api/manifests
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '{"name":"orders-db","chartVersion":"16.7.27","apiVersion":"kots.io/v1beta2",' ..
           '"username":"orders","database":"orders","scratchSize":"4Gi","scratchMedium":"Disk",' ..
           '"hookTimeout":"10m","installPath":"kots"}'

-- The shared done() that prints the BENCH line, from the folder this script is in.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
