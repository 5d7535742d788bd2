"""The PostgreSQL backend checks a kept connection without a round trip, and still finds one the
server ended (eolc/core/postgresql/base.py). The restart drill is test_database_restart.py."""

import time

import psycopg
import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the backend is PostgreSQL's"),
]


@pytest.fixture
def kept():
    """A second connection of the app's own kind, as an app server keeps one between requests."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def test_the_engine_in_use_is_ours():
    assert type(connections["default"]).__module__ == "eolc.core.postgresql.base"


def test_a_healthy_kept_connection_passes_without_a_query(kept, monkeypatch):
    def no_queries(*args, **kwargs):
        raise AssertionError("the check sent a query")

    monkeypatch.setattr(kept.connection, "cursor", no_queries)
    monkeypatch.setattr(kept.connection, "execute", no_queries)
    assert kept.is_usable()


def test_a_connection_the_server_ended_fails_the_check_and_the_next_query_reconnects(kept):
    pid = kept.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while kept.is_usable() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not kept.is_usable()
    kept.health_check_enabled, kept.health_check_done = True, False  # as at a request's start
    with kept.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_connection_left_in_a_failed_transaction_fails_the_check(kept):
    kept.connection.execute("BEGIN")
    with pytest.raises(psycopg.errors.DivisionByZero):
        kept.connection.execute("SELECT 1 / 0")
    assert not kept.is_usable()


def test_a_closed_connection_fails_the_check(kept):
    kept.connection.close()
    assert not kept.is_usable()
