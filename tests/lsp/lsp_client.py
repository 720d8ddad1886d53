"""A minimal Language Server Protocol client over a child process's stdio (Python's standard
library only), shared by the scripted client test and the fuzz-style test."""
import json
import os
import queue
import subprocess
import threading
import time


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def position_of(text, byte_or_char_index):
    """The LSP position (UTF-16 column) of character index `byte_or_char_index` of `text`."""
    before = text[:byte_or_char_index]
    line = before.count("\n")
    column_text = before[before.rfind("\n") + 1:]
    return {"line": line, "character": utf16_len(column_text)}


def find_position(text, needle, nth=0, delta=0):
    """The position of the nth occurrence of `needle` (plus `delta` characters)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return position_of(text, at + delta)


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        self.next_id = 1
        self.pending = []   # messages read but not yet wanted
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send_raw(self, body_bytes):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body_bytes) + body_bytes)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(json.dumps(message).encode("utf-8"))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def wait_for(self, predicate, timeout=20):
        for i, m in enumerate(self.pending):
            if predicate(m):
                return self.pending.pop(i)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("no matching message")
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                raise TimeoutError("no matching message")
            if m is None:
                raise EOFError("the server closed its output")
            if predicate(m):
                return m
            self.pending.append(m)

    def response(self, rid, timeout=20):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def request(self, method, params=None, timeout=20):
        return self.response(self.request_async(method, params), timeout)

    def diagnostics(self, uri, timeout=20):
        """The next publishDiagnostics for `uri` (older ones still queued are skipped)."""
        m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, timeout)
        return m["params"]["diagnostics"]

    def drain_diagnostics(self):
        self.pending = [m for m in self.pending if m.get("method") != "textDocument/publishDiagnostics"]
