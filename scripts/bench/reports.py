"""Reports at national scale, on SQLite and PostgreSQL (issue 9, "Measured").

For each database: generate 100,000 people, 10,000 sessions, 1,000,000 attendances and 300,000
survey answers with `generate_scale_data`'s generator (timed), then, in a fresh process, render the
programme dashboard (served from rollups) and run the equivalent raw GROUP BY queries side by side,
record the peak memory of rendering, and time the PDF report. Then make a trickle of everyday
changes through the services and time the incremental refresh that brings the rollups level
(ADR 019), beside the full rebuild it falls back to. Writes docs/benchmarks/reports.md.

Sizes can be scaled down for a quick look: BENCH_REPORTS_SCALE=0.01.
"""

import datetime
import json
import os
import secrets
import statistics
import subprocess
import sys
from pathlib import Path

from shared.databases import drop_postgres, fresh_postgres, fresh_sqlite

ROOT = Path(__file__).resolve().parents[2]
SCALE = float(os.environ.get("BENCH_REPORTS_SCALE", "1"))
SIZES = {
    "people": int(100_000 * SCALE),
    "events": int(10_000 * SCALE),
    "attendances": int(1_000_000 * SCALE),
    "answers": int(300_000 * SCALE),
}
RUNS = 3
# Changes made through the services before timing the incremental refresh.
TRICKLE = 50
PG_DATABASE = "eolc_bench_reports"


# --- Child stages (run with DATABASE_URL set) -----------------------------------------------------


def _setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eolc.settings")
    import django

    django.setup()


def _timed(function, runs=RUNS):
    import time

    function()  # warm: connections, caches, imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stage_generate():
    _setup()
    from django.core.management import call_command

    from eolc.accounts.models import User
    from eolc.reports import scale

    call_command("migrate", verbosity=0)
    # Saving events touches the cache (the anonymous calendar's generation stamp).
    call_command("createcachetable", verbosity=0)
    lead = User.objects.create_user("bench-lead@scale.invalid", full_name="Bench lead", is_staff=True)
    summary = scale.generate(**SIZES, progress=scale.Progress(sys.stderr), lead=lead)
    return {
        "slug": summary.programme.slug,
        "answers": summary.answers,
        "generate_seconds": summary.seconds,
        "rollup_seconds": summary.rollup_seconds,
        "attendances": summary.attendances,
    }


def stage_measure(slug):
    import resource
    import time

    _setup()
    from django.conf import settings
    from django.db import connection

    # Production serves hashed names from `collectstatic`'s manifest; plain names are enough here.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from eolc.accounts.models import User
    from eolc.programmes.models import Programme
    from eolc.reports import raw, views

    programme = Programme.objects.get(slug=slug)
    lead = User.objects.get(email="bench-lead@scale.invalid")
    factory = RequestFactory()

    def get(view, path):
        request = factory.get(path)
        request.user = lead
        response = view(request, slug=slug)
        assert response.status_code == 200, response.status_code
        return response

    def dashboard():
        return get(views.programme_dashboard, f"/reports/programmes/{slug}/")

    dashboard_seconds = _timed(dashboard)
    with CaptureQueriesContext(connection) as queries:
        dashboard()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    raw_seconds = _timed(lambda: raw.figures(programme.pk))
    started = time.perf_counter()
    pdf = get(views.programme_report_pdf, f"/reports/programmes/{slug}/report.pdf")
    pdf_seconds = time.perf_counter() - started
    return {
        "dashboard_seconds": dashboard_seconds,
        "raw_seconds": raw_seconds,
        "queries": len(queries),
        "peak_mb": peak_mb,
        "pdf_seconds": pdf_seconds,
        "pdf_bytes": len(pdf.content),
    }


def stage_refresh(slug):
    """Make a trickle of changes, then time the refresh that brings the rollups level with them."""
    import time

    _setup()
    from eolc.programmes.models import Programme
    from eolc.reports import rollups, scale
    from eolc.reports.models import ChangeKind, RollupChange

    programme = Programme.objects.get(slug=slug)
    made = scale.trickle(programme, changes=TRICKLE)
    notes = list(RollupChange.objects.filter(programme_id=programme.pk))
    assert all(note.kind != ChangeKind.EVERYTHING for note in notes)
    started = time.perf_counter()
    # Called directly, not through refresh_due, so a fallback to a rebuild fails instead of hiding.
    update = rollups.programme_update(programme.pk, notes)
    seconds = time.perf_counter() - started
    print(f"Changes {made}; {len(notes)} notes; refreshed in {seconds:.2f} s", file=sys.stderr)
    return {
        "refresh_seconds": seconds,
        "changes": sum(made.values()),
        "refresh_people": len(update.people),
        "refresh_sessions": len(update.events),
    }


# --- Parent: prepare databases, run the stages, write the page --------------------------------------


def _child(url, *args):
    # DEBUG off, as in production: with it on, Django would keep every query's SQL in memory.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "SECRET_KEY": secrets.token_urlsafe(40),
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _met(ok):
    return "met" if ok else "**not met**"


def main():
    load_before = os.getloadavg()[0]
    results = {}
    databases = (
        ("SQLite", lambda: fresh_sqlite("reports")),
        ("PostgreSQL", lambda: fresh_postgres(PG_DATABASE)),
    )
    for name, prepare in databases:
        url = prepare()
        if url is None:
            print(f"Skipping {name}: BENCH_POSTGRES_URL is not set", file=sys.stderr)
            continue
        print(f"--- {name}: generating {SIZES}", file=sys.stderr)
        generated = _child(url, "generate")
        print(f"--- {name}: measuring", file=sys.stderr)
        measured = _child(url, "measure", generated["slug"])
        print(f"--- {name}: {TRICKLE} changes, then the incremental refresh", file=sys.stderr)
        refreshed = _child(url, "refresh", generated["slug"])
        results[name] = {**generated, **measured, **refreshed}
        print(f"{name}: {results[name]}", file=sys.stderr)
        if name == "PostgreSQL":
            drop_postgres(PG_DATABASE)
    _write(results, load_before, os.getloadavg()[0])


def _write(results, load_before, load_after):
    lines = [
        "## Reports",
        "",
        f"`BENCH=reports make bench` · {datetime.date.today():%Y-%m-%d} · "
        f"{SIZES['people']:,} people, {SIZES['events']:,} sessions, {SIZES['attendances']:,} attendances, "
        f"{SIZES['answers']:,} survey answers (one programme). "
        "The dashboard is rendered by its view (template included) from the rollups; "
        '"raw" runs the same figures as GROUP BY queries over the raw rows (`eolc/reports/raw.py`). '
        f"Times are medians of {RUNS} warm runs; the PDF time is its first (cold) run. "
        f"{os.cpu_count()} cores; load average {load_before:.1f} before and {load_after:.1f} after "
        "(the machine is shared, so absolute times depend on it; both sides ran under the same load).",
        "",
        "| Figure | Target | " + " | ".join(results) + " |",
        "|---|---|" + "---|" * len(results),
    ]

    def row(label, target, key, fmt):
        lines.append(f"| {label} | {target} | " + " | ".join(fmt(r[key]) for r in results.values()) + " |")

    row("Generate the data set", "≤ 300 s", "generate_seconds", lambda v: f"{v:.0f} s")
    row(
        f"Refresh the rollups after {TRICKLE} changes (incremental, ADR 019)",
        "within a minute",
        "refresh_seconds",
        lambda v: f"{v:.1f} s",
    )
    row("Changes made through the services", "", "changes", str)
    for r in results.values():
        r["rewrote"] = f"{r['refresh_people']:,} people, {r['refresh_sessions']:,} sessions"
    row("Whose attendee rows and sessions it rewrote", "", "rewrote", str)
    row("Full rebuild (fallback: bulk loads, `--all`)", "", "rollup_seconds", lambda v: f"{v:.1f} s")
    row("Dashboard render (rollups)", "", "dashboard_seconds", lambda v: f"{v * 1000:.0f} ms")
    row("Raw aggregate queries", "", "raw_seconds", lambda v: f"{v * 1000:.0f} ms")
    for r in results.values():
        r["ratio"] = r["dashboard_seconds"] / r["raw_seconds"]
    row("Dashboard ÷ raw", "≤ 0.1", "ratio", lambda v: f"{v:.3f}")
    row("Queries per dashboard page", "constant", "queries", str)
    row("Peak memory, rendering", "≤ 300 MB", "peak_mb", lambda v: f"{v:.0f} MB")
    row("PDF report", "< 10 s", "pdf_seconds", lambda v: f"{v:.1f} s")
    lines.append("")
    for name, r in results.items():
        lines.append(
            f"- {name}: generation {_met(r['generate_seconds'] <= 300)}; rollup refresh within a minute "
            f"{_met(r['refresh_seconds'] < 60)}; dashboard ≤ 0.1× raw {_met(r['ratio'] <= 0.1)}; "
            f"memory {_met(r['peak_mb'] <= 300)}; PDF {_met(r['pdf_seconds'] < 10)}."
        )
    lines.append(
        "- Query count: the test suite checks that a dashboard page makes the same number of queries "
        "at 1,000 and 5,000 attendances (`eolc/reports/tests/test_scale.py`);"
        " the count above is at full size."
    )
    out = ROOT / "docs" / "benchmarks" / "reports.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"Wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "generate":
        print(json.dumps(stage_generate()))
    elif len(sys.argv) > 1 and sys.argv[1] == "measure":
        print(json.dumps(stage_measure(sys.argv[2])))
    elif len(sys.argv) > 1 and sys.argv[1] == "refresh":
        print(json.dumps(stage_refresh(sys.argv[2])))
    else:
        main()
