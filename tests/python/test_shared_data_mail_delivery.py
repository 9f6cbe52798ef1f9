"""Delivery over the wire: STARTTLS with a throwaway certificate and AUTH, and crash safety of a large digest run."""
import os
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from collections import Counter

from conftest import API_FIXTURES, BINARY, free_port
from mailsink import MailSink

FRIDAY = "2026-08-21"


def database_with_subscribers(count, prefix):
    folder = tempfile.mkdtemp(prefix="dailypapers-delivery-")
    database = os.path.join(folder, "delivery.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    subscribers = os.path.join(folder, "subscribers.jsonl")
    with open(subscribers, "w") as file:
        for number in range(count):
            file.write(f'{{"email": "{prefix}{number:05d}@example.org"}}\n')
    subprocess.run([BINARY, "subscribers", "import", "--database", database, subscribers], check=True, capture_output=True)
    return database


def test_starttls_and_auth_with_a_self_signed_certificate():
    sink = MailSink(free_port(), tls=True).start()
    try:
        database = database_with_subscribers(3, "tls-")
        environment = {**os.environ, "SMTP_URL": f"smtp+starttls://digest:s3cret@localhost:{sink.port}?ca={sink.cert}"}
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", FRIDAY], env=environment, capture_output=True, text=True)
        assert "Sent 3, deferred 0 (retried later), failed 0." in result.stdout, result.stderr
        messages = sink.messages()
        assert len(messages) == 3 and all(record["tls"] and record["auth"] for record in messages)

        wrong = {**environment, "SMTP_URL": f"smtp+starttls://digest:wrong@localhost:{sink.port}?ca={sink.cert}"}
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", "2024-10-16"], env=wrong, capture_output=True, text=True)
        assert result.returncode != 0 and "AUTH PLAIN refused: 535" in result.stderr and "the messages stay queued" in result.stderr
        assert len(sink.messages()) == 3

        untrusted = {**environment, "SMTP_URL": f"smtp+starttls://digest:s3cret@localhost:{sink.port}"}
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", "2024-10-16"], env=untrusted, capture_output=True, text=True)
        assert result.returncode != 0 and "cannot send mail" in result.stderr, "a certificate nobody vouches for is refused"
        assert len(sink.messages()) == 3
        # The queued messages were kept: with the right settings they all go out.
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", "2024-10-16"], env=environment, capture_output=True, text=True)
        assert "Sent 3, deferred 0 (retried later), failed 0." in result.stdout and len(sink.messages()) == 6
    finally:
        sink.stop()


def test_implicit_tls_on_its_own_port_with_auth_login():
    sink = MailSink(free_port(), implicit_tls=True, login_only=True).start()
    try:
        database = database_with_subscribers(2, "smtps-")
        environment = {**os.environ, "SMTP_URL": f"smtps://digest:s3cret@localhost:{sink.port}?ca={sink.cert}"}
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", FRIDAY], env=environment, capture_output=True, text=True)
        assert "Sent 2, deferred 0 (retried later), failed 0." in result.stdout, result.stderr
        assert all(record["tls"] and record["auth"] for record in sink.messages())
    finally:
        sink.stop()


def test_a_server_that_never_answers_times_out_and_keeps_the_queue():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    try:
        database = database_with_subscribers(1, "silent-")
        environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{listener.getsockname()[1]}?timeout=1"}
        started = time.monotonic()
        result = subprocess.run([BINARY, "digest", "send", "--database", database, "--date", FRIDAY], env=environment, capture_output=True, text=True)
        assert result.returncode != 0 and "timed out waiting for the reply to greeting" in result.stderr
        assert time.monotonic() - started < 15
        with sqlite3.connect(database) as connection:
            assert connection.execute("SELECT status, attempts FROM outbox").fetchall() == [("pending", 0)]
    finally:
        listener.close()


def sent_count(database):
    with sqlite3.connect(database, timeout=10) as connection:
        return connection.execute("SELECT COUNT(*) FROM outbox WHERE status = 'sent'").fetchone()[0]


def test_a_digest_run_killed_at_any_point_resumes_without_losing_or_repeating_mail():
    sink = MailSink(free_port()).start()
    try:
        subscribers = 2000
        database = database_with_subscribers(subscribers, "crash-")
        environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{sink.port}"}
        command = [BINARY, "digest", "send", "--database", database, "--date", FRIDAY]
        crashes = 0
        # Kill while composing (nothing sent yet), then at several points while sending.
        for threshold in [None, 150, 700, 1400]:
            process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            if threshold is None:
                time.sleep(0.3)
            else:
                while process.poll() is None and time.monotonic() < deadline and sink.count() < threshold:
                    time.sleep(0.005)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                crashes += 1
            process.wait()
        result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert sent_count(database) == subscribers
        received = Counter(sink.recipients())
        assert len(received) == subscribers, "every subscriber got the digest"
        duplicates = sum(count - 1 for count in received.values())
        assert crashes >= 3
        assert duplicates <= crashes, f"{duplicates} repeated messages for {crashes} crashes"
    finally:
        sink.stop()
