#!/usr/bin/env python3
"""A tiny OpenAI-compatible endpoint on loopback, independent of distillscope's own server:
the README's public-panel recipe measures against it. Its answer is a deterministic function of
the conversation. It counts the requests it was sent, the ones carrying earlier answers, and
whether each earlier answer is the one it gave itself (printed at exit, and on GET /counts).

    python3 examples/tiny_openai_endpoint.py 8399 my-model
"""
import hashlib, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, MODEL = int(sys.argv[1]), sys.argv[2]
lock, given, counts = threading.Lock(), {}, {"requests": 0, "with_earlier_answers": 0, "own_earlier_answers": 0}
WORDS = "the a model answer careful plain short clear list step first then finally because so".split()


def reply_to(messages):
    digest = hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).digest()
    last = messages[-1]["content"]
    body = " ".join(WORDS[b % len(WORDS)] for b in digest[:24])
    return f"Here is my answer to: {last[:60]}\n\n{body}."


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, and an answer to curl's "Expect: 100-continue"

    def log_message(self, *args):
        pass

    def send_json(self, value, status=200):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.endswith("/models"):
            return self.send_json({"object": "list", "data": [{"id": MODEL, "object": "model"}]})
        with lock:
            return self.send_json(counts)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        messages = [m for m in request["messages"] if m["role"] != "system"]
        text = reply_to(messages)
        with lock:
            counts["requests"] += 1
            earlier = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
            if earlier:
                counts["with_earlier_answers"] += 1
                if all(given.get(json.dumps(messages[:i])) == messages[i]["content"] for i in earlier):
                    counts["own_earlier_answers"] += 1
            given[json.dumps(messages)] = text
        self.send_json({"id": "x", "object": "chat.completion", "model": MODEL,
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": text}}],
                        "usage": {"prompt_tokens": 10, "completion_tokens": len(text.split())}})


class Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default listen backlog of 5 drops a client's burst of connections


server = Server(("127.0.0.1", PORT), Handler)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
finally:
    print(json.dumps(counts), flush=True)
