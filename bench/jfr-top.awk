# Hottest methods in `jfr print --events jdk.ExecutionSample --stack-depth 96 X.jfr` output:
# self = top frame of a sample, total = anywhere in its stack. Usage: awk -f bench/jfr-top.awk samples.txt
# Frames look like "    java.util.regex.Pattern$Start.match(java.util.regex.Matcher, int, CharSequence) line: 123";
# the method is everything before the argument list.
BEGIN { if (top == "") top = 30 }
/^jdk.ExecutionSample/ { n++; first = 1; delete seen; next }
/^[[:space:]]+[A-Za-z_$][A-Za-z0-9_$.<>]*\(/ && n {
  m = $1; sub(/\(.*/, "", m)
  if (first) { self[m]++; first = 0 }
  if (!(m in seen)) { total[m]++; seen[m] = 1 }
}
END {
  printf "%d samples\n\nself%%  method (top frame)\n", n
  cmd = "sort -rn | head -" top
  for (m in self) printf "%5.1f  %s\n", 100 * self[m] / n, m | cmd
  close(cmd)
  printf "\ntotal%% method (anywhere in the stack)\n"
  cmd = "sort -rn | head -" (top * 2)
  for (m in total) printf "%5.1f  %s\n", 100 * total[m] / n, m | cmd
  close(cmd)
}
