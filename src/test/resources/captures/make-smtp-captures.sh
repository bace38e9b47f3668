#!/usr/bin/env bash
# How the real SMTP captures in this directory were made (run by hand as root; not part of the build).
# Two network namespaces joined by a veth pair, Python's smtpd as the server, swaks as the client,
# tcpdump on the server side. No traffic leaves the machine.
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)"
work=$(mktemp -d)
ip netns add sbx-c; ip netns add sbx-s
trap 'ip netns del sbx-c; ip netns del sbx-s; rm -rf "$work"' EXIT
ip link add sbxc0 netns sbx-c type veth peer name sbxs0 netns sbx-s
ip -n sbx-c addr add 10.77.0.1/24 dev sbxc0; ip -n sbx-c link set sbxc0 up; ip -n sbx-c link set lo up
ip -n sbx-s addr add 10.77.0.2/24 dev sbxs0; ip -n sbx-s link set sbxs0 up; ip -n sbx-s link set lo up

# Payloads: a tiny fake PE (MZ header, e_lfanew -> "PE\0\0") named like a PDF, and a real PDF header.
printf 'MZ\x90\x00' > "$work/invoice.pdf.exe"; head -c 56 /dev/zero >> "$work/invoice.pdf.exe"
printf '\x40\x00\x00\x00PE\x00\x00' >> "$work/invoice.pdf.exe"; head -c 2000 /dev/urandom >> "$work/invoice.pdf.exe"
printf '%%PDF-1.4\n%% sguil-bridge test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' > "$work/report.pdf"

ip netns exec sbx-s /usr/bin/python3 -W ignore -m smtpd -n -c DebuggingServer 10.77.0.2:25 >/dev/null 2>&1 &
srv=$!
sleep 1
capture() { # name, swaks args...
  local name=$1; shift
  ip netns exec sbx-s tcpdump -i sbxs0 -s 0 -U -w "$out/$name" tcp port 25 2>/dev/null &
  local dump=$!
  sleep 1
  ip netns exec sbx-c swaks --server 10.77.0.2 --port 25 --helo client.example --from alice@example.org \
      --to bob@example.com "$@" >/dev/null
  sleep 1
  kill $dump; wait $dump || true
}
capture smtp-attachment.pcap --header 'Subject: Invoice 4711' --body 'Please see the attached invoice.' \
  --attach "@$work/invoice.pdf.exe" --attach-type application/pdf --attach "@$work/report.pdf"
capture smtp-two-rcpt.pcap --to bob@example.com,carol@example.com --header 'Subject: =?UTF-8?B?w5xiZXJ3ZWlzdW5n?=' \
  --attach-name 'Überweisung.pdf' --attach "@$work/report.pdf"
kill $srv
