"""Throw-away databases for a benchmark: made empty before a run and removed after it."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[3]


def _admin_url():
    return urlunsplit(urlsplit(os.environ["BENCH_POSTGRES_URL"])._replace(path="/postgres"))


def fresh_postgres(name):
    """An empty PostgreSQL database `name` beside BENCH_POSTGRES_URL; None when that is unset."""
    base = os.environ.get("BENCH_POSTGRES_URL")
    if not base:
        return None
    import psycopg

    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


def drop_postgres(name):
    """FORCE: a server the benchmark started may still hold connections."""
    import psycopg

    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def fresh_sqlite(name):
    """An empty SQLite file under var/bench, without the WAL files of an earlier run."""
    path = ROOT / "var" / "bench" / f"{name}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"
