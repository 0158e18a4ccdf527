"""The HTML report: written from the hand-built database, self-contained, escaped, and
rendered by headless Chromium with its charts visible. The screenshot is kept in
tests/artifacts/report.png (git-ignored)."""
from __future__ import annotations

import base64
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from handbuilt_db import build
from pipeline import cli
from pipeline.report import write_report

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHART_BLUE = (0x09, 0x69, 0xDA)  # the bars and points of the charts


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    con = build(tmp / "t.duckdb")
    # a body name that would be markup if it were not escaped
    con.execute("UPDATE bodies SET canonical_name = 'Acme <script>alert(1)</script> & Co' WHERE name = 'Acme Care Ltd'")
    path = write_report(con, tmp / "out" / "report.html", today=dt.date(2024, 3, 1))
    con.close()
    return path


def test_report_is_one_self_contained_file(report):
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    # no request leaves the file: no external stylesheet, script, image or font
    assert not re.search(r'<(?:link|script)\b', html)
    assert not re.search(r'src="(?!data:image/png;base64,)', html)
    charts = re.findall(r'<img class="chart" alt="([^"]+)" src="data:image/png;base64,([^"]+)"', html)
    assert [alt for alt, _ in charts] == ["Decisions per fault category", "Remedy payments by fault category",
                                          "Bodies with the most commissioning failures",
                                          "Systemic actions by theme and year"]  # (handbuilt_db.REMEDIES has one)
    for _, b64 in charts:
        assert base64.b64decode(b64).startswith(b"\x89PNG")


def test_report_escapes_text_and_links_decisions(report):
    html = report.read_text(encoding="utf-8")
    assert "<script>" not in html and "Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert '<a href="https://example.org/decisions/21-000-001">21 000 001</a>' in html
    assert html.count('href="https://example.org/decisions/') >= 5


def test_report_figures(report):
    html = report.read_text(encoding="utf-8")
    assert '<div class="n">5</div><div class="l">decisions (LGSCO 4, PHSO 1)</div>' in html
    assert '<div class="n">£4,150</div><div class="l">paid in total</div>' in html
    assert "Deadlines due (as of 2024-03-01)" in html and "2 due, 1 past their date" in html


def test_report_on_an_empty_database(tmp_path):
    from pipeline import db

    con = db.connect(tmp_path / "empty.duckdb")
    html = write_report(con, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No data for this chart yet." in html and '<div class="n">0</div>' in html


def test_cli_report(tmp_path, capsys):
    build(tmp_path / "t.duckdb").close()
    out = tmp_path / "cli.html"
    assert cli.main(["--db", str(tmp_path / "t.duckdb"), "report", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out) and out.stat().st_size > 10_000
    assert cli.main(["--db", str(tmp_path / "missing.duckdb"), "report"]) == 1
    assert "no database at" in capsys.readouterr().err


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_report_renders_in_headless_chromium_with_its_charts(report, tmp_path):
    from PIL import Image

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
         report.resolve().as_uri()],
        check=True, capture_output=True, timeout=60)
    assert shot.exists() and shot.stat().st_size > 20_000
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert image.size == (1280, 2000)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # not a blank page
    # the charts are drawn: many pixels of the chart blue, which only the charts use
    blue = sum(n for n, rgb in colours if all(abs(a - b) <= 8 for a, b in zip(rgb, CHART_BLUE)))
    assert blue > 5_000
