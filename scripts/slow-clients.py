#!/usr/bin/env python3
"""Slow clients against a running server: do N connections that send their headers and then hold
their body back stall a normal request?

    scripts/slow-clients.py N    (server on http://localhost:8080, e.g. from scripts/ab.sh's command)

Opens N connections that each announce a 100,000-byte body and send 22 bytes of it, sends one normal
prediction with curl (20 s limit), then waits for the first slow connection's answer.
"""
import re
import socket
import subprocess
import sys
import time

n = int(sys.argv[1])
with open("target/bench/post.lua") as f:
    body = re.search(r"data:image/png;base64,[A-Za-z0-9+/=]*", f.read()).group(0)
opened = time.time()
slow = []
for _ in range(n):
    s = socket.create_connection(("localhost", 8080))
    s.sendall(b"POST /digit/cnn/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              b"Content-Length: 100000\r\n\r\ndata:image/png;base64,")
    slow.append(s)
time.sleep(1)
t0 = time.time()
r = subprocess.run(["curl", "-s", "-m", "20", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/json",
                    "--data-binary", body, "http://localhost:8080/digit/cnn/"], capture_output=True, text=True)
print(f"{n} slow clients: a normal request got {r.stdout} ({'000: no answer' if r.stdout == '000' else 'answered'}) in {time.time() - t0:.1f} s")
slow[0].settimeout(120)
answer = slow[0].recv(100).split(b"\r\n")[0].decode()
print(f"the first slow client got '{answer}' {time.time() - opened:.0f} s after connecting")
