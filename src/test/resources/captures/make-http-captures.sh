#!/usr/bin/env bash
# How http-put-cases.pcap was made (run by hand as root; not part of the build). Two network
# namespaces joined by a veth pair; put-server.py (Python's http.server accepting PUT) on ports 80
# and 8081 and a silent listener on 8082 in one, raw clients (socat) and curl in the other;
# tcpdump on the server side. Addresses are 10.78.0.x inside the namespaces: nothing leaves the machine.
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)"
ip netns add hbx-c; ip netns add hbx-s
trap 'kill $(jobs -p) 2>/dev/null || true; ip netns del hbx-c; ip netns del hbx-s' EXIT
ip link add hbxc0 netns hbx-c type veth peer name hbxs0 netns hbx-s
ip -n hbx-c addr add 10.78.0.1/24 dev hbxc0; ip -n hbx-c link set hbxc0 up; ip -n hbx-c link set lo up
ip -n hbx-s addr add 10.78.0.2/24 dev hbxs0; ip -n hbx-s link set hbxs0 up; ip -n hbx-s link set lo up
ip netns exec hbx-s python3 "$out/put-server.py" 10.78.0.2 80 & 
ip netns exec hbx-s python3 "$out/put-server.py" 10.78.0.2 8081 &
ip netns exec hbx-s socat -u TCP-LISTEN:8082,bind=10.78.0.2,reuseaddr OPEN:/dev/null &
sleep 1
ip netns exec hbx-s tcpdump -i hbxs0 -s 0 -U -w "$out/http-put-cases.pcap" tcp 2>/dev/null &
dump=$!
sleep 1
send() { # port, request bytes (printf format)
  printf "$2" | ip netns exec hbx-c socat -t 2 - TCP:10.78.0.2:"$1" >/dev/null
}
body=$(printf 'spykids%.0s' $(seq 1 40))
blog() { # uri
  printf 'PUT %s HTTP/1.0\r\nAccept-Language: en-us;q=0.5\r\nTranslate: f\r\nContent-Length: %d\r\nUser-Agent: Microsoft Data Access Internet Publishing Provider DAV 1.1\r\nHost: 10.78.0.2\r\n\r\n%s' "$1" ${#body} "$body"
}
send 80 "$(blog /index.html)"                                   # accepted: 201
send 80 "$(blog /refused/index.html)"                           # refused: 405
send 80 "$(blog /forbidden/index.html)"                         # refused: 403
send 80 "GET / HTTP/1.1\r\nHost: 10.78.0.2\r\n\r\nPUT /pipelined.html HTTP/1.1\r\nHost: 10.78.0.2\r\nContent-Length: 7\r\nConnection: close\r\n\r\nspykids"
send 80 "POST /form HTTP/1.0\r\nHost: 10.78.0.2\r\nContent-Length: 28\r\n\r\nPUT /index.html HTTP/1.0\r\n\r\n"
send 80 "put /lower.html HTTP/1.0\r\nHost: 10.78.0.2\r\nContent-Length: 7\r\n\r\nspykids"
send 8081 "$(blog /alt-port.html)"                              # accepted on a non-standard port
printf '%s' "$body" | ip netns exec hbx-c curl -s -o /dev/null -T - -H 'Transfer-Encoding: chunked' \
  -H 'Expect: 100-continue' http://10.78.0.2/chunked.html       # chunked upload after 100 Continue: 201
send 8082 "$(blog /unanswered.html)"                            # the server reads and never answers
sleep 1
kill $dump; wait $dump || true
