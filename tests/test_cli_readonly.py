"""What `ombudsman` may touch, run end to end as a user runs it: `query` reads the one
database and nothing else; a database someone else has open is "busy" (exit 75) whichever
side holds it; a file that is not a DuckDB database, or a read-only filesystem, is one line."""
from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

from conftest import REPO
from handbuilt_db import build


def ombudsman(*args, db, wrap=(), timeout=120):
    cmd = [*wrap, sys.executable, "-m", "pipeline.cli", "--db", str(db), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=timeout)


def one_line(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "t.duckdb"
    build(path).close()
    return path


@pytest.fixture()
def other(tmp_path):
    """Another database in a file beside it, with rows a query must not be able to delete."""
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE precious AS SELECT range AS x FROM range(3)")
    con.close()
    return path


# --- query reads this database and nothing else ---------------------------------------

@pytest.mark.parametrize("sql, leaves", [
    ("COPY decisions TO '{tmp}/out.csv'", "out.csv"),
    ("EXPORT DATABASE '{tmp}/export'", "export"),
    ("SELECT * FROM read_csv('/etc/passwd')", None),
    ("SELECT * FROM read_text('/etc/hostname')", None),
    ("INSTALL httpfs", None),
    ("LOAD httpfs", None),
    ("ATTACH '{tmp}/other.duckdb' AS other (READ_WRITE)", None),
    ("SET enable_external_access = true", None),
    ("DELETE FROM payments", None),
])
def test_query_cannot_touch_anything_but_the_database(db, other, tmp_path, sql, leaves):
    result = ombudsman("query", sql.format(tmp=tmp_path), db=db)
    assert result.returncode == 1
    one_line(result)
    if leaves:
        assert not (tmp_path / leaves).exists()
    assert duckdb.connect(str(other), read_only=True).execute("SELECT count(*) FROM precious").fetchone() == (3,)


def test_attach_then_delete_in_another_database_is_refused(db, other):
    result = ombudsman("query", f"ATTACH '{other}' AS o (READ_WRITE); DELETE FROM o.precious", db=db)
    assert result.returncode in (1, 2)
    one_line(result)
    assert duckdb.connect(str(other), read_only=True).execute("SELECT count(*) FROM precious").fetchone() == (3,)


def test_query_still_reads(db):
    result = ombudsman("query", "SELECT count(*) AS n FROM decisions", "--format", "csv", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["n", "5"]


# --- a read-only filesystem -------------------------------------------------------------

UNSHARE = shutil.which("unshare")


def read_only_mount(folder) -> tuple[str, ...]:
    """A command prefix that runs the rest with `folder` mounted read-only (a private mount
    namespace; nothing outside the command sees it)."""
    script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
    return (UNSHARE, "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh")


@pytest.fixture()
def ro(tmp_path):
    if UNSHARE is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run([*read_only_mount(tmp_path), "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount read-only here: {probe.stderr.decode().strip()}")
    return read_only_mount


def test_report_and_query_work_on_a_read_only_filesystem(tmp_path, ro):
    from pipeline.analysis import create_views

    folder = tmp_path / "ro"
    folder.mkdir()
    con = build(folder / "t.duckdb")
    create_views(con)  # as every extraction leaves it
    con.close()
    out = tmp_path / "report.html"
    result = ombudsman("report", "--out", out, db=folder / "t.duckdb", wrap=ro(folder))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    assert ombudsman("query", "SELECT 1", db=folder / "t.duckdb", wrap=ro(folder)).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["t.duckdb"]


def test_a_writer_on_a_read_only_filesystem_fails_in_one_line(tmp_path, ro):
    folder = tmp_path / "ro"
    folder.mkdir()
    build(folder / "t.duckdb").close()
    for target in ("t.duckdb", "new.duckdb"):
        result = ombudsman("extract", db=folder / target, wrap=ro(folder))
        assert result.returncode == 1
        assert "read-only file system" in one_line(result).lower()


# --- not a DuckDB database ----------------------------------------------------------------

def test_a_file_that_is_not_a_duckdb_database(tmp_path):
    import sqlite3

    sqlite = tmp_path / "notes.sqlite"
    sqlite3.connect(sqlite).execute("CREATE TABLE t (a)").connection.commit()
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    for target in (sqlite, text):
        for command in (["query", "SELECT 1"], ["status"], ["extract"], ["report", "--out", tmp_path / "r.html"]):
            result = ombudsman(*command, db=target)
            assert result.returncode == 1, (command, result.stderr)
            assert one_line(result).endswith(f"{target} is not a DuckDB database"), result.stderr
    # no lock file left beside someone else's file, and no download (DuckDB would fetch
    # sqlite_scanner for a SQLite file: its error would name the extension)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite", "notes.txt"]


# --- busy: whichever side holds the database -------------------------------------------------

def _hold(code: str) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", code + "\nprint('held', flush=True)\nimport time; time.sleep(120)"],
                              cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_readers_are_told_a_run_is_in_progress(db):
    # What `ombudsman run` holds while it writes: the writer lock and a writable connection.
    holder = _hold("from pipeline import db; from pipeline.lock import WriterLock\n"
                   f"lock = WriterLock({str(db)!r}, 'ombudsman run').__enter__(); con = db.connect({str(db)!r})")
    try:
        for command in (["query", "SELECT 1"], ["status"]):
            result = ombudsman(*command, db=db)
            assert result.returncode == 75, result.stderr
            line = one_line(result)
            assert "busy: a run is in progress" in line and f"pid {holder.pid}" in line and "since" in line
            assert "IO Error" not in line
    finally:
        holder.kill()
        holder.wait()
    assert ombudsman("status", db=db).returncode == 0


def test_a_writer_is_told_a_reader_has_the_database_open(db):
    # A notebook with the database open (read-only, as the notebooks open it).
    holder = _hold(f"import duckdb; con = duckdb.connect({str(db)!r}, read_only=True)")
    try:
        for command in (["extract"], ["run", "--offline"]):
            result = ombudsman(*command, db=db)
            assert result.returncode == 75, result.stderr
            line = one_line(result)
            assert f"busy: the database is open in pid {holder.pid}" in line and "IO Error" not in line
    finally:
        holder.kill()
        holder.wait()
    assert ombudsman("extract", db=db).returncode == 0
    runs = duckdb.connect(str(db), read_only=True).execute("SELECT command, status FROM runs").fetchall()
    assert runs == [("extract", "ok")]  # the busy attempts wrote nothing
