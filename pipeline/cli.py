"""`ombudsman`: the command line, a thin layer over pipeline.jobs and friends.

Exit codes: 0 success; 1 failure (nothing could be done); 2 usage error; 3 partial
(some inputs failed, the rest landed); 75 busy (a run is writing the database, or another
process has it open). User errors print one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL, EXIT_BUSY = 0, 1, 2, 3, 75


class UserError(Exception):
    """A mistake in the command or its inputs: printed as one line, exit 1."""


class UsageError(UserError):
    """The command itself is wrong (an empty query, two statements, a bad value): exit 2,
    as for argparse's own usage errors."""


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _format_option() -> argparse.ArgumentParser:
    """`--format`, shared by every command that prints rows (one renderer: pipeline.render)."""
    from pipeline.render import FORMATS

    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--format", choices=FORMATS, default="table",
                        help="table (for reading), csv (lists as JSON arrays) or json (default table)")
    return parent


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ombudsman", description="UK ombudsman decisions as data.")
    rows = _format_option()
    parser.add_argument("--db", help="DuckDB file (default data/ombudsman.duckdb or $OMBUDSMAN_DB)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log each failure as it happens, and what the scrapers do (retries, windows)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scrape", help="collect decisions from a publisher into the raw store and the database")
    p.add_argument("source", choices=["lgsco", "phso"])
    p.add_argument("--from", dest="since", type=_date, help="first decision date (YYYY-MM-DD)")
    p.add_argument("--to", dest="until", type=_date, help="last decision date (YYYY-MM-DD)")
    p.add_argument("--limit", type=_positive, help="stop after N decisions")
    p.add_argument("--base-url", help="a mirror or test server instead of the publisher's site")
    p.add_argument("--refresh", action="store_true", help="fetch decisions again even when stored")
    p.add_argument("--rate", type=float, help="requests per second (default 1)")
    p.add_argument("--raw-dir", type=Path, help="raw store folder (default data/raw)")
    p.add_argument("--no-extract", action="store_true", help="collect only; extract later")

    p = sub.add_parser("ingest", help="add local records: .jsonl in the record format, saved decision .html, folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--no-extract", action="store_true", help="store only; extract later")

    p = sub.add_parser("extract", help="extract new or changed decisions into the database")
    p.add_argument("--all", action="store_true", help="re-extract every decision")

    p = sub.add_parser("run", help="the scheduled batch: collect what is new, extract, summarise")
    p.add_argument("--sources", default="lgsco,phso", help="comma-separated publishers (default lgsco,phso)")
    p.add_argument("--since", type=_date, help="collect from this date (default: the last successful run)")
    p.add_argument("--offline", action="store_true", help="do not contact any site")
    p.add_argument("--limit", type=_positive, help="at most N decisions per publisher")

    p = sub.add_parser("annotate", help="print predictions as JSONL in the gold format")
    p.add_argument("inputs", nargs="+", help="records (.jsonl, .html, folders)")

    p = sub.add_parser("eval", help="precision, recall and F1 per field against gold")
    p.add_argument("inputs", nargs="+", help="records (.jsonl, .html, folders), then the gold .jsonl last")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", action="store_true", help="list the differences per decision")

    p = sub.add_parser("query", help="read-only SQL against the database (one statement)", parents=[rows])
    p.add_argument("sql")

    p = sub.add_parser("report", help="HTML report with charts")
    p.add_argument("--out", type=Path, default=Path("report.html"))

    p = sub.add_parser("tracker", help="per body: remedies agreed (personal, systemic) and where they stand",
                       parents=[rows])
    p.add_argument("--body", help="bodies whose name contains this (any case)")
    p.add_argument("--since", type=_date, help="decisions dated from this day (YYYY-MM-DD)")
    p.add_argument("--on", type=_date, help="status as of this day (default today)")
    p.add_argument("--out", type=Path, help="write to FILE.csv (the per-body table), FILE.xlsx or FILE.html (both with the systemic actions)")

    p = sub.add_parser("similar", help="the decisions most like a given one (TF-IDF over the findings)", parents=[rows])
    p.add_argument("reference", help="a decision: 'lgsco:23 011 903a', '23 011 903a' or 'P-004641'")
    p.add_argument("--k", type=_positive, default=10, help="how many (default 10)")

    p = sub.add_parser("status", help="the last runs and the failures still open", parents=[rows])
    p.add_argument("--all", action="store_true", help="also the failures resolved since (the decision landed later)")

    p = sub.add_parser("forget", help="remove decisions and every row extracted from them")
    p.add_argument("references", nargs="+", metavar="REFERENCE", help="'lgsco:23 011 903a', '23 011 903a' or 'P-004641'")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    from pipeline.db import DatabaseError
    from pipeline.lock import Busy

    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
        return code
    except BrokenPipeError:
        # `ombudsman query ... | head`: the reader has what it wanted. Point stdout at
        # /dev/null so that Python's own flush at exit does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Busy as exc:
        print(f"ombudsman {args.command}: busy: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except UsageError as exc:
        print(f"ombudsman {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (UserError, DatabaseError, ValueError, FileNotFoundError) as exc:
        print(f"ombudsman {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:  # a read-only filesystem, a full disk, a folder we may not write
        where = f": {exc.filename}" if exc.filename else ""
        print(f"ombudsman {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"ombudsman {args.command}: interrupted", file=sys.stderr)
        return 130


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s", stream=sys.stderr)
    # The jobs log each failed input as it happens; without -v they are listed once, at
    # the end (_report_failures), not twice.
    logging.getLogger("ombudsman").setLevel(logging.INFO if verbose else logging.ERROR)
    # The crawler's periodic progress lines belong in a run's log, as the jobs' do.
    logging.getLogger("scrapers.crawl").setLevel(logging.INFO)


def _exit_for(result) -> int:
    return {"ok": EXIT_OK, "partial": EXIT_PARTIAL, "failed": EXIT_FAILURE}[result.status]


def _report_failures(command: str, result, verbose: bool = False) -> None:
    if verbose:  # each was logged as it happened
        return
    for failure in result.failures[:20]:
        print(f"ombudsman {command}: {failure}", file=sys.stderr)
    if len(result.failures) > 20:
        print(f"ombudsman {command}: ... and {len(result.failures) - 20} more (see the failures table)", file=sys.stderr)


def _logged(command: str, args, work) -> int:
    """Run `work(con, run_id)` as one logged run (pipeline.runlog.logged_run), showing its
    progress, then print its notes, failures and counts."""
    from pipeline import progress, runlog

    def shown(con, run_id):
        with progress.reporting(progress.for_stream(sys.stderr, prefix=f"{command}: ")):
            return work(con, run_id)

    result = runlog.logged_run(args.db, command, shown)
    for note in result.notes:
        print(note, file=sys.stderr)
    _report_failures(command, result, args.verbose)
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if v)
    print(f"{command}: {result.status}" + (f" ({counts})" if counts else ""), file=sys.stderr)
    return _exit_for(result)


def cmd_ingest(args) -> int:
    from pipeline import jobs

    def work(con, run_id):
        result = jobs.ingest(con, args.paths, run_id)
        if not args.no_extract:
            result.add(jobs.extract_pending(con, run_id=run_id))
        return result

    return _logged("ingest", args, work)


def cmd_extract(args) -> int:
    from pipeline import jobs

    return _logged("extract", args, lambda con, run_id: jobs.extract_pending(con, everything=args.all, run_id=run_id))


def cmd_scrape(args) -> int:
    import scrapers
    from pipeline import jobs

    def work(con, run_id):
        try:
            result = jobs.collect(con, args.source, since=args.since, until=args.until, limit=args.limit,
                                  base_url=args.base_url, refresh=args.refresh, rate=args.rate,
                                  raw_dir=args.raw_dir, run_id=run_id)
        except (scrapers.SourceUnavailable, scrapers.ApiKeyError) as exc:
            raise UserError(str(exc)) from None
        if not args.no_extract:
            result.add(jobs.extract_pending(con, run_id=run_id))
        return result

    return _logged("scrape", args, work)


def cmd_run(args) -> int:
    from pipeline import jobs

    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    unknown = [s for s in sources if s not in ("lgsco", "phso")]
    if unknown:
        raise UsageError(f"unknown source(s): {', '.join(unknown)} (expected lgsco, phso)")
    code = _logged("run", args, lambda con, run_id: jobs.run_batch(
        con, sources=sources, since=args.since, offline=args.offline, limit=args.limit, run_id=run_id))
    from pipeline import db
    from pipeline.report import summary

    con = db.connect(args.db, read_only=True)
    print(summary(con))  # the report's figures, counted the same way
    return code


def _read_records(inputs: list[str]):
    from pipeline.inputs import read_inputs
    from pipeline.records import InputFailure

    records, failures = [], []
    for item in read_inputs(inputs):
        (failures if isinstance(item, InputFailure) else records).append(item)
    for failure in failures:
        print(f"ombudsman: {failure}", file=sys.stderr)
    return records, failures


def cmd_annotate(args) -> int:
    from pipeline.evaluate import to_gold
    from pipeline.extraction import extract

    records, failures = _read_records(args.inputs)
    for ex in extract(records):
        print(json.dumps(to_gold(ex), ensure_ascii=False))
    return EXIT_PARTIAL if failures and records else (EXIT_FAILURE if failures else EXIT_OK)


def cmd_eval(args) -> int:
    from pipeline.evaluate import predict, read_gold, score

    if len(args.inputs) < 2:
        raise UserError("give the records, then the gold file: ombudsman eval RECORDS.jsonl GOLD.jsonl")
    *inputs, gold_path = args.inputs
    gold = read_gold(gold_path)
    records, failures = _read_records(inputs)
    preds = predict(records, remedies=True)
    scores = score(preds, gold)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        print(scores.table())
    if args.errors:
        from pipeline.evaluate import differences

        for line in differences(preds, gold):
            print(line)
    for err in scores.errors:
        print(f"ombudsman eval: {err}", file=sys.stderr)
    return EXIT_PARTIAL if failures else EXIT_OK


def cmd_query(args) -> int:
    import duckdb

    from pipeline import db
    from pipeline.render import render

    con = db.connect(args.db, read_only=True)
    try:
        statements = con.extract_statements(args.sql)
    except duckdb.Error as exc:
        raise UserError(str(exc).splitlines()[0]) from None
    if not statements:
        raise UsageError('no SQL given: ombudsman query "SELECT ..."')
    if len(statements) > 1:
        raise UsageError(f"one statement at a time ({len(statements)} given): run them one by one")
    try:
        cursor = con.execute(statements[0])
        if cursor.description is None:
            return EXIT_OK
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except duckdb.PermissionException as exc:
        raise UserError(f"refused: a query reads this database and nothing else ({str(exc).splitlines()[0]})") from None
    except duckdb.Error as exc:
        raise UserError(str(exc).splitlines()[0]) from None
    render(columns, rows, args.format)
    return EXIT_OK


def cmd_report(args) -> int:
    from pipeline import analysis, db
    from pipeline.lock import WriterLock
    from pipeline.report import write_report

    con = db.connect(args.db, read_only=True)  # the report only reads: it works on a read-only filesystem
    try:
        if not analysis.views_current(con):
            # A database from an older version of the views: rebuild them once, as a writer.
            con.close()
            path = db.check_database_file(db.db_path(args.db))
            with WriterLock(path, "ombudsman report"):
                writer = db.connect(path)
                analysis.ensure_views(writer)
                writer.close()
            con = db.connect(path, read_only=True)
        print(write_report(con, args.out))
    except analysis.AnalysisError as exc:
        raise UserError(str(exc)) from None
    return EXIT_OK


def cmd_tracker(args) -> int:
    from dataclasses import astuple, fields

    from pipeline import analysis, db
    from pipeline.render import render
    from pipeline.report import write_tracker, write_tracker_xlsx

    suffix = args.out.suffix.lower() if args.out else None
    if suffix not in (None, ".csv", ".html", ".xlsx"):
        raise UsageError(f"--out {args.out}: write .csv, .xlsx or .html, not {suffix or 'a file without a suffix'}")
    on = args.on or dt.date.today()
    con = db.connect(args.db, read_only=True)
    try:
        if suffix == ".html":
            print(write_tracker(con, args.out, on, body=args.body, since=args.since))
            return EXIT_OK
        if suffix == ".xlsx":
            print(write_tracker_xlsx(con, args.out, on, body=args.body, since=args.since))
            return EXIT_OK
        bodies = analysis.tracker(con, body=args.body, since=args.since, on=on)
        columns = [f.name for f in fields(analysis.TrackedBody)]
        if suffix == ".csv":
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                render(columns, [astuple(r) for r in bodies], "csv", out)
            print(args.out)
            return EXIT_OK
        render(columns, [astuple(r) for r in bodies], args.format)
        if args.format == "table":  # for people, the systemic actions behind the counts
            actions = analysis.systemic_actions(con, body=args.body, since=args.since, on=on)
            print("\nSystemic actions")
            render([f.name for f in fields(analysis.SystemicAction)], [astuple(a) for a in actions])
    except analysis.AnalysisError as exc:
        raise UserError(str(exc)) from None
    return EXIT_OK


def cmd_similar(args) -> int:
    from pipeline import db
    from pipeline.render import render
    from pipeline.similar import UnknownReference, default_cache_dir, similar

    con = db.connect(args.db, read_only=True)
    try:
        rows = similar(con, args.reference, k=args.k, cache_dir=default_cache_dir())
    except UnknownReference as exc:
        raise UserError(str(exc)) from None
    render(["score", "decision", "date", "title", "shared terms", "url"],
           [(round(r.score, 3), r.decision_id, r.decision_date, r.title, r.shared_terms, r.url) for r in rows],
           args.format)
    return EXIT_OK


def cmd_status(args) -> int:
    from pipeline import db, runlog
    from pipeline.render import render

    con = db.connect(args.db, read_only=True)
    runs = runlog.recent_runs(con)
    failures, hidden = runlog.failures(con, include_resolved=args.all)
    if args.format != "table":  # one table for programs: the failures (the runs are one query away)
        render(runlog.FAILURE_COLUMNS, failures, args.format)
        return EXIT_OK
    print("Runs")
    render(runlog.RUN_COLUMNS, runs)
    print()
    print("Failures" + ("" if args.all else " still open"))
    render(runlog.FAILURE_COLUMNS[:-1] if not args.all else runlog.FAILURE_COLUMNS,
           [f[:-1] for f in failures] if not args.all else failures)
    if hidden:
        print(f"{hidden} resolved since (the decision landed later): `ombudsman status --all` shows them")
    return EXIT_OK


def cmd_forget(args) -> int:
    from pipeline import db, jobs

    def work(con, run_id):
        try:
            removed = db.forget(con, args.references)
        except db.UnknownDecision as exc:
            raise UserError(str(exc)) from None
        for decision_id, rows in removed.items():
            print(f"forgot {decision_id}: " + ", ".join(f"{table} {n}" for table, n in rows.items()))
        return jobs.JobResult(counts={"forgotten": len(removed)})

    return _logged("forget", args, work)


COMMANDS = {
    "scrape": cmd_scrape, "ingest": cmd_ingest, "extract": cmd_extract, "run": cmd_run, "annotate": cmd_annotate,
    "eval": cmd_eval, "query": cmd_query, "report": cmd_report, "status": cmd_status,
    "similar": cmd_similar, "forget": cmd_forget, "tracker": cmd_tracker,
}


if __name__ == "__main__":
    sys.exit(main())
