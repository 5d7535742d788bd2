"""Load: requests per second and latency of the main pages under concurrent clients (issue 11, "Load").

gunicorn with 2 sync workers and PostgreSQL on this machine, DEBUG off, serving a data set made by
`generate_scale_data`'s generator (BENCH_LOAD_SCALE=1: 20,000 people, 2,000 sessions, 100,000
attendances). For each page in turn, BENCH_LOAD_CONNECTIONS clients (32) request it as fast as
they can for BENCH_LOAD_SECONDS (10, after a 2-second warm-up), then again at half the rate they
reached, on a timetable, for the latency of a server that is not saturated. The minimal "hello"
view on the same stack (scripts/bench/load_site/) is measured in the same run and each page is
reported as a ratio of hello's requests per second.

Then the scripted mix, saturated and paced: anonymous visitors browse the calendar and its
sessions while signed-in learners, each their own person, open their learning, book a place on a
session (a real POST with its CSRF token) and cancel it, with an organiser changing sessions
meanwhile (`churn`), and a check afterwards that no place was double-booked (`verify`). The
clients are spread over a few processes (shared/load_clients.py). Writes docs/benchmarks/load.md.

Without BENCH_POSTGRES_URL it runs on SQLite and says so.
"""

import datetime
import http.client
import itertools
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

from shared.databases import drop_postgres, fresh_postgres, fresh_sqlite
from shared.load_clients import PROCESSES, Plan, Step, csrf_token, measure

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
SECONDS_MIX = float(os.environ.get("BENCH_LOAD_MIX_SECONDS", "30"))
# The mix: half its connections are signed-in learners, each their own person, booking and
# cancelling places on sessions chosen from the first MIX_EVENTS open to them.
LEARNER_CONNECTIONS = CONNECTIONS // 2
MIX_EVENTS = 60
# Meanwhile an organiser changes a session this often: 1,800 changes an hour, far more than a
# programme's organisers make, so every kept page is rebuilt many times during the run.
CHURN_INTERVAL = float(os.environ.get("BENCH_LOAD_CHURN_INTERVAL", "2"))
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


def django_setup():
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts" / "bench"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "load_site.settings"
    import django

    django.setup()


def stage_prepare():
    django_setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from eolc.accounts.models import User
    from eolc.accounts.services import api_token_issue
    from eolc.events import services
    from eolc.events.models import Event, EventStatus
    from eolc.programmes.models import Membership, Role
    from eolc.reports import scale

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    summary = scale.generate(**SIZES, progress=scale.Progress(sys.stderr))
    programme = summary.programme
    _course(programme)
    learners = []
    for number in range(1 + LEARNER_CONNECTIONS):
        learner = User.objects.create_user(
            f"bench-learner-{number}@load.invalid", full_name=f"Bench learner {number}", sector="health"
        )
        Membership.objects.create(programme=programme, person=learner, role=Role.LEARNER)
        _progress(programme, learner)
        learners.append(learner)
    sessions = []
    for learner in learners:
        client = Client()
        client.force_login(learner)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    now = timezone.now()
    upcoming = Event.objects.filter(
        programme=programme, status=EventStatus.PUBLISHED, series=None, starts_at__gte=now
    ).order_by("starts_at")
    event = (
        upcoming.first() or Event.objects.filter(status=EventStatus.PUBLISHED).order_by("-starts_at").first()
    )
    bookable = []
    for candidate in upcoming[:200]:
        try:
            services.registration_check(event=candidate, person=learners[1])
        except services.RegistrationRefused:
            continue
        bookable.append(candidate.pk)
    this_month = Event.objects.filter(
        status=EventStatus.PUBLISHED, starts_at__year=now.year, starts_at__month=now.month
    ).count()
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session": sessions[0],
        "mix_sessions": sessions[1:],
        "token": api_token_issue(person=learners[0]),
        "event": event.pk,
        "bookable": bookable[:MIX_EVENTS],
        "public_events": list(upcoming.values_list("pk", flat=True)[:MIX_EVENTS]),
        "events_this_month": this_month,
        "generate_seconds": summary.seconds,
    }


def _course(programme):
    """A realistic catalogue: the demo's four-part course and its short course, both published in the
    bench programme (the mentorship part locked until the online one is done)."""
    from eolc.accounts.models import Organisation, OrganisationKind
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


def _progress(programme, learner):
    """The learner enrolled on the two self-paced parts, some activities done and one opened."""
    import datetime

    from django.utils import timezone

    from eolc.curriculum import services as curriculum
    from eolc.curriculum.models import Activity, ActivityProgress, Part, PartKind, ProgressStatus

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


def stage_churn(seconds, events):
    """While the mix runs: an organiser changes one of `events` every CHURN_INTERVAL seconds, so
    that pages kept under generation stamps are dropped and rebuilt under load."""
    django_setup()
    from eolc.accounts.models import User
    from eolc.events import services
    from eolc.events.models import Event

    organiser = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "bench-organiser@load.invalid", full_name="Bench organiser"
    )
    deadline, changes = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        event = Event.objects.get(pk=random.choice(events))  # noqa: S311 - not security
        services.event_update(event=event, by=organiser, description=f"Updated under load ({changes}).")
        changes += 1
        time.sleep(max(0.0, min(CHURN_INTERVAL, deadline - time.monotonic())))
    return {"changes": changes}


def stage_release():
    """Before each run of the mix: the learners give up the places a run left them holding (one
    that stops between booking and cancelling), so that no journey opens the registration form of
    a session its learner is still booked on and is sent back to the session's page instead."""
    django_setup()
    from eolc.events import services
    from eolc.events.models import Registration

    held = Registration.objects.filter(person__email__startswith="bench-learner-").active()
    released = 0
    for registration in held:
        services.registration_cancel(registration=registration, by=registration.person)
        released += 1
    return {"released": released}


def stage_verify():
    """After the mix: nobody holds two live places on one event and no event is over-filled."""
    django_setup()
    from django.db.models import Count, F, Q

    from eolc.events.models import Event, Registration, RegistrationStatus

    live = Registration.objects.exclude(status=RegistrationStatus.CANCELLED)
    doubled = live.values("event", "person").annotate(n=Count("pk")).filter(n__gt=1).count()
    overfilled = (
        Event.objects.filter(series=None)
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
        )
        .filter(confirmed__gt=F("capacity"))
        .count()
    )
    booked = Registration.objects.filter(person__email__startswith="bench-learner-").count()
    return {"doubled": doubled, "overfilled": overfilled, "bench_registrations": booked}


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
    if who == "token":
        headers["Authorization"] = f"Bearer {prepared['token']}"
    return headers


def _cookies(who, prepared):
    return {prepared["session_cookie"]: prepared["session"]} if who == "learner" else {}


def _single(name, path, headers, cookies=()):
    """A connection that asks for one page again and again."""

    def journey():
        while True:
            yield Step(name, "GET", path)

    return headers, dict(cookies), journey()


def _visitor_journey(events, offset):
    """Someone not signed in: the calendar, a session on it, then the calendar again."""
    for number in itertools.count(offset):
        event = events[number % len(events)]
        yield Step("calendar, anonymous", "GET", "/events/")
        yield Step("event page, anonymous", "GET", f"/events/{event}/")


def _learner_journey(events, offset):
    """A signed-in learner: their learning, a session, booking a place on it, their dashboard, and
    cancelling again (so the run can go on for as long as it likes without filling the sessions)."""
    for number in itertools.count(offset):
        event = events[number % len(events)]
        yield Step("learning catalogue", "GET", "/learning/")
        yield Step("event page, signed in", "GET", f"/events/{event}/")
        form = yield Step("registration form", "GET", f"/events/{event}/register/")
        token = csrf_token(form)
        yield Step(
            "book a place (POST)",
            "POST",
            f"/events/{event}/register/",
            {"csrfmiddlewaretoken": token, "access_needs": "", "hopes": "Working with the hospice team"},
            expect=302,
        )
        yield Step("event page, booked", "GET", f"/events/{event}/")
        yield Step("dashboard", "GET", "/dashboard/")
        yield Step(
            "cancel the place (POST)", "POST", f"/events/{event}/cancel/", {"csrfmiddlewaretoken": token}, 302
        )


def _mix_connection(prepared):
    """Half the connections are anonymous visitors, half signed-in learners, each learner their own person."""
    cookie = prepared["session_cookie"]

    def connection(index):
        headers = _headers("anonymous", prepared)
        if index % 2 == 0:
            return headers, {}, _visitor_journey(prepared["public_events"], index)
        session = prepared["mix_sessions"][(index // 2) % len(prepared["mix_sessions"])]
        return headers, {cookie: session}, _learner_journey(prepared["bookable"], index)

    return connection


def _run_stage(env, stage, *args):
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, stage, *map(str, args)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def _stage_result(process):
    out, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"stage failed with {process.returncode}")
    return json.loads(out.strip().splitlines()[-1])


def _mix(env, port, prepared, rate=None):
    """The scripted mix, with an organiser changing events throughout."""
    plan = Plan(port, CONNECTIONS, SECONDS_MIX, WARM_SECONDS, rate)
    _stage_result(_run_stage(env, "release"))
    churn = _run_stage(env, "churn", 0.5 + WARM_SECONDS + SECONDS_MIX, json.dumps(prepared["bookable"]))
    result = measure(plan, _mix_connection(prepared))
    result["churn"] = _stage_result(churn)["changes"]
    return result


def main():
    load_before = os.getloadavg()[0]
    url, database = fresh_postgres(PG_DATABASE), "PostgreSQL"
    if url is None:
        print("BENCH_POSTGRES_URL is not set: measuring on SQLite", file=sys.stderr)
        url, database = fresh_sqlite("load"), "SQLite"
    env = _env(url)
    print(f"--- {database}: generating {SIZES}", file=sys.stderr)
    prepared = _stage_result(_run_stage(env, "prepare"))
    port = _free_port()
    server = _start_server(env, port)
    results = {}
    try:
        paths = _paths(prepared)
        for name, key, who, _ in PAGES:
            print(f"--- {name}: {CONNECTIONS} connections for {SECONDS:.0f} s", file=sys.stderr)
            headers, cookies = _headers(who, prepared), _cookies(who, prepared)

            def connection(index, name=name, key=key, headers=headers, cookies=cookies):
                return _single(name, paths[key], headers, cookies)

            r = results[key] = measure(Plan(port, CONNECTIONS, SECONDS, WARM_SECONDS), connection)
            rate = PACED_SHARE * r["rps"]
            r["paced"] = measure(Plan(port, CONNECTIONS, SECONDS, WARM_SECONDS, rate), connection)
            print(
                f"{name}: {r['rps']:.0f} req/s, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, "
                f"p99 {r['p99']:.0f} ms, errors {r['errors']} {r['statuses']}; at {rate:.0f} req/s: "
                f"p50 {r['paced']['p50']:.0f} ms, p99 {r['paced']['p99']:.0f} ms",
                file=sys.stderr,
            )
        print(f"--- mix: {CONNECTIONS} connections for {SECONDS_MIX:.0f} s", file=sys.stderr)
        mix = _mix(env, port, prepared)
        mix["paced"] = _mix(env, port, prepared, rate=PACED_SHARE * mix["rps"])
        for label, r in [("saturated", mix), ("paced", mix["paced"])]:
            print(
                f"mix {label}: {r['rps']:.0f} req/s, p50 {r['p50']:.0f} ms, p99 {r['p99']:.0f} ms, "
                f"errors {r['errors']} {r['statuses']}, {r['churn']} event changes",
                file=sys.stderr,
            )
        mix["verify"] = _stage_result(_run_stage(env, "verify"))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if database == "PostgreSQL":
            drop_postgres(PG_DATABASE)
    _write(database, prepared, results, mix, load_before, os.getloadavg()[0])


def _mix_lines(mix, hello, sessions_booked):
    paced, verify = mix["paced"], mix["verify"]
    errors = mix["errors"] + paced["errors"]
    lines = [
        "",
        "### The scripted mix, with bookings and changing events",
        "",
        f"{CONNECTIONS} connections for {SECONDS_MIX:.0f} s after the warm-up: half are anonymous "
        "visitors (the calendar, then a session on it), half signed-in learners, each their own person "
        "(their learning, a session, its registration form, booking a place, the session again, their "
        "dashboard, cancelling the place; each POST with the form's CSRF token, as a browser sends it). "
        f"Meanwhile an organiser changes one of the {sessions_booked} sessions "
        f"being booked every {CHURN_INTERVAL:g} s (`load.py churn`), so kept pages are dropped and rebuilt "
        "under load. "
        "Run saturated, then paced at "
        f"{PACED_SHARE:.0%} of the saturated rate.",
        "",
        "| Run | Requests/s | × hello | p50 | p95 | p99 | Max | Event changes | Errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, r in [("saturated", mix), ("paced", paced)]:
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['rps'] / hello:.2f} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | "
            f"{r['p99']:.0f} ms | {r['max']:.0f} ms | {r['churn']} | {r['errors']} |"
        )
    lines += [
        "",
        "| Step | Requests (saturated) | p50 | p99 | Requests (paced) | Paced p50 | Paced p99 | Errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in mix["steps"].items():
        q = paced["steps"].get(name, {"requests": 0, "p50": float("nan"), "p99": float("nan"), "errors": 0})
        lines.append(
            f"| {name} | {r['requests']} | {r['p50']:.0f} ms | {r['p99']:.0f} ms | {q['requests']} | "
            f"{q['p50']:.0f} ms | {q['p99']:.0f} ms | {r['errors'] + q['errors']} |"
        )
    lines += [
        "",
        f"- Mix p99 ≤ {P99_TARGET_MS} ms at {CONNECTIONS} connections: saturated "
        f"{_met(mix['p99'] <= P99_TARGET_MS)} ({mix['p99']:.0f} ms), paced "
        f"{_met(paced['p99'] <= P99_TARGET_MS)} ({paced['p99']:.0f} ms).",
        f"- Zero errors in the mix {_met(errors == 0)} ({errors}; statuses saturated {mix['statuses']}, "
        f"paced {paced['statuses']}).",
        f"- After the mix (`load.py verify`): {verify['doubled']} people with two live places on one "
        f"session and {verify['overfilled']} sessions with more confirmed places than capacity "
        f"{_met(verify['doubled'] == 0 and verify['overfilled'] == 0)}; "
        f"{verify['bench_registrations']:,} registrations were written by the mix's learners.",
    ]
    return lines


def _met(ok):
    return "met" if ok else "**not met**"


def _write(database, prepared, results, mix, load_before, load_after):
    hello = results["hello"]["rps"]
    lines = [
        "## Load",
        "",
        f"`BENCH=load make bench` · {datetime.date.today():%Y-%m-%d} · gunicorn with {WORKERS} sync workers "
        f"and {database} on this machine, DEBUG off, {CONNECTIONS} concurrent connections per page for "
        f"{SECONDS:.0f} s after a {WARM_SECONDS:.0f} s warm-up, the client ({PROCESSES} Python processes) "
        f"on the same machine. Data: {SIZES['people']:,} people, {SIZES['events']:,} sessions, "
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
        "parts the same way (ADR 020). Nothing writes during these single-page runs; the mix below "
        "writes throughout. The API list answers its default page (50 events). The registration form "
        "is the page a learner fills in to book."
    )
    lines += _mix_lines(mix, hello, len(prepared["bookable"]))
    out = ROOT / "docs" / "benchmarks" / "load.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"Wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    stage = sys.argv[1] if len(sys.argv) > 1 else None
    if stage == "prepare":
        print(json.dumps(stage_prepare()))
    elif stage == "churn":
        print(json.dumps(stage_churn(float(sys.argv[2]), json.loads(sys.argv[3]))))
    elif stage == "release":
        print(json.dumps(stage_release()))
    elif stage == "verify":
        print(json.dumps(stage_verify()))
    else:
        main()
