# Shared by the bench scripts (sourced, not run).

# A loopback TCP port nobody listens on; fails after 50 tries.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if [[ -z $(ss -Hltn "sport = :$p" 2>/dev/null) ]]; then echo "$p"; return 0; fi
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
