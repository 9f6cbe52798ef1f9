"""Harvest throughput: OAI-PMH pages of synthetic arXivRaw records served by the tests' stand-in, without the 3-second
rule, harvested by `dailypapers harvest arxiv --only records` into a database; the reference in the same run is a plain
Python client fetching and parsing (ElementTree) the very same pages, so the ratio says how much the harvest's own
parsing and storing cost beyond reading the bytes.
    python3 harvest_speed.py BIN WORK SHARED_DATA RECORDS DATABASE_URL_OR_SQLITE_PATH
Prints one line: records, seconds, records/s, reference records/s, ratio, peak RSS (MB)."""
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "python"))
from standin import StandIn, synthetic_records  # noqa: E402

binary, work, shared, count, database = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
server = StandIn(shared, page_size=1000, records=synthetic_records(count), response_date="2026-01-29T04:00:00Z")

# The reference: fetch and parse every page as a client that stores nothing would.
started = time.monotonic()
url, seen = f"{server.url}/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-01-01", 0
namespace = "{http://www.openarchives.org/OAI/2.0/}"
while url:
    root = ElementTree.fromstring(urllib.request.urlopen(url).read())
    seen += len(root.findall(f".//{namespace}record"))
    token = root.find(f".//{namespace}resumptionToken")
    url = f"{server.url}/oai?verb=ListRecords&resumptionToken={urllib.parse.quote(token.text)}" if token is not None and token.text else None
reference_seconds = time.monotonic() - started
assert seen == count, (seen, count)

environment = {**os.environ, "ARXIV_OAI_URL": server.url + "/oai", "ARXIV_LISTING_URL": server.url, "ARXIV_INTERVAL": "0",
               "ARXIV_CATEGORIES": "cs.LG", "ARXIV_BACKFILL_FROM": "2026-01-01"}
started = time.monotonic()
process = subprocess.Popen([binary, "harvest", "arxiv", "--only", "records", "--database", database], env=environment,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
# The harvester's own peak (VmHWM), read while it runs: getrusage's figure for children would also count this Python
# process's memory (the synthetic records), which the child shares between fork and exec.
peak_kb = 0
while process.poll() is None:
    try:
        with open(f"/proc/{process.pid}/status") as status:
            peak_kb = max([peak_kb] + [int(line.split()[1]) for line in status if line.startswith("VmHWM")])
    except OSError:
        pass
    time.sleep(0.1)
stdout, stderr = process.communicate()
seconds = time.monotonic() - started
peak = peak_kb / 1024
assert process.returncode == 0 and f"{count} added" in stdout, stdout + stderr
server.close()
rate, reference = count / seconds, count / reference_seconds
print(f"{count} records in {seconds:.1f} s: {rate:,.0f} records/s; plain fetch+parse {reference:,.0f} records/s "
      f"({rate / reference:.2f}×); peak RSS {peak:.0f} MB")
