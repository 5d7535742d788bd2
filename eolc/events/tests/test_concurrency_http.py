"""Forty people press "register" at the same moment, over HTTP, against real server processes.

The service-level tests in test_concurrency.py slow the count down and include a control run
without the lock. This test adds what they cannot show: two gunicorn worker processes with
twenty threads each, every request on its own connection, as in production. It runs on the
suite's database of the day: a file copy of the SQLite test database, or the PostgreSQL test
database itself (with committed rows).
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import UserFactory
from eolc.events.models import Registration
from eolc.events.tests.conftest import ON_SQLITE
from eolc.events.tests.factories import EventFactory
from eolc.events.tests.test_concurrency import in_thread

PEOPLE = 40
PLACES = 10
PROJECT_DIR = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.django_db(transaction=not ON_SQLITE, serialized_rollback=not ON_SQLITE)


def database_url(thread_database):
    if ON_SQLITE:
        return f"sqlite:///{thread_database.path}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(thread_database, tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_URL=database_url(thread_database),
        DEBUG="true",
        VAR_DIR=str(tmp_path / "var"),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        DJANGO_SETTINGS_MODULE="eolc.settings",
    )
    command = [sys.executable, "-m", "gunicorn", "eolc.wsgi", "--workers", "2", "--threads", "20"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and app
        [*command, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=PROJECT_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{base}/", timeout=15) as response:  # noqa: S310
                    if response.status == 200:
                        break
            # A busy machine can take longer than the timeout over the first request (imports,
            # template loading): that is "not ready yet" too, until the deadline.
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the gunicorn test server did not start")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def register_over_http(base, event_id, tokens):
    barrier = threading.Barrier(len(tokens))
    results, errors = [], []

    def register(token):
        request = urllib.request.Request(  # noqa: S310 - loopback test server
            f"{base}/api/v1/events/{event_id}/registrations",
            data=b"{}",
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                results.append((response.status, json.loads(response.read())["status"]))
        except urllib.error.HTTPError as exc:
            errors.append(f"{exc.code}: {exc.read()[:200]!r}")
        except OSError as exc:
            errors.append(repr(exc))

    threads = [threading.Thread(target=register, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_forty_simultaneous_http_registrations_for_ten_places(thread_database, server):
    def make():
        event = EventFactory(capacity=PLACES)
        tokens = [api_token_issue(person=UserFactory()) for _ in range(PEOPLE)]
        return event.pk, tokens

    event_id, tokens = in_thread(thread_database, make)
    results, errors = register_over_http(server, event_id, tokens)
    assert errors == []
    assert Counter(status for _code, status in results) == {
        "confirmed": PLACES,
        "waitlisted": PEOPLE - PLACES,
    }
    assert {code for code, _status in results} == {201}
    stored = in_thread(
        thread_database,
        lambda: Counter(Registration.objects.filter(event_id=event_id).values_list("status", flat=True)),
    )
    assert stored == {"confirmed": PLACES, "waitlisted": PEOPLE - PLACES}
