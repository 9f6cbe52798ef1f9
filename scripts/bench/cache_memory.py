"""The response cache's memory against its byte limit: fills a running server's cache with distinct URLs
(pipelined over a few connections) and reports how much the server's resident memory grew.
    python3 cache_memory.py PORT PID KIND COUNT [IDS_FILE]
KIND is `api` (small JSON answers: /api/daily_papers?date=D for COUNT days from 1901 on, most without papers) or
`papers` (paper pages, one per id of IDS_FILE, each requested twice). Prints one JSON line."""
import datetime
import json
import socket
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def fetch_all(port, paths, connections=4, window=64):
    """Requests every path, `window` in flight per connection, and reads every answer."""
    def run(chunk):
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.settimeout(60)
            pending, data, done = 0, b"", 0
            index = 0
            while done < len(chunk):
                while index < len(chunk) and pending < window:
                    sock.sendall(f"GET {chunk[index]} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
                    index, pending = index + 1, pending + 1
                while b"\r\n\r\n" not in data:
                    data += sock.recv(1 << 20)
                head, _, data = data.partition(b"\r\n\r\n")
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
                while len(data) < length:
                    data += sock.recv(1 << 20)
                data = data[length:]
                pending, done = pending - 1, done + 1
    import threading
    threads = [threading.Thread(target=run, args=(paths[n::connections],)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main():
    port, pid, kind, count = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    if kind == "api":
        first = datetime.date(1901, 1, 1)
        paths = [f"/api/daily_papers?date={first + datetime.timedelta(days=n)}" for n in range(count)]
    else:
        with open(sys.argv[5]) as file:
            ids = [line.strip() for line in file if line.strip()][:count]
        paths = [f"/papers/{paper}" for paper in ids] * 2
    before = rss_kib(pid)
    started = time.monotonic()
    fetch_all(port, paths)
    seconds = time.monotonic() - started
    time.sleep(1)
    after = rss_kib(pid)
    print(json.dumps({"kind": kind, "requests": len(paths), "seconds": round(seconds, 1), "rss_before_kib": before,
                      "rss_after_kib": after, "grown_kib": after - before}))


if __name__ == "__main__":
    main()
