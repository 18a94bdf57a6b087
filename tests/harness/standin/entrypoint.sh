#!/bin/sh
# Stand-in for the opencode image in the tests and benchmarks: the same contract as docker/occ-entrypoint
# (password file, port 4096, /global/health behind basic auth, the data volume) in a 2 MB busybox image.
#   OCC_TEST_SILENT=1        never answers (a hung service)
#   OCC_TEST_CRASH_AFTER=N   exits with 3, N seconds after it started answering
f=/run/opencode-cloud/password
if [ ! -r "$f" ]; then echo "no password file at $f" >&2; exit 78; fi
umask 077
printf '/:%s:%s\n' "${OCC_USERNAME:-opencode}" "$(cat $f)" > /tmp/httpd.conf
data=/home/opencode/.local/share/opencode
echo boot >> $data/boots
echo "test service starting, boot $(wc -l < $data/boots)"
echo "a line on stderr" >&2
if [ -n "$OCC_TEST_SILENT" ]; then
  trap 'exit 0' TERM INT
  while :; do sleep 1; done
fi
httpd -f -p 4096 -h /www -c /tmp/httpd.conf &
pid=$!
trap 'kill $pid; exit 0' TERM INT
if [ -n "$OCC_TEST_CRASH_AFTER" ]; then
  sleep "$OCC_TEST_CRASH_AFTER"
  echo "crashing on purpose" >&2
  exit 3
fi
wait $pid
