"""Test web server for make-http-captures.sh: accepts PUT (201) except under /refused (405) and
/forbidden (403); reads Content-Length and chunked request bodies; answers 100-continue."""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def answer(self, status, text=b""):
        self.send_response(status)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def do_GET(self):
        self.answer(200, b"<html>home</html>\n")

    def do_POST(self):
        self.body()
        self.answer(200, b"ok\n")

    def do_PUT(self):
        self.body()
        if self.path.startswith("/refused"):
            self.answer(405, b"PUT not allowed\n")
        elif self.path.startswith("/forbidden"):
            self.answer(403, b"forbidden\n")
        else:
            self.answer(201)


ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
