"""One client cannot take the site down (#34, items 1 and 12): a per-client connection cap, a deadline for a
request's body, idle keep-alive connections making room at the global cap, and a peer that sends without reading
cannot make the server's memory grow. Clients come from different loopback addresses (127.0.0.0/8 is all ours)."""
import os
import socket
import threading
import time
import urllib.request

import pytest

from conftest import recorded_server


def connect(port, source="127.0.0.1", receive_buffer=None):
    sock = socket.socket()
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def is_closed(sock, wait):
    """Whether the server closed `sock` within `wait` seconds."""
    sock.settimeout(wait)
    try:
        while True:
            if sock.recv(65536) == b"":
                return True
    except socket.timeout:
        return False
    except (ConnectionResetError, BrokenPipeError):
        return True


def healthz(port, source="127.0.0.1"):
    """The status of one `GET /healthz` from `source` on a fresh connection, or the error's name."""
    try:
        with connect(port, source) as sock:
            sock.settimeout(5)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            answer = b""
            while chunk := sock.recv(4096):
                answer += chunk
            return answer.split(b"\r\n", 1)[0].decode()
    except OSError as error:
        return type(error).__name__


@pytest.fixture()
def capped_server():
    arguments = ["--max-connections", "40", "--max-connections-per-client", "10", "--request-timeout", "3", "--idle-timeout", "30"]
    with recorded_server(*arguments, prefix="dailypapers-connections-") as (_, port):
        yield port


def test_a_client_trickling_bodies_holds_ten_connections_and_loses_them_at_the_deadline(capped_server):
    port = capped_server
    hostile = [connect(port, "127.0.0.2") for _ in range(40)]
    for sock in hostile:
        sock.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n")
    started, served, stop = time.monotonic(), [], threading.Event()

    def trickle():
        while not stop.wait(0.5):
            for sock in hostile:
                try:
                    sock.send(b"a")
                except OSError:
                    pass

    trickler = threading.Thread(target=trickle)
    trickler.start()
    try:
        time.sleep(1)
        assert sum(not is_closed(sock, 0.01) for sock in hostile) == 10, "one address holds ten connections at most"
        while time.monotonic() - started < 6:
            served.append(healthz(port))
            time.sleep(0.2)
    finally:
        stop.set()
        trickler.join()
    assert served and all(status == "HTTP/1.1 200 OK" for status in served), served
    assert sum(not is_closed(sock, 0.01) for sock in hostile) == 0, "every trickling request is cut off by its deadline"
    for sock in hostile:
        sock.close()


def test_the_cap_per_client_refuses_the_eleventh_connection_only(capped_server):
    port = capped_server
    held = [connect(port, "127.0.0.3") for _ in range(10)]
    for sock in held:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert b"200 OK" in sock.recv(4096)
    extra = connect(port, "127.0.0.3")
    assert is_closed(extra, 2), "the 11th connection from one address is closed"
    assert healthz(port, "127.0.0.4") == "HTTP/1.1 200 OK", "another address is served"
    held[0].close()
    time.sleep(0.3)
    assert healthz(port, "127.0.0.3") == "HTTP/1.1 200 OK", "a slot freed is a slot again"
    for sock in held[1:]:
        sock.close()


def keep_alive(port, source):
    """A connection from `source` that has had one answer and stays open."""
    sock = connect(port, source)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    sock.settimeout(5)
    assert b"200 OK" in sock.recv(4096)
    return sock


def test_at_the_global_cap_idle_keep_alives_make_room(capped_server):
    port = capped_server
    kept = [keep_alive(port, f"127.0.1.{client + 1}") for client in range(40)]
    newcomers = [keep_alive(port, f"127.0.2.{client + 1}") for client in range(5)]
    time.sleep(0.3)
    assert sum(is_closed(sock, 0.01) for sock in kept) == 5, "one idle keep-alive connection closed for each newcomer"
    assert not any(is_closed(sock, 0.01) for sock in newcomers)
    for sock in kept + newcomers:
        sock.close()


def server_rss_kib(port):
    """The resident memory of the `dailypapers serve` listening on `port`."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as file:
                arguments = file.read().split(b"\0")
            if b"serve" in arguments and str(port).encode() in arguments:
                with open(f"/proc/{pid}/status") as file:
                    return next(int(line.split()[1]) for line in file if line.startswith("VmRSS:"))
        except (FileNotFoundError, ProcessLookupError):
            continue
    raise LookupError(f"no server on port {port}")


def test_a_peer_that_pipelines_and_never_reads_cannot_grow_the_servers_memory(capped_server):
    port = capped_server
    page = b"GET /papers/trending HTTP/1.1\r\nHost: x\r\n\r\n"
    urllib.request.urlopen(f"http://127.0.0.1:{port}/papers/trending", timeout=10).read()
    before = server_rss_kib(port)
    sock = connect(port, "127.0.0.5", receive_buffer=4096)
    sock.setblocking(False)
    batch, sent, deadline = page * 2000, 0, time.monotonic() + 8
    while time.monotonic() < deadline:
        try:
            sent += sock.send(batch)
        except BlockingIOError:
            time.sleep(0.05)
    grown = server_rss_kib(port) - before
    sock.close()
    assert sent >= len(page) * 1000, "the server read the first requests"
    assert grown < 48 * 1024, f"{sent // len(page)} requests sent without reading grew the server by {grown} KiB"
    assert healthz(port) == "HTTP/1.1 200 OK"
