"""The app rides out a PostgreSQL restart under load: clean error pages while the database is
away, service again once it is back, and no write half-done or acknowledged and then lost.

The shared server must never be restarted, so the test starts its own throw-away cluster from
Debian's packages, copies the test data into it with our backup command, and serves the app
from gunicorn (DEBUG off, persistent connections as in production) against that cluster while
threads register and cancel places and read pages. Midway the cluster stops and starts again.
"""

import contextlib
import http.client
import json
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from glob import glob
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import UserFactory
from eolc.core.backups import backup_create
from eolc.events.tests.factories import EventFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="restarts a PostgreSQL cluster; runs in the PostgreSQL run of make test",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(settings.BASE_DIR)
REQUEST_TIMEOUT = 5
CAPACITY = 4
LEAKS = ("Traceback", "psycopg", "OperationalError", "InterfaceError", 'File "', "connection to server")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster of our own in a temporary directory, run as the postgres user when root."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="eolc-pg-restart-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.root, self.user)

    def run(self, tool, *args):
        command = [str(self.bindir / tool), *args]
        result = subprocess.run(  # noqa: S603 - Debian's own PostgreSQL tools with fixed arguments
            command, user=self.user, cwd=self.root, capture_output=True, text=True
        )
        if result.returncode:
            raise subprocess.CalledProcessError(result.returncode, command, stderr=result.stderr)

    def init(self):
        self.run("initdb", "--no-sync", "-A", "trust", "-U", "postgres", "-D", str(self.data))

    def start(self):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.root / "log")
        self.run("pg_ctl", "-s", "-D", str(self.data), "-o", options, "-l", log, "start", "-w")

    def stop(self):
        """Fast shutdown: open transactions are rolled back and every connection is cut."""
        self.run("pg_ctl", "-s", "-D", str(self.data), "stop", "-m", "fast", "-w")

    def url(self, name="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # never started, or already stopped
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def cluster():
    found = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        pytest.skip("Debian's postgresql package is not installed (scripts/ensure_postgres.sh installs it)")
    cluster = Cluster(Path(found[-1]).parent)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def _load_test_data_into(cluster):
    """Our backup of the test database, restored into the cluster's database `eolc`."""
    dump = backup_create(output=cluster.root / "copy.dump")
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE eolc")
    cluster.run("pg_restore", "--no-owner", f"--dbname={cluster.url('eolc')}", str(dump))


@pytest.fixture
def server(cluster, tmp_path):
    """gunicorn with two workers, DEBUG off, the production settings' persistent connections."""
    port = _free_port()
    # Production serves collectstatic's hashed files; collecting them would take longer than the test.
    (tmp_path / "restart_settings.py").write_text(
        "from eolc.settings import *  # noqa\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "restart_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DATABASE_URL": cluster.url("eolc"),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    env.pop("REDIS_URL", None)
    env.pop("DB_CONN_MAX_AGE", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn with fixed arguments
        [str(gunicorn), "eolc.wsgi", "--workers", "2", "--timeout", "30", "--bind", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if _request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer within 30 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _request(port, method, path, body=None, token=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


class Load:
    """Threads sending requests until stopped; every answer is kept with when it was sent and came."""

    def __init__(self, port, token, event, people):
        self.port, self.token, self.event, self.people = port, token, event, people
        self.stopped_at = self.back_at = None  # when the cluster began to stop, and was back
        self.results = []  # (sent, answered, kind, status, body)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        # registration id -> "active" or "cancelled" from 2xx answers, "unknown" after a failed cancel
        self.acknowledged = {}

    def _send(self, kind, method, path, body=None, token=None):
        sent = time.monotonic()
        try:
            status, text = _request(self.port, method, path, body, token)
        except OSError as exc:  # a refused or timed-out request is a failure of the app
            status, text = None, repr(exc)
        with self.lock:
            self.results.append((sent, time.monotonic(), kind, status, text))
        return status, text

    def write(self):
        active = {}  # person id -> registration id we were told about
        rng = random.Random(11)
        while not self.stop.is_set():
            person = rng.choice(self.people)
            if person in active:
                url = f"/api/v1/registrations/{active[person]}"
                status, _ = self._send("cancel", "DELETE", url, token=self.token)
                if status == 204:
                    self.acknowledged[active.pop(person)] = "cancelled"
                elif status is not None and status >= 500:
                    self.acknowledged[active[person]] = "unknown"  # cut off before or after commit
            else:
                url = f"/api/v1/events/{self.event}/registrations"
                status, text = self._send("register", "POST", url, {"person": person}, self.token)
                if status in (200, 201):
                    active[person] = json.loads(text)["id"]
                    self.acknowledged[active[person]] = "active"

    def read(self):
        while not self.stop.is_set():
            self._send("calendar", "GET", "/events/")
            self._send("api", "GET", f"/api/v1/events/{self.event}", token=self.token)

    def run(self, during):
        threads = [threading.Thread(target=self.write), threading.Thread(target=self.read)]
        for thread in threads:
            thread.start()
        try:
            during()
        finally:
            self.stop.set()
            for thread in threads:
                thread.join()

    def answered_before_the_stop(self):
        return [r for r in self.results if self.stopped_at is None or r[1] < self.stopped_at]

    def sent_once_back(self):
        return [r for r in self.results if self.back_at is not None and r[0] > self.back_at]


def _wait_for(answers, count, seconds):
    deadline = time.monotonic() + seconds
    while len(answers()) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def test_requests_fail_cleanly_while_postgresql_restarts_then_recover_with_nothing_half_written(
    cluster, request
):
    site_admin = UserFactory(is_staff=True, is_superuser=True)
    token = api_token_issue(person=site_admin)
    event = EventFactory(capacity=CAPACITY)
    people = [UserFactory().pk for _ in range(12)]
    _load_test_data_into(cluster)
    port = request.getfixturevalue("server")
    load = Load(port, token, event.pk, people)

    def restart_midway():
        _wait_for(load.answered_before_the_stop, 30, seconds=10)
        load.stopped_at = time.monotonic()
        cluster.stop()
        time.sleep(2)
        cluster.start()
        load.back_at = time.monotonic()
        _wait_for(load.sent_once_back, 60, seconds=15)

    started = time.monotonic()
    load.run(restart_midway)
    elapsed = time.monotonic() - started

    statuses = sorted(str(r[3]) for r in load.results)
    print(f"{len(load.results)} requests in {elapsed:.1f} s:", {s: statuses.count(s) for s in set(statuses)})
    failures = [r for r in load.results if r[3] is None]
    assert not failures, f"requests hung or were refused: {failures[:3]}"
    slow = [r for r in load.results if r[1] - r[0] > REQUEST_TIMEOUT - 1]
    assert not slow, f"requests took too long: {slow[:3]}"

    errors = [r for r in load.results if r[3] >= 500]
    assert errors, f"no request failed in {elapsed:.1f} s, so the outage was not exercised"
    assert {r[3] for r in errors} == {503}, "a lost database must answer 503 (try again)"
    for _, _, kind, status, body in errors:
        assert not any(leak in body for leak in LEAKS), f"{kind} {status} leaked details: {body[:500]}"
        if kind == "calendar":
            assert "Sorry, there is a problem with the service" in body
        else:
            assert json.loads(body)["detail"]
    assert all(r[3] < 500 for r in load.answered_before_the_stop()), "requests failed before the restart"

    # Each kind of request succeeds again once the cluster is back, and keeps succeeding.
    after = load.sent_once_back()
    for kind in ("register", "cancel", "calendar", "api"):
        last = [r[3] for r in after if r[2] == kind][-3:]
        assert last and all(status < 500 for status in last), f"{kind} did not recover: {last}"

    with psycopg.connect(cluster.url("eolc")) as conn:
        rows = conn.execute(
            "SELECT id, status FROM events_registration WHERE event_id = %s", [event.pk]
        ).fetchall()
    statuses = dict(rows)
    confirmed = sum(status == "confirmed" for status in statuses.values())
    waiting = sum(status == "waitlisted" for status in statuses.values())
    assert confirmed <= CAPACITY
    assert not waiting or confirmed == CAPACITY, "a place is free while someone waits: a promotion was lost"
    for registration, told in load.acknowledged.items():
        assert registration in statuses, f"registration {registration} was acknowledged and then lost"
        if told != "unknown":
            assert (statuses[registration] == "cancelled") == (told == "cancelled"), registration
