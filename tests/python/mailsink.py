"""A real SMTP server for the tests (aiosmtpd) that saves every message it accepts, optionally behind STARTTLS and AUTH."""
import datetime
import ipaddress
import os
import ssl
import tempfile
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SavingHandler:
    """Keeps each accepted message with its envelope, in memory and as a file."""

    def __init__(self, folder: Path, pipelining: bool):
        self.folder = folder
        self.messages = []
        self.lock = threading.Lock()
        self.pipelining = pipelining

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        """aiosmtpd reads commands one after another, so it can honestly offer PIPELINING (RFC 2920)."""
        session.host_name = hostname
        if self.pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        """Addresses starting with "bounce-" do not exist: a permanent failure, as a real server answers."""
        if address.startswith("bounce-"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = len(self.messages)
            record = {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "data": envelope.original_content,
                      "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                      "auth": session.authenticated}
            self.messages.append(record)
            (self.folder / f"{number:06d}.eml").write_bytes(envelope.original_content)
        return "250 OK stored"

    def count(self):
        with self.lock:
            return len(self.messages)

    def recipients(self):
        with self.lock:
            return [recipient for record in self.messages for recipient in record["to"]]

    def parsed(self):
        with self.lock:
            return [dict(record, message=message_from_bytes(record["data"], policy=policy.default)) for record in self.messages]


def make_certificate(folder: Path):
    """A throwaway self-signed certificate for localhost and 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class MailSink:
    """Starts aiosmtpd on a free port; with tls=True it offers STARTTLS and requires it, and AUTH, before mail."""

    def __init__(self, port: int, tls: bool = False, implicit_tls: bool = False, username: str = "digest", password: str = "s3cret",
                 login_only: bool = False):
        self.folder = Path(tempfile.mkdtemp(prefix="dailypapers-smtp-"))
        # The plain sink offers PIPELINING, the TLS ones do not: both of the client's paths are exercised.
        self.handler = SavingHandler(self.folder, pipelining=not (tls or implicit_tls))
        self.port = port
        self.username, self.password = username, password
        options = {}
        self.cert = None
        if implicit_tls:
            self.cert, key = make_certificate(self.folder)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self.cert, key)
            # The whole connection is TLS, but aiosmtpd only knows about STARTTLS: let it offer AUTH anyway.
            options = dict(ssl_context=context, auth_required=True, auth_require_tls=False, authenticator=self.authenticate,
                           auth_exclude_mechanism=["PLAIN"] if login_only else [])
        elif tls:
            self.cert, key = make_certificate(self.folder)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self.cert, key)
            options = dict(tls_context=context, require_starttls=True, auth_required=True, auth_require_tls=True,
                           authenticator=self.authenticate)
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port, **options)

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == self.username and auth_data.password.decode() == self.password
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def messages(self):
        return self.handler.parsed()

    def wait_for(self, address, count=1, timeout=15):
        """The messages to `address`, once there are `count` of them (or whatever arrived within `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [record for record in self.messages() if address in record["to"]]
            if len(found) >= count:
                return found
            time.sleep(0.1)
        return [record for record in self.messages() if address in record["to"]]

    def count(self):
        return self.handler.count()

    def recipients(self):
        return self.handler.recipients()
