#!/usr/bin/env python3
"""A deliberately hostile OpenAI-compatible server for the issue-17 eval matrix (127.0.0.1 only).

Usage: hostile_server.py LOG  -- prints "PORT OTHER_PORT" on stdout, then serves until killed.
The first path segment picks the behaviour, e.g. POST /endless/v1/chat/completions.
Every request is logged to LOG as one JSON line: port, method, path, whether an Authorization header came,
and, for bodies the server pushes, a line with how many bytes it got out before the client hung up.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = open(sys.argv[1], "a", buffering=1)
LOCK = threading.Lock()
PORTS = {}


def answer(content):
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content},
                                    "finish_reason": "stop"}]}).encode()


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def note(self):
        entry = {"port": self.server.server_address[1], "method": self.command, "path": self.path,
                 "authorization": self.headers.get("Authorization") is not None}
        with LOCK:
            LOG.write(json.dumps(entry) + "\n")

    def send(self, status, body, ctype="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def push(self, head, chunk, total=None):
        """Writes head then chunk after chunk (forever, or up to total bytes) until the client hangs up."""
        sent = 0
        try:
            self.wfile.write(head)
            sent += len(head)
            while total is None or sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.pushed(sent)
        self.close_connection = True

    def pushed(self, sent):
        with LOCK:
            LOG.write(json.dumps({"pushed_bytes": sent}) + "\n")

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        mode = self.path.strip("/").split("/")[0]
        auth = self.headers.get("Authorization", "")
        self.note()
        if mode == "ok" or mode == "after302":
            text = "```python\nprint('scored after a 302')\n```" if mode == "after302" else "```python\nprint('hi')\n```"
            self.send(200, answer(text))
        elif mode == "endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.push(b'{"choices":[{"message":{"content":"', b"A" * 65536)
        elif mode == "huge":
            total = 100 * 1024 * 1024
            head = b'{"choices":[{"message":{"content":"'
            tail = b'"},"finish_reason":"stop"}]}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            self.push(head, b"A" * (1024 * 1024), total - len(tail))
        elif mode == "drip":
            body = answer("```python\nprint('hi')\n```")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            sent = 0
            try:
                for b in body:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    sent += 1
                    time.sleep(0.5)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.pushed(sent)
            self.close_connection = True
        elif mode == "keyecho":
            self.send(401, json.dumps({"error": {"message": "invalid credentials: Authorization: " + auth}}).encode())
        elif mode == "keyanswer":
            self.send(200, answer("Use this key: " + auth.replace("Bearer ", "") + "\n```python\nprint('hi')\n```"))
        elif mode == "xorigin":
            self.send_response(307)
            self.send_header("Location", "http://127.0.0.1:%d/ok/v1/chat/completions" % PORTS["other"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "post302":
            self.send_response(302)
            self.send_header("Location", "/after302/v1/chat/completions")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "escapes":
            self.send(200, answer("\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m\r\x08\n```python\nprint('hi')\n```"))
        elif mode == "escerror":
            self.send(400, ("\x1b]0;pwned\x07\x1b[2J\x1b[31mbad request\x1b[0m").encode(), "text/plain")
        else:
            self.send(404, b"no such mode")


def serve():
    main = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    other = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    main.daemon_threads = other.daemon_threads = True
    PORTS["main"], PORTS["other"] = main.server_address[1], other.server_address[1]
    threading.Thread(target=other.serve_forever, daemon=True).start()
    print(PORTS["main"], PORTS["other"], flush=True)
    main.serve_forever()


if __name__ == "__main__":
    serve()
