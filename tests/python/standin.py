"""A local stand-in for arXiv (OAI-PMH and the RSS listing) and Hugging Face's daily list, serving recorded answers.

arXiv and huggingface.co cannot be reached from the test machines, so the harvest tests run the real binary against
this server. OAI-PMH pages are cut from the recorded ListRecords answer (or from synthetic records for benchmarks) so
that resumption tokens are followed; faults can be queued: a 503 with Retry-After, a slow answer, a truncated page,
any recorded protocol error.
"""
import re
from xml.sax.saxutils import escape
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
RSS_FIXTURE = HERE.parents[1] / "Tests" / "ArxivTests" / "Fixtures" / "rss-cs.CL+cs.LG.xml"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
        '<responseDate>{date}</responseDate>\n<request verb="ListRecords">http://stand-in/oai</request>\n')


def recorded_records(shared_data: Path) -> tuple[list[str], str]:
    """The <record> elements of the recorded ListRecords answer, and its responseDate."""
    text = (shared_data / "fixtures" / "arxiv-oai" / "arXivRaw-ListRecords-from-2014-10-01.xml").read_text()
    return re.findall(r"<record>.*?</record>", text, re.S), re.search(r"<responseDate>(.*?)</responseDate>", text).group(1)


def synthetic_records(count: int, category: str = "cs.LG") -> list[str]:
    """`count` arXivRaw records in the recorded shape, ids 2601.00000 and up, for benchmarks."""
    out = []
    for n in range(count):
        out.append(
            f"<record><header><identifier>oai:arXiv.org:26{n // 100000 + 1:02d}.{n % 100000:05d}</identifier>"
            f"<datestamp>2026-01-{n % 28 + 1:02d}</datestamp><setSpec>cs</setSpec></header><metadata>"
            '<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/">'
            f"<id>26{n // 100000 + 1:02d}.{n % 100000:05d}</id><submitter>A. Submitter</submitter>"
            "<version version=\"v1\"><date>Mon, 5 Jan 2026 10:00:00 GMT</date><size>120kb</size></version>"
            f"<version version=\"v2\"><date>Tue, 6 Jan 2026 10:00:00 GMT</date><size>121kb</size></version>"
            f"<title>Synthetic paper number {n} on scaling laws of sparse mixture models</title>"
            "<authors>Ada Lovelace, Alan Turing, and Grace Hopper</authors>"
            f"<categories>{category} cs.AI</categories><comments>12 pages</comments>"
            "<license>http://creativecommons.org/licenses/by/4.0/</license>"
            f"<abstract>We study synthetic record {n}. " + "Words of an abstract of ordinary length. " * 30 + "</abstract>"
            "</arXivRaw></metadata></record>")
    return out


class StandIn:
    """The server. `faults` is a list of (path prefix, kind, value) taken one at a time by matching requests."""

    def __init__(self, shared_data: Path, page_size: int = 2, records: list[str] | None = None, response_date: str | None = None):
        recorded, date = recorded_records(shared_data)
        self.records = records if records is not None else recorded
        self.response_date = response_date or date
        self.page_size = page_size
        self.shared_data = shared_data
        self.faults: list[tuple[str, str, object]] = []
        self.log: list[dict] = []
        self.lock = threading.Lock()
        self.page_delay: dict[int, float] = {}
        self.lists: dict[tuple, list[str]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def fault(self, path: str, kind: str, value=None):
        with self.lock:
            self.faults.append((path, kind, value))

    def requests(self, path: str = "") -> list[dict]:
        with self.lock:
            return [entry for entry in self.log if entry["path"].startswith(path)]

    # OAI-PMH ------------------------------------------------------------------------------------------------------
    def matching(self, query: dict) -> list[str]:
        """The records a list asks for, worked out once per list (a benchmark's list has 100,000 records)."""
        key = (query.get("set"), query.get("from"))
        if key not in self.lists:
            self.lists[key] = self.select(query)
        return self.lists[key]

    def select(self, query: dict) -> list[str]:
        chosen = self.records
        if "set" in query:
            chosen = [r for r in chosen if f"<setSpec>{query['set']}</setSpec>" in r]
        if "from" in query:
            chosen = [r for r in chosen if re.search(r"<datestamp>(.*?)</datestamp>", r).group(1) >= query["from"]]
        return chosen

    def oai_page(self, query: dict) -> tuple[int, str]:
        if "resumptionToken" in query:
            match = re.fullmatch(r"(\d+)\|(.*)", query["resumptionToken"])
            original = dict(urllib.parse.parse_qsl(match.group(2))) if match else {}
            if "metadataPrefix" not in original:
                return 200, self.error("badResumptionToken")
            start = int(match.group(1))
            chosen = self.matching(original)
        else:
            if query.get("metadataPrefix") not in ("arXivRaw", "arXiv"):
                return 200, self.error("badArgument")
            start, original, chosen = 0, query, self.matching(query)
            if not chosen:
                return 200, self.error("noRecordsMatch")
        page = chosen[start:start + self.page_size]
        delay = self.page_delay.get(start // self.page_size)
        if delay:
            time.sleep(delay)
        following = start + self.page_size
        token_text = f"{following}|{urllib.parse.urlencode(original)}" if following < len(chosen) else ""
        token = f'<resumptionToken cursor="{start}" completeListSize="{len(chosen)}">{escape(token_text)}</resumptionToken>'
        return 200, HEAD.format(date=self.response_date) + "<ListRecords>\n" + "\n".join(page) + token + "\n</ListRecords>\n</OAI-PMH>\n"

    def error(self, code: str) -> str:
        return (self.shared_data / "fixtures" / "arxiv-oai" / f"error-{code}.xml").read_text()

    # The handler ----------------------------------------------------------------------------------------------------
    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parsed = urllib.parse.urlparse(self.path)
                query = dict(urllib.parse.parse_qsl(parsed.query))
                with standin.lock:
                    standin.log.append({"path": parsed.path, "query": query, "at": time.monotonic(),
                                        "agent": self.headers.get("User-Agent", "")})
                    fault = next((f for f in standin.faults if parsed.path.startswith(f[0])), None)
                    if fault:
                        standin.faults.remove(fault)
                status, body, headers = self.answer(parsed.path, query)
                if fault:
                    kind, value = fault[1], fault[2]
                    if kind == "status":
                        status, body, headers = value, "busy", {"Retry-After": "2"} if value == 503 else {}
                    elif kind == "slow":
                        time.sleep(value)
                    elif kind == "truncate":
                        body = body[: len(body) // 2]
                    elif kind == "error":
                        status, body = 200, standin.error(value)
                data = body.encode()
                self.send_response(status)
                for name, header in {"Content-Type": "text/xml; charset=utf-8", **headers}.items():
                    self.send_header(name, header)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except BrokenPipeError:
                    pass

            def answer(self, path, query):
                if path == "/oai":
                    status, body = standin.oai_page(query)
                    return status, body, {}
                if path.startswith("/rss/"):
                    return 200, RSS_FIXTURE.read_text(), {}
                if path == "/api/daily_papers":
                    fixture = standin.shared_data / "fixtures" / "hf-api" / f"daily_papers-{query.get('date', '')}.json"
                    return 200, fixture.read_text() if fixture.exists() else "[]", {"Content-Type": "application/json"}
                return 404, "not found", {}

        return Handler
