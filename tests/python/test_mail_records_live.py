"""Mail that cannot be turned against anyone (#34, items 6 and 8): a copy of the database taken after the mails went
holds no usable account or subscription link, and a form cannot make the site mail one address more than five times
an hour. A real server, a real SMTP server, a real SQLite backup."""
import re
import sqlite3
import time
import uuid

from test_community_live import Browser
from test_shared_data_mail import subscribe

TOKEN = re.compile(r"token=([A-Za-z0-9_.-]{20,})")


def mailed_token(mail_sink, address, subject, timeout=15):
    """The token of the one mail of `subject` to `address`, once it has come."""
    deadline = time.monotonic() + timeout
    while True:
        found = [record for record in mail_sink.messages() if address in record["to"] and record["message"]["Subject"] == subject]
        if found or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    [mail] = found
    return TOKEN.search(mail["message"].get_content()).group(1)


def wait_until_sent(database, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(database) as connection:
            if connection.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").fetchone()[0] == 0:
                return
        time.sleep(0.1)
    raise AssertionError("the outbox was not sent")


def backup(database, folder):
    """A copy of the live database, as an operator's backup makes it."""
    copy = str(folder / "backup.sqlite")
    with sqlite3.connect(database) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def test_a_backup_holds_no_live_link(mail_server, mail_sink, tmp_path):
    server = mail_server
    # Addresses of this test's own: the SMTP server is shared by the whole run.
    suffix = uuid.uuid4().hex[:8]
    address, reader = f"alice-{suffix}@example.org", f"bob-{suffix}@example.org"
    alice = Browser(server.url)
    alice.get("/signup")
    assert alice.post("/signup", {"username": f"alice{suffix}", "email": address, "password": "alice-password-1"})[0] == 200
    verify = mailed_token(mail_sink, address, "Confirm your DailyPapers address")
    stranger = Browser(server.url)
    stranger.get("/forgot-password")
    assert stranger.post("/forgot-password", {"email": address})[0] == 200
    reset = mailed_token(mail_sink, address, "Reset your DailyPapers password")
    subscribe(server, reader)
    confirmation = mailed_token(mail_sink, reader, "Confirm your DailyPapers subscription")
    wait_until_sent(server.database)

    copy = backup(server.database, tmp_path)
    with sqlite3.connect(copy) as connection:
        rows = connection.execute("SELECT kind, message, COALESCE(archived_message, '') FROM outbox").fetchall()
        dump = "\n".join(connection.iterdump())
    assert {kind for kind, _, _ in rows} >= {"verify-email", "reset-password", "confirmation"}
    unfolded = dump.replace("=\r\n", "").replace("=\\r\\n", "").replace("=3D", "=")
    for what, token in [("verification", verify), ("reset", reset), ("subscription confirmation", confirmation)]:
        assert token not in unfolded, f"the {what} link is in the backup"
    assert not any(TOKEN.search(message.replace("=\r\n", "").replace("=3D", "=")) for _, message, _ in rows), "no link of any kind is kept"

    # The links themselves were live: the mails work, what the backup holds does not exist.
    status, page, _ = alice.get(f"/reset-password?token={reset}")
    assert status == 200 and "new password" in page.lower()
    status, page, _ = alice.post("/verify-email", {"token": verify})
    assert status == 200 and "is confirmed" in page


def test_one_address_gets_five_mails_an_hour_whoever_asks(mail_server, mail_sink):
    server = mail_server
    pages = set()
    suffix = uuid.uuid4().hex[:8]
    target, third = f"target-{suffix}@example.org", f"third-{suffix}@example.org"
    for _ in range(8):
        _, status, page = subscribe(server, target)
        assert status == 200
        pages.add(re.sub(r'value="[0-9a-f]{32}"', "", page).replace(target, "ADDRESS"))
    assert len(pages) == 1, "every request gets the same answer, sent or not"
    time.sleep(2)
    assert len(mail_sink.wait_for(target, count=8, timeout=3)) == 5

    server.environment["DAILYPAPERS_PASSWORD"] = "member-password-1"
    server.run("user", "create", "mover", "--email", "mover@example.org")
    mover = Browser(server.url)
    assert mover.log_in("mover", "member-password-1")[0] == 302
    statuses = []
    for _ in range(7):
        mover.get("/settings")
        status, page, headers = mover.post("/settings/email", {"email": third, "password": "member-password-1"})
        statuses.append(status)
    assert statuses == [200] * 5 + [429] * 2, statuses
    assert "This address got as many mails from DailyPapers as it may in an hour" in page and headers["Retry-After"] == "3600"
    assert len(mail_sink.wait_for(third, count=7, timeout=3)) == 5
