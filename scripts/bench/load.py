"""Load: requests per second and latency of the main pages under concurrent clients (issue 11, "Load").

gunicorn with 2 sync workers and PostgreSQL on this machine, DEBUG off, serving a data set made by
`generate_scale_data`'s generator (BENCH_LOAD_SCALE=1: 20,000 people, 2,000 sessions, 100,000
attendances). For each page in turn, BENCH_LOAD_CONNECTIONS clients (32) request it as fast as
they can for BENCH_LOAD_SECONDS (10, after a 2-second warm-up), then again at half the rate they
reached, on a timetable, for the latency of a server that is not saturated. The minimal "hello"
view on the same stack (scripts/bench/load_site/) is measured in the same run and each page is
reported as a ratio of hello's requests per second. Writes docs/benchmarks/load.md.

Without BENCH_POSTGRES_URL it runs on SQLite and says so.
"""

import datetime
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from shared.databases import drop_postgres, fresh_postgres, fresh_sqlite

ROOT = Path(__file__).resolve().parents[2]
SCALE = float(os.environ.get("BENCH_LOAD_SCALE", "1"))
SIZES = {
    "people": int(20_000 * SCALE),
    "events": int(2_000 * SCALE),
    "attendances": int(100_000 * SCALE),
    "answers": 0,
}
CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", "32"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "10"))
WARM_SECONDS = 2.0
WORKERS = 2
PG_DATABASE = "eolc_bench_load"

# (name, path key, who, target as a ratio of hello's requests per second or None)
PAGES = [
    ("hello (minimal Django view)", "hello", "anonymous", None),
    ("calendar, anonymous", "calendar", "anonymous", 0.5),
    ("event page, signed in", "event", "learner", 0.12),
    ("learning catalogue, signed in", "catalogue", "learner", 0.12),
    ("registration form, signed in", "register", "learner", None),
    ("dashboard, signed in", "dashboard", "learner", None),
    ("API: events list", "api_events", "token", 0.3),
]
P99_TARGET_MS = 100
# The second run of each page offers this share of the requests/s it managed when saturated.
PACED_SHARE = 0.5


# --- Child: prepare the database (run with DATABASE_URL set) -------------------------------------


def stage_prepare():
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts" / "bench"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "load_site.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from eolc.accounts.models import User
    from eolc.accounts.services import api_token_issue
    from eolc.events.models import Event, EventStatus
    from eolc.programmes.models import Membership, Role
    from eolc.reports import scale

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    summary = scale.generate(**SIZES, progress=scale.Progress(sys.stderr))
    learner = User.objects.create_user(
        "bench-learner@load.invalid", full_name="Bench learner", sector="health"
    )
    Membership.objects.create(programme=summary.programme, person=learner, role=Role.LEARNER)
    _learning(summary.programme, learner)
    client = Client()
    client.force_login(learner)
    now = timezone.now()
    event = (
        Event.objects.filter(programme=summary.programme, status=EventStatus.PUBLISHED, starts_at__gte=now)
        .order_by("starts_at")
        .first()
    ) or Event.objects.filter(status=EventStatus.PUBLISHED).order_by("-starts_at").first()
    this_month = Event.objects.filter(
        status=EventStatus.PUBLISHED, starts_at__year=now.year, starts_at__month=now.month
    ).count()
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "token": api_token_issue(person=learner),
        "event": event.pk,
        "events_this_month": this_month,
        "generate_seconds": summary.seconds,
    }


def _learning(programme, learner):
    """A realistic catalogue for the learner: the demo's four-part course and its short course, both
    published in the bench programme, the learner enrolled on the two self-paced parts with some
    activities done and one opened, and the mentorship part locked until the online one is done."""
    import datetime

    from django.utils import timezone

    from eolc.accounts.models import Organisation, OrganisationKind
    from eolc.curriculum import services as curriculum
    from eolc.curriculum.models import Activity, ActivityProgress, Part, PartKind, ProgressStatus
    from eolc.demo import content
    from eolc.demo.curriculum_content import curriculum_load

    accreditor = Organisation.objects.create(
        name="Bench accrediting body", kind=OrganisationKind.PROFESSIONAL_BODY
    )
    curriculum_load(
        programmes={content.SOCIAL_WORK_CE: programme, content.LONDON: programme},
        organisations={"us_accreditor": accreditor},
        people={},
    )
    now = timezone.now()
    self_paced = Part.objects.published().filter(programme=programme, kind=PartKind.SELF_PACED)
    online, short = self_paced.order_by("-ce_hours")
    for part, done in [(short, 2), (online, 6)]:
        curriculum.enrolment_create(person=learner, part=part)
        ordered = list(Activity.objects.published().in_part(part).order_by("module__number", "number"))
        ActivityProgress.objects.bulk_create(
            ActivityProgress(
                person=learner,
                activity=activity,
                status=ProgressStatus.DONE,
                updated_at=now - datetime.timedelta(days=done - i),
                completed_at=now - datetime.timedelta(days=done - i),
            )
            for i, activity in enumerate(ordered[:done])
        )
    # The online part's next activity, opened and not finished: "continue where you left off".
    curriculum.activity_open(person=learner, activity=ordered[done])


# --- Parent: server, clients, page ---------------------------------------------------------------


def _env(url):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "scripts" / "bench")]),
        "DJANGO_SETTINGS_MODULE": "load_site.settings",
    }


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(env, port):
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn with fixed arguments
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "eolc.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status in {200, 503}:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s")


class Clients:
    """`CONNECTIONS` threads, each with its own connection, requesting one page until told to stop.

    Without `rate` each thread asks again as soon as it has an answer: the server is saturated and
    requests/s is its capacity. With `rate` (requests/s over all threads) each thread keeps to a
    timetable, and latency counts from when a request was due, so a late start is not hidden."""

    def __init__(self, port, path, headers, rate=None):
        self.port, self.path, self.headers = port, path, headers
        self.interval = CONNECTIONS / rate if rate else 0.0
        self.latencies, self.errors, self.statuses = [], 0, {}
        self.recording = False
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def _run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        latencies, errors, statuses = [], 0, {}
        due = time.perf_counter() + random.uniform(0, self.interval)  # noqa: S311 - spreads the threads
        while not self.stop.is_set():
            if self.interval:
                time.sleep(max(0.0, due - time.perf_counter()))
                started, due = due, due + self.interval
            else:
                started = time.perf_counter()
            try:
                conn.request("GET", self.path, headers=self.headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                status = 0
            elapsed = time.perf_counter() - started
            if self.recording:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
                errors += status != 200
        conn.close()
        with self.lock:
            self.latencies += latencies
            self.errors += errors
            for status, count in statuses.items():
                self.statuses[status] = self.statuses.get(status, 0) + count

    def measure(self):
        threads = [threading.Thread(target=self._run, daemon=True) for _ in range(CONNECTIONS)]
        for thread in threads:
            thread.start()
        time.sleep(WARM_SECONDS)
        self.recording = True
        started = time.perf_counter()
        time.sleep(SECONDS)
        self.recording = False
        elapsed = time.perf_counter() - started
        self.stop.set()
        for thread in threads:
            thread.join()
        ordered = sorted(self.latencies)

        def pct(p):
            return (
                ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000
                if ordered
                else float("nan")
            )

        return {
            "requests": len(ordered),
            "rps": len(ordered) / elapsed,
            "p50": pct(50),
            "p95": pct(95),
            "p99": pct(99),
            "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
            "errors": self.errors,
            "statuses": self.statuses,
        }


def _paths(prepared):
    return {
        "hello": "/bench/hello/",
        "calendar": "/events/",
        "event": f"/events/{prepared['event']}/",
        "catalogue": "/learning/",
        "register": f"/events/{prepared['event']}/register/",
        "dashboard": "/dashboard/",
        "api_events": "/api/v1/events",
    }


def _headers(who, prepared):
    headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    if who == "learner":
        headers["Cookie"] = f"{prepared['session_cookie']}={prepared['session']}"
    elif who == "token":
        headers["Authorization"] = f"Bearer {prepared['token']}"
    return headers


def main():
    load_before = os.getloadavg()[0]
    url, database = fresh_postgres(PG_DATABASE), "PostgreSQL"
    if url is None:
        print("BENCH_POSTGRES_URL is not set: measuring on SQLite", file=sys.stderr)
        url, database = fresh_sqlite("load"), "SQLite"
    env = _env(url)
    print(f"--- {database}: generating {SIZES}", file=sys.stderr)
    prepared = json.loads(
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, __file__, "prepare"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    port = _free_port()
    server = _start_server(env, port)
    results = {}
    try:
        paths = _paths(prepared)
        for name, key, who, _ in PAGES:
            print(f"--- {name}: {CONNECTIONS} connections for {SECONDS:.0f} s", file=sys.stderr)
            r = results[key] = Clients(port, paths[key], _headers(who, prepared)).measure()
            rate = PACED_SHARE * r["rps"]
            r["paced"] = Clients(port, paths[key], _headers(who, prepared), rate=rate).measure()
            print(
                f"{name}: {r['rps']:.0f} req/s, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, "
                f"p99 {r['p99']:.0f} ms, errors {r['errors']} {r['statuses']}; at {rate:.0f} req/s: "
                f"p50 {r['paced']['p50']:.0f} ms, p99 {r['paced']['p99']:.0f} ms",
                file=sys.stderr,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if database == "PostgreSQL":
            drop_postgres(PG_DATABASE)
    _write(database, prepared, results, load_before, os.getloadavg()[0])


def _met(ok):
    return "met" if ok else "**not met**"


def _write(database, prepared, results, load_before, load_after):
    hello = results["hello"]["rps"]
    lines = [
        "## Load",
        "",
        f"`BENCH=load make bench` · {datetime.date.today():%Y-%m-%d} · gunicorn with {WORKERS} sync workers "
        f"and {database} on this machine, DEBUG off, {CONNECTIONS} concurrent connections per page for "
        f"{SECONDS:.0f} s after a {WARM_SECONDS:.0f} s warm-up, the client (Python threads) on the same "
        f"machine. Data: {SIZES['people']:,} people, {SIZES['events']:,} sessions, "
        f"{SIZES['attendances']:,} attendances ({prepared['events_this_month']} published events this month "
        f"on the calendar). {os.cpu_count()} cores; load average {load_before:.1f} before and "
        f"{load_after:.1f} after (the machine is shared, so absolute figures depend on it; the ratios to "
        '"hello", measured in the same run, much less).',
        "",
        f"Each page runs twice: saturated ({CONNECTIONS} connections asking again as soon as answered: "
        f"requests/s is capacity, latency mostly queueing), then paced ({CONNECTIONS} connections "
        f"offering {PACED_SHARE:.0%} of that capacity on a timetable, latency counted from when each "
        "request was due).",
        "",
        "| Page | Requests/s | × hello | Target | p50 | p95 | p99 | Paced at | Paced p50 | Paced p99 "
        "| Errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    verdicts = []
    for name, key, _, target in PAGES:
        r = results[key]
        ratio = r["rps"] / hello if hello else float("nan")
        paced = r["paced"]
        lines.append(
            f"| {name} | {r['rps']:.0f} | {ratio:.2f} | {f'≥ {target}×' if target else ''} | "
            f"{r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['p99']:.0f} ms | {paced['rps']:.0f}/s | "
            f"{paced['p50']:.0f} ms | {paced['p99']:.0f} ms | {r['errors'] + paced['errors']} |"
        )
        if target:
            verdicts.append(f"{name} ≥ {target}× hello {_met(ratio >= target)} ({ratio:.2f}×)")
    worst_p99 = max(r["p99"] for r in results.values())
    worst_paced_p99 = max(r["paced"]["p99"] for r in results.values())
    errors = sum(r["errors"] + r["paced"]["errors"] for r in results.values())
    lines.append("")
    for verdict in verdicts:
        lines.append(f"- {verdict}.")
    lines.append(
        f"- p99 ≤ {P99_TARGET_MS} ms at {CONNECTIONS} connections, saturated, "
        f"{_met(worst_p99 <= P99_TARGET_MS)} (worst page {worst_p99:.0f} ms); paced at "
        f"{PACED_SHARE:.0%} of each page's capacity {_met(worst_paced_p99 <= P99_TARGET_MS)} "
        f"(worst page {worst_paced_p99:.0f} ms)."
    )
    lines.append(f"- Zero errors {_met(errors == 0)} ({errors}).")
    needed = CONNECTIONS * 1000 // P99_TARGET_MS
    lines.append(
        f"- With {CONNECTIONS} connections always waiting, a page's mean latency is about {CONNECTIONS} ÷ "
        f"its requests per second (Little's law): a p99 of {P99_TARGET_MS} ms needs at least {needed} "
        f"requests/s on that page, {needed / hello:.2f}× this run's hello."
    )
    lines.append(
        "- The anonymous calendar is served whole from each worker's memory (eolc.events.calendar_cache) "
        "after its first request there; event pages, menus and the curriculum outline keep their shared "
        "parts the same way (ADR 020): nothing writes during the run. The API list answers its default "
        "page (50 events). The registration form is the page a learner fills in to book."
    )
    lines.append(
        "- Not measured yet: registrations being written under load, and the caches while events change."
    )
    out = ROOT / "docs" / "benchmarks" / "load.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"Wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "prepare":
        print(json.dumps(stage_prepare()))
    else:
        main()
