#!/usr/bin/env python3
"""The files Python's email module finds in a message, with their hashes: the reference the golden
records of MimeCaptureGoldenTest were checked against (python3 email_hashes.py forwarded.eml).

Leaves: the decoded payload (get_payload(decode=True)). An attached message: Python parses it into a
Message; its bytes are what its generator writes with CRLF line ends (compat32 keeps headers as sent),
without the line break before the enclosing boundary, which RFC 2046 gives to the delimiter."""
import email, hashlib, sys
from email import policy

def hashes(b):
    return f"md5 {hashlib.md5(b).hexdigest()} sha256 {hashlib.sha256(b).hexdigest()} size {len(b)}"

def walk(part, depth):
    if part.get_content_maintype() == "multipart":
        for p in part.get_payload():
            walk(p, depth)
        return
    if part.get_content_type() in ("message/rfc822", "message/global"):
        inner = part.get_payload(0)
        raw = inner.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
        if raw.endswith(b"\r\n"):
            raw = raw[:-2]
        print(f"depth {depth} {part.get_filename() or part.get_param('name')} {part.get_content_type()} {hashes(raw)}")
        walk(inner, depth + 1)
        return
    if part.get_filename() or part.get_content_maintype() != "text":
        print(f"depth {depth} {part.get_filename()} {part.get_content_type()} {hashes(part.get_payload(decode=True))}")

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_bytes(f.read())
print("subject", str(email.header.make_header(email.header.decode_header(msg["Subject"]))))
walk(msg, 0)
