"""Issue 15, the reliability audit: each failure it found, reproduced with real parts
(real pages, a real HTTP server, real processes) and shown fixed."""
from __future__ import annotations

from pathlib import Path

from pipeline.records import DecisionRecord

SITE = Path(__file__).parent / "fixtures" / "sites" / "lgsco"


def test_ingest_reads_a_deeply_nested_page_beside_a_plain_one(tmp_path):
    """`ombudsman ingest` of a folder with a page of 1,500 nested divs: both pages land
    (before, the RecursionError ended the batch with no page landed)."""
    from pipeline.inputs import read_inputs

    template = (SITE / "decision-template.html").read_text()
    plain = template.format(body="Oldfield Borough Council", ref="25 990 070", date="10 Jan 2025")
    (tmp_path / "a_plain.html").write_text(plain)
    body = plain.index('<div class="decision-body">')
    nested = (plain[:body] + "<div>" * 1500 + plain[body:]).replace("25 990 070", "25 990 071")
    (tmp_path / "b_nested.html").write_text(nested)
    results = list(read_inputs([tmp_path]))
    assert [r.reference for r in results if isinstance(r, DecisionRecord)] == ["25 990 070", "25 990 071"]
