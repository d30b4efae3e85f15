#!/usr/bin/env python3
"""first-byte.py - time to the first byte of an answer, for a client that sends one request at a time.

    first-byte.py URL KEY BODY COUNT kept|new

COUNT POSTs of the file BODY to URL (with "Authorization: Bearer KEY"), one after the other: on one kept connection
(kept), or each on a connection of its own (new, the connect included in its time). Prints the percentiles of the
time from sending the request (or opening its connection) to the first byte of the answer, in microseconds:

    p10 110 p50 121 p90 190 p99 1083

A plain socket and a clock around it, so the client's own cost is small and the same for every target (curl's start
is not in it). It reads every answer to its end (Content-Length, the last chunk, or the close) before the next.
"""
import socket
import sys
import time
from urllib.parse import urlsplit


def request_bytes(url, key, body, close):
    head = (f"POST {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n")
    if close:
        head += "Connection: close\r\n"
    return (head + "\r\n").encode() + body


def read_to_end(sock, received, close):
    """Reads the rest of one answer: to the close, or to its Content-Length or last chunk."""
    while True:
        if not close:
            head, sep, rest = received.partition(b"\r\n\r\n")
            if sep:
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), None)
                if length is not None and len(rest) >= length:
                    return
                if length is None and rest.endswith(b"\r\n0\r\n\r\n"):
                    return
        more = sock.recv(65536)
        if not more:
            if close:
                return
            raise ConnectionError("the connection closed before the answer ended")
        received += more


def connect(url):
    sock = socket.create_connection((url.hostname, url.port or 80))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def main():
    url, key, body_file, count, mode = sys.argv[1:6]
    url, count, new = urlsplit(url), int(count), mode == "new"
    with open(body_file, "rb") as f:
        request = request_bytes(url, key, f.read(), new)
    times = []
    sock = None if new else connect(url)
    for _ in range(count):
        start = time.perf_counter_ns()
        if new:
            sock = connect(url)
        sock.sendall(request)
        first = sock.recv(65536)
        times.append(time.perf_counter_ns() - start)
        if not first.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"{url.geturl()} answered {first[:40]!r}")
        read_to_end(sock, first, new)
        if new:
            sock.close()
    times.sort()
    print(" ".join(f"p{p} {times[min(len(times) - 1, len(times) * p // 100)] / 1000:.0f}" for p in (10, 50, 90, 99)))


if __name__ == "__main__":
    main()
