#!/usr/bin/env python3
"""Writes the test messages of MimeCaptureGoldenTest (run once; the .eml files are committed).

Deterministic: the payloads are fixed byte patterns, the text is literal. Lines end in CRLF."""
import base64

def pe(n=1500):
    b = bytearray((i * 31 + 7) & 0xFF for i in range(n))
    b[0:2] = b'MZ'
    b[0x3C:0x40] = (0x80).to_bytes(4, 'little')
    b[0x80:0x84] = b'PE\0\0'
    return bytes(b)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def write(name, text):
    with open(name, "wb") as f:
        f.write(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))

write("forwarded.eml", f"""From: Alice <alice@example.org>
To: bob@example.com
Subject: Fwd: the report
Message-ID: <fwd-1@example.org>
Date: Mon, 01 Jun 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer-1"

--outer-1
Content-Type: text/plain; charset=us-ascii

See the forwarded message.
--outer-1
Content-Type: message/rfc822
Content-Disposition: attachment; filename="forwarded.eml"

From: Carol <carol@example.net>
To: alice@example.org
Subject: the report
Message-ID: <orig-7@example.net>
Date: Sun, 31 May 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="inner-2"

--inner-2
Content-Type: text/plain

Here it is.
--inner-2
Content-Type: application/pdf; name="report.pdf"
Content-Disposition: attachment; filename="report.pdf"
Content-Transfer-Encoding: base64

{b64(PDF)}
--inner-2
Content-Type: application/octet-stream; name="tool.exe"
Content-Transfer-Encoding: base64

{b64(pe())}
--inner-2--
--outer-1--
""")

# RFC 2045 section 6.4 forbids an encoding on message/*; this body is plain text, not base64.
write("encoded-rfc822.eml", f"""From: mallory@example.net
To: bob@example.com
Subject: nothing to see
Message-ID: <trick-1@example.net>
Date: Mon, 01 Jun 2026 11:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain

Harmless.
--b1
Content-Type: message/rfc822; name="innocent.txt"
Content-Transfer-Encoding: base64

From: mallory@example.net
Subject: inner
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b2"

--b2
Content-Type: application/octet-stream; name="malware.exe"
Content-Transfer-Encoding: base64

{b64(pe())}
--b2--
--b1--
""")

write("glued-words.eml", f"""From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>
To: =?utf-8?b?w4lsw6hu?= <elen@example.com>
Subject: C=?ISO-8859-1?B?YW4=?==?ISO-8859-1?Q?_you_read_this=3F?=
Message-ID: <glued-1@example.org>
Date: Mon, 01 Jun 2026 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="g"

--g
Content-Type: text/plain

See attached.
--g
Content-Type: application/pdf
Content-Disposition: attachment; filename="=?utf-8?q?R=C3=A9sum=C3=A9?==?utf-8?q?_2026.pdf?="
Content-Transfer-Encoding: base64

{b64(PDF)}
--g--
""")

write("parameter-only-content-type.eml", f"""From: odd@example.net
To: bob@example.com
Subject: odd type
Message-ID: <odd-1@example.net>
Date: Mon, 01 Jun 2026 13:00:00 +0000
MIME-Version: 1.0
Content-Type: boundary="test"

--test
Content-Type: text/plain

hello
--test--
""")
