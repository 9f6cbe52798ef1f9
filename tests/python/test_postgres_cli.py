"""Every command on PostgreSQL: the papers of hf-daily-papers.jsonl move from SQLite to PostgreSQL by export and
import with nothing lost, a whole instance moves with `copy`, `backup` says what to use instead, and `search`
finds papers on both engines."""
import json
import os
import subprocess
from pathlib import Path

from conftest import BINARY, SHARED_DATA
from test_scale_out import PASSWORD, postgres_database, psql

PROJECT_SAMPLE = Path(__file__).resolve().parents[2] / "data" / "seed-papers.jsonl"


def run(*arguments, check=True, environment=None):
    return subprocess.run([BINARY, *arguments], check=check, capture_output=True, text=True, env=environment or os.environ)


def test_export_from_sqlite_and_import_into_postgresql_round_trips_every_paper(tmp_path):
    source = tmp_path / "source.sqlite"
    run("import", "--database", str(source), str(SHARED_DATA / "hf-daily-papers.jsonl"))
    run("export", "--database", str(source), "-o", str(tmp_path / "from-sqlite.jsonl"))
    database = postgres_database("round_trip")
    imported = run("import", "--database", database, str(tmp_path / "from-sqlite.jsonl"))
    assert "9877 new, 0 updated, 0 unchanged, 0 rejected" in imported.stdout
    again = run("import", "--database", database, str(tmp_path / "from-sqlite.jsonl"))
    assert "0 new, 0 updated, 9877 unchanged, 0 rejected" in again.stdout, "importing twice changes nothing"
    run("export", "--database", database, "-o", str(tmp_path / "from-postgres.jsonl"))
    assert (tmp_path / "from-postgres.jsonl").read_bytes() == (tmp_path / "from-sqlite.jsonl").read_bytes()


def test_copy_moves_members_and_votes_and_refuses_a_target_in_use(tmp_path):
    source = str(tmp_path / "instance.sqlite")
    run("import", "--database", source, str(SHARED_DATA / "hf-daily-papers.jsonl"))
    run("user", "create", "ada", "--email", "ada@example.org", "--admin", "--database", source,
        environment={**os.environ, "DAILYPAPERS_PASSWORD": PASSWORD})
    target = postgres_database("copied")
    copied = run("copy", "--database", source, "--to", target)
    assert "organizations 785, papers 9877, users 1" in copied.stdout
    assert psql(target, "SELECT username, role FROM users") == [["ada", "admin"]]
    refused = run("copy", "--database", source, "--to", target, check=False)
    assert refused.returncode != 0 and "The target database is not empty (papers has 9877 rows)" in refused.stderr
    backup = run("backup", "--database", target, str(tmp_path / "copy.sqlite"), check=False)
    assert backup.returncode != 0 and "back it up with pg_dump" in backup.stderr
    made = run("backup", "--database", source, str(tmp_path / "copy.sqlite"))
    assert "Backed up" in made.stdout
    exported = [run("export", "--database", database).stdout for database in (str(tmp_path / "copy.sqlite"), target)]
    assert exported[0] == exported[1] and exported[0].count("\n") == 9877


def test_bad_database_urls_get_precise_errors():
    for url, message in [
        ("postgres://127.0.0.1/db", "it names no user"),
        ("postgres://u@127.0.0.1/", "it names no database"),
        ("postgres://u@127.0.0.1/db?pool=0", "pool=0 is not 1…1000"),
        ("postgres://u@127.0.0.1/db?colour=blue", "unknown option colour"),
        ("mysql://u@host/db", "Unsupported database URL"),
    ]:
        result = run("migrate", "--database", url, check=False)
        assert result.returncode != 0 and message in result.stderr, (url, result.stderr)
    unreachable = run("migrate", "--database", "postgres://u@127.0.0.1:1/db?connect_timeout=1&acquire_timeout=2", check=False)
    assert unreachable.returncode != 0 and "database unavailable" in unreachable.stderr


def test_search_finds_the_same_papers_on_both_engines(tmp_path):
    sample = str(PROJECT_SAMPLE)
    sqlite = str(tmp_path / "search.sqlite")
    postgres = postgres_database("search")
    for database in (sqlite, postgres):
        run("import", "--database", database, sample)
    queries = tmp_path / "queries.txt"
    queries.write_text("video generation\nreinforcement learning for reasoning\nzzzz nothing\n")
    answers = []
    for database in (sqlite, postgres):
        lines = [json.loads(line) for line in run("search", "--database", database, "--batch", str(queries), "--limit", "5").stdout.splitlines()]
        assert [line["query"] for line in lines] == ["video generation", "reinforcement learning for reasoning", "zzzz nothing"]
        assert len(lines[0]["hits"]) == 5 and lines[2]["hits"] == []
        answers.append([{hit["id"] for hit in line["hits"]} for line in lines])
    # The engines rank differently, but every paper either puts first is about the query.
    texts = {paper["id"]: (paper["title"] + " " + paper["abstract"]).lower()
             for paper in map(json.loads, run("export", "--database", sqlite).stdout.splitlines())}
    for engine in answers:
        assert all("video" in texts[paper] or "generat" in texts[paper] for paper in engine[0])
        assert sum("video" in texts[paper] for paper in engine[0]) >= 2, "papers with both words come first"
        assert all("reinforcement" in texts[paper] for paper in engine[1])
    single = run("search", "--database", sqlite, "video", "generation", "--limit", "3").stdout.splitlines()
    assert len(single) == 3 and single[0].startswith("1. ")
    both = run("search", "--database", sqlite, "video", "--batch", str(queries), check=False)
    assert both.returncode != 0 and "not both" in both.stderr
