"""The dailypapers binary as an operator uses it: interrupted imports, exports, graceful shutdown."""
import os
import signal
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BINARY, SHARED_DATA, free_port, wait_until_healthy

MODEL = os.environ.get("DAILYPAPERS_MODEL", str(Path(__file__).resolve().parents[2] / "models" / "all-MiniLM-L6-v2"))

DAILY = str(SHARED_DATA / "hf-daily-papers.jsonl")


def run(*arguments, check=True):
    return subprocess.run([BINARY, *arguments], check=check, capture_output=True, text=True)


def stored_papers(database):
    with sqlite3.connect(database, timeout=5) as connection:
        return connection.execute("SELECT COUNT(*) FROM papers").fetchone()[0]


def export(database):
    return run("export", "--database", database).stdout


def test_shared_data_an_interrupted_import_completes_when_run_again():
    folder = tempfile.mkdtemp(prefix="dailypapers-interrupt-")
    reference, interrupted = os.path.join(folder, "reference.sqlite"), os.path.join(folder, "interrupted.sqlite")
    run("import", "--database", reference, DAILY)

    run("migrate", "--database", interrupted)
    process = subprocess.Popen([BINARY, "import", "--database", interrupted, "--batch-size", "200", DAILY],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Kill it as soon as the first batch is committed, long before it can finish.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and stored_papers(interrupted) == 0:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = export(interrupted).count("\n")
    assert 0 < partial < 9877, f"the kill should land mid-import, found {partial} papers"

    summary = run("import", "--database", interrupted, DAILY).stdout
    assert f"{9877 - partial} new, 0 updated, {partial} unchanged, 0 rejected" in summary
    assert export(interrupted) == export(reference)


def test_strict_import_of_a_bad_file_writes_nothing_and_says_why():
    folder = tempfile.mkdtemp(prefix="dailypapers-strict-")
    database, bad = os.path.join(folder, "strict.sqlite"), os.path.join(folder, "bad.jsonl")
    with open(bad, "w") as file:
        file.write('{"arxivId": "2501.00001", "title": "Good", "dailyDate": "2025-01-10"}\n')
        file.write('{"arxivId": "2501.00002", "dailyDate": "2025-01-10"}\n')
    result = run("import", "--strict", "--database", database, bad, check=False)
    assert result.returncode != 0
    assert f"{bad}:line 2: field 'title': is missing" in result.stderr
    assert "1 record(s) rejected; --strict: nothing was written" in result.stderr
    assert export(database) == ""


def test_a_partly_bad_import_keeps_the_good_records_and_exits_3():
    folder = tempfile.mkdtemp(prefix="dailypapers-partial-")
    database, mixed = os.path.join(folder, "partial.sqlite"), os.path.join(folder, "mixed.jsonl")
    with open(mixed, "w") as file:
        file.write('{"arxivId": "2501.00001", "title": "Good", "dailyDate": "2025-01-10"}\n')
        file.write('{"arxivId": "../1234567", "title": "Path", "dailyDate": "2025-01-10"}\n')
    result = run("import", "--database", database, mixed, check=False)
    assert result.returncode == 3, result.stderr
    assert f"{mixed}:line 2:" in result.stderr and "is not an arXiv id" in result.stderr
    assert "1 record(s) rejected (listed above); the others were imported. Exit status 3." in result.stderr
    assert '"2501.00001"' in export(database) and "1234567" not in export(database)


def test_serve_stops_gracefully_on_sigterm():
    folder = tempfile.mkdtemp(prefix="dailypapers-serve-")
    database = os.path.join(folder, "serve.sqlite")
    port = free_port()
    process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process)
    with urllib.request.urlopen(url + "/") as response:
        assert "No papers yet" in response.read().decode()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0


def test_bad_settings_are_refused_with_a_clear_message():
    result = run("serve", "--port", "70000", check=False)
    assert result.returncode != 0 and "PORT: '70000' is not a whole number from 0 to 65535" in result.stderr
    result = subprocess.run([BINARY, "serve", "--port", "x", "--bcrypt-cost=99"], capture_output=True, text=True,
                            env={**os.environ, "DIGEST_TIME": "7pm", "IDLE_TIMEOUT": "0"})
    assert result.returncode != 0 and "4 problems" in result.stderr, "every invalid setting is reported at once"
    for name in ["PORT", "BCRYPT_COST", "DIGEST_TIME", "IDLE_TIMEOUT"]:
        assert f"- {name}: " in result.stderr, name
    result = run("serve", "--prot", "8080", check=False)
    assert result.returncode != 0 and "Unknown option '--prot'" in result.stderr
    result = run("import", "--format", "csv", "x.jsonl", check=False)
    assert result.returncode != 0 and "Unknown format 'csv'" in result.stderr
    result = subprocess.run([BINARY, "migrate"], capture_output=True, text=True,
                            env={**os.environ, "DATABASE_URL": "mysql://localhost/db"})
    assert result.returncode != 0 and "Unsupported database URL 'mysql://localhost/db'" in result.stderr


def test_config_prints_every_setting_with_its_source_and_hides_secrets():
    folder = tempfile.mkdtemp(prefix="dailypapers-config-")
    file = os.path.join(folder, "site.env")
    with open(file, "w") as out:
        out.write("PORT=9123\nMAIL_FROM=Lab <papers@lab.example>\n")
    result = subprocess.run([BINARY, "config", "--config", file, "--hostname", "0.0.0.0"], capture_output=True, text=True,
                            env={**os.environ, "SMTP_URL": "smtp://bot:hunter2@mail.example:587", "MAIL_FROM": "Env <env@lab.example>"})
    assert result.returncode == 0, result.stderr
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert lines["HOST"] == "0.0.0.0  # flag"
    assert lines["MAIL_FROM"] == "Env <env@lab.example>  # environment"
    assert lines["PORT"] == f"9123  # file {file}"
    assert lines["PUBLIC_URL"] == "http://0.0.0.0:9123  # default (http://HOST:PORT)"
    assert lines["SMTP_URL"] == "smtp://bot:***@mail.example:587  # environment"
    assert "hunter2" not in result.stdout


def test_migrate_creates_the_database_and_its_folder():
    folder = tempfile.mkdtemp(prefix="dailypapers-migrate-")
    database = os.path.join(folder, "nested", "deeper", "papers.sqlite")
    result = run("migrate", "--database", database)
    assert "schema at version" in result.stdout and os.path.exists(database)
    assert "up to date" in run("migrate", "--dry-run", "--database", database).stdout


def cpu_flags():
    with open("/proc/cpuinfo") as info:
        return set(next(line for line in info if line.startswith("flags")).split(":", 1)[1].split())


def test_the_embedder_never_runs_generic_kernels_on_a_cpu_with_avx2(tmp_path):
    clean = {key: value for key, value in os.environ.items() if key not in ("OPENBLAS_CORETYPE", "DAILYPAPERS_BLAS_FALLBACK")}
    result = subprocess.run([BINARY, "embed", "--database", str(tmp_path / "empty.sqlite"), "--model", str(MODEL)],
                            env=clean, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("embedding kernels: OpenBLAS "))
    core = line.split()[3]
    if {"avx2", "fma"} <= cpu_flags():
        assert core.lower() not in {"prescott", "core2", "penryn", "dunnington", "nehalem", "atom"}, line


@pytest.mark.parametrize("environment, expected", [
    ({"DAILYPAPERS_BLAS_CORENAME": "Prescott", "DAILYPAPERS_CPU_FLAGS": "sse3 avx avx2 fma"},
     "OpenBLAS Haswell (chosen at start-up: OpenBLAS named this CPU Prescott, a generic fallback, and its flags allow Haswell)"),
    ({"DAILYPAPERS_BLAS_CORENAME": "Prescott", "DAILYPAPERS_CPU_FLAGS": "avx2 fma avx512f avx512cd avx512bw avx512dq avx512vl"},
     "OpenBLAS SkylakeX (chosen at start-up: OpenBLAS named this CPU Prescott"),
    ({"OPENBLAS_CORETYPE": "Prescott"}, "OpenBLAS Prescott (OPENBLAS_CORETYPE=Prescott was set)"),
])
def test_the_embedder_reports_its_kernels_and_replaces_a_generic_fallback(tmp_path, environment, expected):
    """OpenBLAS's generic fallback (forced here by describing the CPU) makes the process start again with the best
    kernels the CPU's flags allow; the real OpenBLAS then reports them. An operator's OPENBLAS_CORETYPE stands."""
    clean = {key: value for key, value in os.environ.items() if key not in ("OPENBLAS_CORETYPE", "DAILYPAPERS_BLAS_FALLBACK")}
    result = subprocess.run([BINARY, "embed", "--database", str(tmp_path / "empty.sqlite"), "--model", str(MODEL)],
                            env={**clean, **environment}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("embedding kernels: "))
    assert expected in line, line


def embed_kernels(tmp_path, *arguments, environment=None):
    clean = {key: value for key, value in os.environ.items() if key != "EMBEDDING_PRECISION"}
    return subprocess.run([BINARY, "embed", "--database", str(tmp_path / "empty.sqlite"), "--model", str(MODEL), *arguments],
                          env={**clean, **(environment or {})}, capture_output=True, text=True, timeout=120)


def test_the_dense_layers_multiply_bytes_where_the_cpu_can_and_f32_when_asked(tmp_path):
    automatic = embed_kernels(tmp_path)
    assert automatic.returncode == 0, automatic.stderr
    line = next(line for line in automatic.stdout.splitlines() if line.startswith("embedding kernels: "))
    flags = cpu_flags()
    if {"avx512_vnni", "avx512bw"} <= flags:
        assert line.endswith("; dense layers in int8 on AVX-512 VNNI"), line
    elif "avx_vnni" in flags:
        assert line.endswith("; dense layers in int8 on AVX-VNNI"), line
    else:
        assert line.endswith("; dense layers in f32 (this CPU has neither AVX-512 VNNI nor AVX-VNNI)"), line
    for forced in (embed_kernels(tmp_path, "--embedding-precision", "f32"), embed_kernels(tmp_path, environment={"EMBEDDING_PRECISION": "F32"})):
        assert forced.returncode == 0, forced.stderr
        assert "; dense layers in f32 (EMBEDDING_PRECISION=f32)" in forced.stdout


def test_an_unknown_precision_is_refused_by_name(tmp_path):
    result = embed_kernels(tmp_path, "--embedding-precision", "int4")
    assert result.returncode != 0
    assert "EMBEDDING_PRECISION must be auto or f32, not 'int4'" in result.stderr
    assert not (tmp_path / "empty.sqlite").exists()
