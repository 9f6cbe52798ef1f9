"""Hostile clients for scripts/bench-hardening.sh, run until killed.
    python3 hostile.py search PORT CLIENTS   CLIENTS threads sending 4,000-character searches as fast as answered
    python3 hostile.py slow PORT CONNECTIONS  CONNECTIONS from 127.0.0.9, each a POST /login whose body trickles
                                              one byte per connection every 10 s, reopened when the server closes it
Prints, every 5 seconds, how many searches were answered (and refused) or how many slow connections are open."""
import random
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

WORDS = ("attention transformer diffusion language model reasoning retrieval benchmark agent vision robot policy "
         "quantization sparse mixture experts alignment preference reward graph protein molecule speech video").split()


def long_query(rng):
    words = []
    while sum(len(word) + 1 for word in words) < 3_990:
        words.append(rng.choice(WORDS) + str(rng.randrange(1000)))
    return " ".join(words)[:4_000]


def searcher(port, counts, seed):
    rng = random.Random(seed)
    while True:
        query = urllib.parse.quote(long_query(rng))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/papers/search?q={query}&mode=hybrid&limit=20", timeout=60) as answer:
                answer.read()
                counts["answered"] += 1
        except urllib.error.HTTPError as error:
            counts[str(error.code)] = counts.get(str(error.code), 0) + 1
            time.sleep(0.01)
        except OSError:
            counts["failed"] += 1


def open_slow(port):
    sock = socket.socket()
    sock.bind(("127.0.0.9", 0))
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    sock.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n")
    return sock


def slow(port, connections, counts):
    held = []
    while True:
        while len(held) < connections:
            try:
                held.append(open_slow(port))
            except OSError:
                counts["refused"] += 1
                break
        alive = []
        for sock in held:
            try:
                sock.send(b"a")
                alive.append(sock)
            except OSError:
                sock.close()
        held = alive
        counts["open"] = len(held)
        time.sleep(10 / max(1, len(held)) if len(held) < connections else 1)


def main():
    mode, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    counts = {"answered": 0, "failed": 0, "refused": 0, "open": 0}
    if mode == "search":
        for number in range(count):
            threading.Thread(target=searcher, args=(port, counts, number), daemon=True).start()
    else:
        threading.Thread(target=slow, args=(port, count, counts), daemon=True).start()
    while True:
        time.sleep(5)
        print(mode, dict(counts), flush=True)


if __name__ == "__main__":
    main()
