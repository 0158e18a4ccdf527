"""`ombudsman`: the command line, a thin layer over pipeline.jobs and friends.

Exit codes: 0 success; 1 failure (nothing could be done); 2 usage error; 3 partial
(some inputs failed, the rest landed); 75 busy (another run holds the lock).
User errors print one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL, EXIT_BUSY = 0, 1, 2, 3, 75


class UserError(Exception):
    """A mistake in the command or its inputs: printed as one line, exit 1."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ombudsman", description="UK ombudsman decisions as data.")
    parser.add_argument("--db", help="DuckDB file (default data/ombudsman.duckdb or $OMBUDSMAN_DB)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and each failure")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scrape", help="collect decisions from a publisher into the raw store and the database")
    p.add_argument("source", choices=["lgsco", "phso"])
    p.add_argument("--from", dest="since", type=_date, help="first decision date (YYYY-MM-DD)")
    p.add_argument("--to", dest="until", type=_date, help="last decision date (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, help="stop after N decisions")
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
    p.add_argument("--limit", type=int, help="at most N decisions per publisher")

    p = sub.add_parser("annotate", help="print predictions as JSONL in the gold format")
    p.add_argument("inputs", nargs="+", help="records (.jsonl, .html, folders)")

    p = sub.add_parser("eval", help="precision, recall and F1 per field against gold")
    p.add_argument("inputs", nargs="+", help="records (.jsonl, .html, folders), then the gold .jsonl last")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", action="store_true", help="list the differences per decision")

    p = sub.add_parser("query", help="read-only SQL against the database")
    p.add_argument("sql")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = sub.add_parser("report", help="HTML report with charts")
    p.add_argument("--out", type=Path, default=Path("report.html"))

    p = sub.add_parser("similar", help="the decisions most like a given one (TF-IDF over the findings)")
    p.add_argument("reference", help="a decision: 'lgsco:23 011 903a', '23 011 903a' or 'P-004641'")
    p.add_argument("--k", type=int, default=10, help="how many (default 10)")

    sub.add_parser("status", help="the last runs and open failures")

    p = sub.add_parser("forget", help="remove decisions and every row extracted from them")
    p.add_argument("references", nargs="+", metavar="REFERENCE", help="'lgsco:23 011 903a', '23 011 903a' or 'P-004641'")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s", stream=sys.stderr)
    from pipeline.db import DatabaseError
    from pipeline.lock import Busy

    try:
        return COMMANDS[args.command](args)
    except Busy as exc:
        print(f"ombudsman {args.command}: busy: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except (UserError, DatabaseError, ValueError, FileNotFoundError) as exc:
        print(f"ombudsman {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"ombudsman {args.command}: interrupted", file=sys.stderr)
        return 130


def _exit_for(result) -> int:
    return {"ok": EXIT_OK, "partial": EXIT_PARTIAL, "failed": EXIT_FAILURE}[result.status]


def _report_failures(command: str, result) -> None:
    for failure in result.failures[:20]:
        print(f"ombudsman {command}: {failure}", file=sys.stderr)
    if len(result.failures) > 20:
        print(f"ombudsman {command}: ... and {len(result.failures) - 20} more (see the failures table)", file=sys.stderr)


def _logged(command: str, args, work) -> int:
    """Run `work(con, run_id)` as one logged run: a row in `runs`, failures in `failures`,
    holding the writer lock so that two writers never interleave."""
    from pipeline import db
    from pipeline.lock import WriterLock

    with WriterLock(db.db_path(args.db)):
        con = db.connect(args.db)
        db.mark_interrupted_runs(con)
        run_id = db.start_run(con, command)
        try:
            result = work(con, run_id)
        except BaseException as exc:
            db.finish_run(con, run_id, "failed", {}, f"{type(exc).__name__}: {exc}")
            raise
        db.finish_run(con, run_id, result.status, result.counts, "; ".join(result.unreachable) or None)
        con.close()
    for note in result.notes:
        print(note, file=sys.stderr)
    _report_failures(command, result)
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
        raise UserError(f"unknown source(s): {', '.join(unknown)} (expected lgsco, phso)")
    code = _logged("run", args, lambda con, run_id: jobs.run_batch(
        con, sources=sources, since=args.since, offline=args.offline, limit=args.limit, run_id=run_id))
    from pipeline import db

    con = db.connect(args.db, read_only=True)
    print(jobs.summary(con))
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
    from pipeline.evaluate import read_gold, score, to_gold
    from pipeline.extraction import extract

    if len(args.inputs) < 2:
        raise UserError("give the records, then the gold file: ombudsman eval RECORDS.jsonl GOLD.jsonl")
    *inputs, gold_path = args.inputs
    gold = read_gold(gold_path)
    records, failures = _read_records(inputs)
    preds = {}
    for ex in extract(records):
        g = to_gold(ex)
        preds[(g["source"], g["reference"])] = g["gold"]
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

    con = db.connect(args.db, read_only=True)
    try:
        cursor = con.execute(args.sql)
    except duckdb.Error as exc:
        raise UserError(str(exc).splitlines()[0]) from None
    if cursor.description is None:
        return EXIT_OK
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if args.format == "json":
        print(json.dumps([dict(zip(columns, r)) for r in rows], default=str, indent=1))
    elif args.format == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        print(_table(columns, rows))
    return EXIT_OK


def _table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    fmt = "  ".join(f"{{:{w}.{w}}}" for w in widths)
    lines = [fmt.format(*columns), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*r) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def cmd_report(args) -> int:
    from pipeline import db
    from pipeline.analysis import AnalysisError
    from pipeline.report import write_report

    if not db.db_path(args.db).exists():
        raise UserError(f"no database at {db.db_path(args.db)}: run `ombudsman run` or `ombudsman ingest` first")
    con = db.connect(args.db)  # writable: the report (re)creates the analysis views if they are missing
    try:
        print(write_report(con, args.out))
    except (AnalysisError, OSError) as exc:
        raise UserError(str(exc)) from None
    return EXIT_OK


def cmd_similar(args) -> int:
    from pipeline import db
    from pipeline.similar import UnknownReference, similar

    if args.k < 1:
        raise UserError("--k must be at least 1")
    con = db.connect(args.db, read_only=True)
    try:
        rows = similar(con, args.reference, k=args.k)
    except UnknownReference as exc:
        raise UserError(str(exc)) from None
    print(_table(["score", "decision", "date", "title", "shared terms", "url"],
                 [(f"{r.score:.3f}", r.decision_id, r.decision_date, r.title, ", ".join(r.shared_terms), r.url)
                  for r in rows]))
    return EXIT_OK


def cmd_status(args) -> int:
    from pipeline import db

    con = db.connect(args.db, read_only=True)
    runs = con.execute("SELECT run_id, command, started_at, finished_at, status, counts, error FROM runs ORDER BY run_id DESC LIMIT 10").fetchall()
    print(_table(["run", "command", "started", "finished", "status", "counts", "error"], runs))
    failures = con.execute("SELECT run_id, stage, origin, reason FROM failures ORDER BY recorded_at DESC LIMIT 20").fetchall()
    print()
    print(_table(["run", "stage", "where", "reason"], failures))
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
    "similar": cmd_similar, "forget": cmd_forget,
}


if __name__ == "__main__":
    sys.exit(main())
