"""The HTML report: one self-contained file a policy team can open anywhere.

Everything is inside the file: the CSS inline, the charts as PNGs (matplotlib, Agg
backend) embedded as base64 data URIs, no script and no network request. All text from
the database is escaped. The figures come from the views in pipeline.analysis, so the
report, `ombudsman query` and the notebooks always agree.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

import duckdb

from pipeline import analysis, db
from pipeline.extract.vocabulary import THEMES

DECISIONS_SHOWN = 500     # the decisions table lists the most recent ones; the database has them all
TOP_BODIES = 15
TOP_ROWS = 30

CSS = """
body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2rem auto;
       max-width: 70rem; padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #d0d7de; }
.meta { color: #57606a; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .8rem; margin: 1rem 0; }
.card { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .7rem .9rem; }
.card .n { font-size: 1.6rem; font-weight: 600; } .card .l { color: #57606a; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .6rem 0 1rem; }
th, td { border-bottom: 1px solid #d8dee4; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
img.chart { max-width: 100%; height: auto; border: 1px solid #d8dee4; border-radius: 4px; }
.empty { color: #57606a; font-style: italic; } .overdue { color: #b42318; font-weight: 600; }
.note { color: #57606a; font-size: .9rem; }
.sample { background: #fff8c5; border: 2px solid #bf8700; border-radius: 6px; padding: .7rem .9rem; font-weight: 600; }
"""


# Words for the database's codes, in the report and the run summary.
BODY_TYPES = {"council": "council", "icb": "ICB", "ccg": "CCG", "nhs_trust": "NHS trust", "gp_practice": "GP practice",
              "care_provider": "care provider", "government": "government", "other": "other", "unknown": "unknown"}


def words(code: str | None) -> str:
    """A category, outcome or body type as words: 'service_provision' -> 'service provision'."""
    if code is None:
        return ""
    return BODY_TYPES.get(code) or code.replace("_", " ")


def years(first: int | None, last: int | None) -> str:
    """'2021–2024', or '2024' when both are the same year."""
    if first is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def _e(value) -> str:
    """Escaped text for any cell value."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return html.escape(", ".join(str(v) for v in value))
    if isinstance(value, Decimal):
        return html.escape(f"£{value:,.2f}")
    return html.escape(str(value))


def _link(url: str | None, text: str) -> str:
    # Only web links: a decision's url comes from the publisher's page or a JSONL line.
    if url and url.lower().startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'
    return html.escape(text)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: set[int] = frozenset()) -> str:
    """`rows` are cells already escaped (or built from escaped parts)."""
    head = "".join(f'<th class="num">{html.escape(h)}</th>' if i in numeric else f"<th>{html.escape(h)}</th>"
                   for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _img(b64: str | None, alt: str) -> str:
    if b64 is None:
        return '<p class="empty">No data for this chart yet.</p>'
    return f'<img class="chart" alt="{html.escape(alt, quote=True)}" src="data:image/png;base64,{b64}">'


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: the report is written by batch jobs
    import matplotlib.pyplot as plt

    return plt


def remedy_chart(payments: list[analysis.Payment]) -> str | None:
    """Box plot of payment amounts per fault category, with every payment as a point."""
    if not payments:
        return None
    import numpy as np

    plt = _pyplot()
    groups: dict[str, list[float]] = {}
    for p in payments:
        groups.setdefault(p.fault_category, []).append(float(p.amount_gbp))
    order = sorted(groups, key=lambda c: (float(np.median(groups[c])), c))
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(order) + 1.4))
    ax.boxplot([groups[c] for c in order], orientation="horizontal", widths=0.6, showfliers=False,
               medianprops={"color": "#b42318", "linewidth": 2}, boxprops={"color": "#57606a"})
    rng = np.random.default_rng(0)  # a fixed jitter: the same database gives the same picture
    for i, c in enumerate(order, start=1):
        ax.scatter(groups[c], i + rng.uniform(-0.18, 0.18, len(groups[c])), s=14, alpha=0.6, color="#0969da", zorder=3)
    ax.set_yticks(range(1, len(order) + 1), [f"{words(c)} ({len(groups[c])})" for c in order])
    ax.set_xscale("log")
    from matplotlib.ticker import FuncFormatter, LogLocator

    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.5, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"£{v:,.0f}"))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
    ax.set_xlabel("amount paid (£, log scale)")
    ax.set_title("Remedy payments by fault category (number of payments)")
    ax.grid(axis="x", alpha=0.3)
    return _png(fig)


def commissioning_chart(rows: list[analysis.CommissioningBody]) -> str | None:
    """Bar chart: bodies by number of decisions with commissioning-type findings."""
    if not rows:
        return None
    plt = _pyplot()
    rows = rows[:TOP_BODIES][::-1]
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(rows) + 1.4))
    ax.barh([_short(r.body) for r in rows], [r.decisions for r in rows],
            color=[_type_group(r.body_type)[1] for r in rows])
    ax.set_xlabel("decisions with a commissioning, provider oversight or joint working finding")
    ax.xaxis.get_major_locator().set_params(integer=True)
    legend = legend_entries(r.body_type for r in rows)
    ax.legend([plt.Rectangle((0, 0), 1, 1, color=c) for _, c in legend], [label for label, _ in legend],
              loc="lower right", fontsize=8)
    ax.set_title("Bodies with the most commissioning failures")
    return _png(fig)


# The commissioning chart's colours: (legend label, colour, body types).
TYPE_GROUPS = [("council", "#0969da", ("council",)), ("ICB / CCG", "#8250df", ("icb", "ccg")),
               ("NHS trust / GP", "#1a7f37", ("nhs_trust", "gp_practice")), ("care provider", "#bf8700", ("care_provider",))]
OTHER_GROUP = ("other", "#57606a", ())


def _type_group(body_type: str | None) -> tuple[str, str, tuple[str, ...]]:
    return next((g for g in TYPE_GROUPS if body_type in g[2]), OTHER_GROUP)


def legend_entries(body_types: Iterable[str | None]) -> list[tuple[str, str]]:
    """(label, colour) for the kinds of body the chart draws, and only those."""
    present = {_type_group(t)[0] for t in body_types}
    return [(label, colour) for label, colour, _ in TYPE_GROUPS + [OTHER_GROUP] if label in present]


def categories_chart(con: duckdb.DuckDBPyConnection) -> str | None:
    """Bar chart: decisions per fault category found."""
    rows = con.execute("SELECT category, count(DISTINCT decision_id) FROM faults GROUP BY 1 ORDER BY 2, 1").fetchall()
    if not rows:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(rows) + 1.2))
    ax.barh([words(r[0]) for r in rows], [r[1] for r in rows], color="#0969da")
    ax.set_xlabel("decisions with at least one finding of this kind")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("What goes wrong: fault categories found")
    return _png(fig)


def _short(name: str, width: int = 48) -> str:
    return name if len(name) <= width else name[:width - 1] + "…"


def _money(value: Decimal | None) -> str:
    return "" if value is None else html.escape(f"£{value:,.0f}")


def _sample_banner(con: duckdb.DuckDBPyConnection) -> list[str]:
    """A banner whenever the database holds the bundled fictional sample (pipeline.db)."""
    n = con.execute("SELECT count(*) FROM records WHERE is_sample").fetchall()[0][0]
    if not n:
        return []
    return [f'<p class="sample" id="sample-data">Fictional sample data: {n} decisions in this database come from the '
            "bundled sample (data/sample), written for this project. They are not real ombudsman decisions, and are "
            "removed as soon as real decisions are collected.</p>"]


def write_report(con: duckdb.DuckDBPyConnection, out_path: str | Path, today: dt.date | None = None,
                 decisions_shown: int = DECISIONS_SHOWN) -> Path:
    """Write the report to `out_path` and return its path."""
    analysis.ensure_views(con)
    today = today or dt.date.today()
    out = Path(out_path)
    h = analysis.headline(con, on=today)
    parts = ["<h1>UK ombudsman decisions: what went wrong, what was paid</h1>",
             f'<p class="meta">Generated {html.escape(dt.datetime.now().strftime("%Y-%m-%d %H:%M"))} '
             f"from {h.decisions} extracted decisions"
             + (f", dated {_e(h.first_date)} to {_e(h.last_date)}" if h.first_date else "") + ".</p>"]
    parts += _sample_banner(con)

    # Headline figures
    sources = ", ".join(f"{_e(s.upper())} {n}" for s, n in h.by_source.items()) or "none"
    cards = [
        (f"{h.decisions:,}", f"decisions ({sources})"),
        (f"{h.with_fault:,}", "found fault"),
        (f"{h.bodies_at_fault:,}", "bodies found at fault"),
        (f"{h.payments:,}", "payments recommended or offered"),
        (_money(h.total_gbp), "paid in total"),
        (_money(h.median_gbp) or "–", "median payment"),
        (f"{h.deadlines_due:,}", f"remedy actions due from {today.isoformat()}"),
        (f"{h.deadlines_overdue:,}", "deadlines passed, compliance not recorded"),
        (f"{h.median_compliance_days:,.0f} days" if h.median_compliance_days is not None else "–",
         "median decision-to-compliance lag"),
    ]
    parts.append('<h2 id="headline">Headline figures</h2><div class="cards">' + "".join(
        f'<div class="card"><div class="n">{n}</div><div class="l">{label}</div></div>' for n, label in cards) + "</div>")
    parts.append(_img(categories_chart(con), "Decisions per fault category"))

    # Remedy amounts by fault type
    parts.append('<h2 id="remedies">Remedy amounts by fault type</h2>'
                 '<p class="note">Each point is one payment; a payment the decision links to two kinds of fault '
                 "appears under both. Boxes span the middle half of the amounts; the red line is the median.</p>")
    parts.append(_img(remedy_chart(analysis.payments_by_fault(con)), "Remedy payments by fault category"))
    remedies = analysis.remedy_by_fault(con)
    if remedies:
        parts.append(_table(["fault category", "payments", "decisions", "median", "lower quartile", "upper quartile",
                             "max", "total"],
                            [[_e(words(r.fault_category)), str(r.payments), str(r.decisions), _money(r.median_gbp),
                              _money(r.q1_gbp), _money(r.q3_gbp), _money(r.max_gbp), _money(r.total_gbp)]
                             for r in remedies], numeric={1, 2, 3, 4, 5, 6, 7}))

    # Commissioning failures
    parts.append('<h2 id="commissioning">Repeated commissioning failures</h2>'
                 '<p class="note">Bodies found at fault in decisions with a commissioning, provider oversight or '
                 "joint working finding; CCGs are counted with the ICB that succeeded them.</p>")
    by_body = analysis.commissioning_failures_by_body(con)
    parts.append(_img(commissioning_chart(by_body), "Bodies with the most commissioning failures"))
    if by_body:
        parts.append(_table(["body", "type", "decisions", "kinds of finding", "years", "decisions behind it"],
                            [[_e(r.body), _e(words(r.body_type)), str(r.decisions), _e([words(c) for c in r.categories]),
                              _e(years(r.first_year, r.last_year)), _e(r.decision_ids)]
                             for r in by_body[:TOP_ROWS]], numeric={2}))
    recurring = analysis.recurring_failures(con)
    parts.append("<h3>Every repeated finding</h3>")
    if recurring:
        parts.append(_table(["body", "fault category", "year", "decisions that year", "decisions in all", "decisions"],
                            [[_e(r.body), _e(words(r.category)), _e(r.year), str(r.decisions_in_year), str(r.decisions_total),
                              _e(r.decision_ids)] for r in recurring[:TOP_ROWS * 2]], numeric={3, 4}))
    else:
        parts.append('<p class="empty">No body is found at fault for the same kind of thing in two decisions yet.</p>')

    # Deadlines
    deadlines = analysis.deadlines_due(con, on=today)
    parts.append(f'<h2 id="deadlines">Deadlines due (as of {today.isoformat()})</h2>')
    if deadlines:
        due = [d for d in deadlines if d.status == "due"]
        overdue = [d for d in deadlines if d.status == "overdue"]
        shown = due[:TOP_ROWS] + overdue[-TOP_ROWS:][::-1]
        parts.append(f'<p class="note">{len(due)} due, {len(overdue)} past their date with no compliance recorded '
                     "(most recent first).</p>")
        parts.append(_table(["due", "days", "body", "actions", "as written", "decision"],
                            [[_e(d.due_date), f'<span class="overdue">{d.days_left}</span>' if d.status == "overdue"
                              else str(d.days_left), _e(d.body), _e(d.actions), _e(d.due_text),
                              _link(d.url, d.reference)] for d in shown], numeric={1}))
    else:
        parts.append('<p class="empty">No dated remedy actions outstanding.</p>')

    parts.append(promised_changes(con, today))

    # Decisions
    decisions = con.execute(f"""
        SELECT d.reference, d.url, d.source, d.decision_date, d.outcome, d.title,
               (SELECT list_sort(list_distinct(list(coalesce(b.successor_name, b.canonical_name))))
                  FROM bodies b WHERE b.decision_id = d.decision_id AND b.at_fault) AS at_fault,
               (SELECT list_sort(list_distinct(list(f.category))) FROM faults f WHERE f.decision_id = d.decision_id) AS cats,
               (SELECT sum(p.amount_gbp) FROM payments p WHERE p.decision_id = d.decision_id) AS paid
        FROM decisions d ORDER BY d.decision_date DESC NULLS LAST, d.decision_id LIMIT {int(decisions_shown)}""").fetchall()
    parts.append('<h2 id="decisions">Decisions</h2>')
    if h.decisions > len(decisions):
        parts.append(f'<p class="note">The {len(decisions)} most recent of {h.decisions}; '
                     "<code>ombudsman query</code> lists them all.</p>")
    parts.append(_table(["reference", "source", "date", "outcome", "at fault", "fault categories", "paid"],
                        [[_link(url, ref), _e(src), _e(date), _e(words(outcome)), _e(at_fault),
                          _e([words(c) for c in cats or []]), _money(paid)]
                         for ref, url, src, date, outcome, _title, at_fault, cats, paid in decisions], numeric={6}))

    doc = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           f"<title>Ombudsman decisions report</title><style>{CSS}</style></head><body>"
           + "\n".join(parts) + "</body></html>\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(doc, encoding="utf-8")
    return out


# --- promised changes: the remedies tracker --------------------------------------------------

def themes_chart(rows: list[analysis.ThemeYear]) -> str | None:
    """Stacked bars: systemic actions (service improvements) per year, by theme."""
    rows = [r for r in rows if r.year is not None]
    if not rows:
        return None
    plt = _pyplot()
    years_ = sorted({r.year for r in rows})
    themes = [t for t in THEMES if any(r.theme == t for r in rows)]
    fig, ax = plt.subplots(figsize=(9, 4))
    bottom = [0] * len(years_)
    for i, theme in enumerate(themes):
        counts = [sum(r.actions for r in rows if r.theme == theme and r.year == y) for y in years_]
        ax.bar([str(y) for y in years_], counts, bottom=bottom, label=words(theme), color=THEME_COLOURS[i % len(THEME_COLOURS)])
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_ylabel("systemic actions agreed")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, loc="upper left")
    ax.set_title("Promised changes: service improvements by theme and year")
    return _png(fig)


THEME_COLOURS = ["#0969da", "#8250df", "#1a7f37", "#bf8700", "#cf222e", "#57606a", "#1b7c83", "#9a6700"]

TRACKER_HEADERS = ["body", "decisions with fault", "remedies", "for the complainant", "systemic", "due", "overdue",
                   "complied", "status unknown"]


def promised_changes(con: duckdb.DuckDBPyConnection, today: dt.date, body: str | None = None,
                     since: dt.date | None = None, chart: bool = True) -> str:
    """The "promised changes" section: per body, the remedies agreed and where they stand
    (analysis.tracker), the chart of systemic actions by theme and year, and the list of
    systemic actions with their decisions and dates."""
    tracked = analysis.tracker(con, body=body, since=since, on=today)
    parts = [f'<h2 id="promised-changes">Promised changes (as of {today.isoformat()})</h2>'
             '<p class="note">Every remedy a decision agrees or recommends, one per body that owes it: for the '
             "complainant (apologies, payments, reviews of their case) or systemic (service improvements for everyone "
             "else). An action is complied with once the Ombudsman records being satisfied with the body's response; "
             "otherwise due or overdue by its date, and of unknown status without one.</p>"]
    if not tracked:
        parts.append('<p class="empty">No remedies recorded yet.</p>')
        return "\n".join(parts)
    parts.append(_table(TRACKER_HEADERS, [[_e(r.body)] + [str(v) for v in (
        r.decisions_with_fault, r.remedies, r.personal, r.systemic, r.due)]
        + [f'<span class="overdue">{r.overdue}</span>' if r.overdue else "0", str(r.complied), str(r.unknown)]
        for r in tracked[:TOP_ROWS * 2]], numeric=set(range(1, 9))))
    if chart:
        parts.append(_img(themes_chart(analysis.systemic_by_theme_and_year(con)), "Systemic actions by theme and year"))
    actions = analysis.systemic_actions(con, body=body, since=since, on=today)
    parts.append("<h3>Systemic actions</h3>")
    parts.append(_table(["body", "decision", "decided", "theme", "action", "due", "status"],
                        [[_e(a.body), _e(a.decision_id), _e(a.decision_date), _e(words(a.theme)), _e(a.action),
                          _e(a.due_date), _e(a.status + (f" {a.complied_on}" if a.complied_on else ""))]
                         for a in actions[:TOP_ROWS * 4]]))
    return "\n".join(parts)


def write_tracker(con: duckdb.DuckDBPyConnection, out_path: str | Path, today: dt.date,
                  body: str | None = None, since: dt.date | None = None) -> Path:
    """The tracker as a page of its own (`ombudsman tracker --out FILE.html`)."""
    analysis.ensure_views(con)
    out = Path(out_path)
    scope = " ".join(x for x in (f"for bodies matching “{body}”" if body else "",
                                 f"in decisions from {since.isoformat()}" if since else "") if x)
    doc = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           f"<title>Remedies tracker</title><style>{CSS}</style></head><body>"
           f"<h1>Remedies tracker</h1><p class=\"meta\">{html.escape(scope)}</p>"
           + "\n".join(_sample_banner(con)) + promised_changes(con, today, body, since, chart=not body and not since)
           + "</body></html>\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(doc, encoding="utf-8")
    return out


# The systemic actions as the HTML tracker lists them; the widths (in characters) the
# spreadsheet gives their columns at most: an action is a sentence, wrapped.
SYSTEMIC_HEADERS = ["body", "decision", "decided", "theme", "action", "due", "status", "complied on"]
_MAX_WIDTH = {"action": 80, "body": 45}


def write_tracker_xlsx(con: duckdb.DuckDBPyConnection, out_path: str | Path, today: dt.date,
                       body: str | None = None, since: dt.date | None = None) -> Path:
    """The tracker as a workbook (`ombudsman tracker --out FILE.xlsx`), one sheet per table
    of the HTML tracker: "Bodies" (analysis.tracker) and "Systemic actions"
    (analysis.systemic_actions), each with a bold, frozen header row, an autofilter, dates
    as Excel dates and columns sized to their contents; and "About": the day the status
    is as of, the filters, and whether the figures are the fictional sample's."""
    import xlsxwriter  # only this command needs it

    analysis.ensure_views(con)
    tracked = analysis.tracker(con, body=body, since=since, on=today)
    actions = analysis.systemic_actions(con, body=body, since=since, on=today)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out), {"remove_timezone": True})
    book.set_properties({"title": "Remedies tracker", "comments": f"status as of {today.isoformat()}"})
    styles = {"header": book.add_format({"bold": True, "bottom": 1, "bg_color": "#EAEEF2", "text_wrap": True,
                                         "valign": "top"}),
              "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
              "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
              "plain": book.add_format({"valign": "top"})}
    _sheet(book, styles, "Bodies", TRACKER_HEADERS,
           [[r.body, r.decisions_with_fault, r.remedies, r.personal, r.systemic, r.due, r.overdue, r.complied, r.unknown]
            for r in tracked])
    _sheet(book, styles, "Systemic actions", SYSTEMIC_HEADERS,
           [[a.body, a.decision_id, a.decision_date, words(a.theme), a.action, a.due_date, a.status, a.complied_on]
            for a in actions])
    about = book.add_worksheet("About")
    sample = con.execute("SELECT count(*) FROM records WHERE is_sample").fetchall()[0][0]
    facts = [("Remedies tracker", None), ("status as of", today),
             ("bodies matching", body or "(all)"), ("decisions from", since or "(all)"),
             ("status", "complied once the Ombudsman records being satisfied with the body's response; otherwise due "
                        "or overdue by its date, unknown without one")]
    if sample:
        facts.append(("FICTIONAL SAMPLE DATA", f"{sample} decisions come from the bundled sample (data/sample), "
                                               "written for this project: not real ombudsman decisions"))
    for i, (key, value) in enumerate(facts):
        about.write(i, 0, key, styles["header"] if i == 0 else styles["plain"])
        _cell(about, i, 1, value, styles)
    about.set_column(0, 0, 24)
    about.set_column(1, 1, 100, styles["wrap"])
    book.close()
    return out


def _sheet(book, styles: dict, name: str, headers: list[str], rows: list[list]) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, headers, styles["header"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            _cell(sheet, i, j, value, styles)
    for j, header in enumerate(headers):
        values = [row[j] for row in rows]
        dated = any(isinstance(v, dt.date) for v in values)
        width = max([len(header) + 2] + [10 if isinstance(v, dt.date) else len(str(v)) for v in values if v is not None])
        cap = _MAX_WIDTH.get(header, 40)
        fmt = styles["date"] if dated else styles["wrap"] if width > cap else None
        sheet.set_column(j, j, min(width + 1, cap), fmt)


def _cell(sheet, row: int, col: int, value, styles: dict) -> None:
    """One cell, of its own type: a date as an Excel date, a number as a number, None blank."""
    if value is None:
        return
    if isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), styles["date"])
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        sheet.write_number(row, col, float(value))
    else:
        sheet.write_string(row, col, str(value), styles["wrap"] if len(str(value)) > 40 else styles["plain"])


def summary(con: duckdb.DuckDBPyConnection, today: dt.date | None = None, upcoming: int = 10) -> str:
    """The figures `ombudsman run` prints when it has finished: outcomes, sums by payer
    type and by fault, deadlines. The same analysis functions as the report, so the two
    (and the views) count the same way."""
    today = today or dt.date.today()
    h = analysis.headline(con, on=today)
    lines = []
    if db.holds_sample(con):
        lines.append("FICTIONAL SAMPLE DATA: nothing real is stored yet; these figures are the bundled sample's "
                     "(data/sample), removed when real decisions arrive")
    lines += [f"{h.decisions} decisions extracted", "", "Decisions by outcome"]
    lines += [f"  {words(o.outcome):34} {o.decisions:6d}" for o in analysis.outcomes(con)]
    header = f"{'payments':>8} {'total £':>12} {'median £':>10}"
    lines += ["", "Payments by payer type", f"  {'payer type':20} {header}"]
    lines += [f"  {words(p.payer_type):20} {p.payments:8d} {p.total_gbp:12,.2f} {p.median_gbp:10,.2f}"
              for p in analysis.payments_by_payer_type(con)]
    lines += ["", "Payments by fault category (a payment linked to two counts in both)", f"  {'fault category':20} {header}"]
    lines += [f"  {words(r.fault_category):20} {r.payments:8d} {r.total_gbp:12,.2f} {r.median_gbp:10,.2f}"
              for r in analysis.remedy_by_fault(con)]
    lines += ["", f"Deadlines: {h.deadlines_due} due from {today.isoformat()} on, {h.deadlines_overdue} passed with no "
                  f"compliance recorded, {analysis.undated_deadlines(con)} without a date"]
    due = [d for d in analysis.deadlines_due(con, on=today) if d.status == "due"]
    lines += [f"  {d.due_date}  {d.body}  ({d.due_text})" for d in due[:upcoming]]
    return "\n".join(lines)
