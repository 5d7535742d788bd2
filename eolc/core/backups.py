"""Backup and restore of the whole database, with a manifest that proves a restore is complete.

The manifest holds a row count and a sha256 of every table's rows (ordered by primary key) so a
restore can be checked table by table rather than trusted.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper


class BackupError(Exception):
    """A backup or restore could not be completed; the message says why."""


def default_output_path() -> Path:
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path(settings.VAR_DIR) / "backups" / f"eolc-{stamp}{suffix}"


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".manifest.json")


def table_fingerprints(db=connection) -> dict[str, dict]:
    """Row count and sha256 of each table's rows, read through a raw cursor (not the ORM)."""
    fingerprints = {}
    with db.cursor() as cursor:
        for table in sorted(db.introspection.table_names(cursor)):
            columns = [c.name for c in db.introspection.get_table_description(cursor, table)]
            primary_key = db.introspection.get_primary_key_column(cursor, table)
            order = [primary_key] if primary_key else columns
            quote = db.ops.quote_name
            select = f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)} "  # noqa: S608 - introspected names
            cursor.execute(select + f"ORDER BY {', '.join(map(quote, order))}")
            digest = hashlib.sha256()
            count = 0
            for row in cursor.fetchall():
                digest.update(json.dumps(row, default=str).encode())
                digest.update(b"\n")
                count += 1
            fingerprints[table] = {"rows": count, "sha256": digest.hexdigest()}
    return fingerprints


def _pg_env_and_args() -> tuple[dict, list[str]]:
    """Connection settings for pg_dump/pg_restore; the password travels in PGPASSWORD only."""
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args.append(f"{flag}={db[key]}")
    args.append(f"--dbname={db['NAME']}")
    return env, args


def _run(command: list[str], env: dict) -> None:
    if not shutil.which(command[0]):
        raise BackupError(f"{command[0]} is not installed (install the PostgreSQL client tools).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 - fixed tools
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup_create(*, output: Path) -> Path:
    """Write a consistent copy of the live database to `output` plus its manifest."""
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another --output.")
    output.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # VACUUM INTO reads one snapshot, so the copy is consistent while the app keeps writing.
            cursor.execute("VACUUM INTO %s", [str(output)])
        # Fingerprints are read from the copy itself, so they describe exactly what was saved.
        fingerprints = sqlite_file_fingerprints(output)
    elif connection.vendor == "postgresql":
        fingerprints = _pg_dump(output)
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "vendor": connection.vendor,
        "backup": output.name,
        "tables": fingerprints,
    }
    manifest_path(output).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return output


def _pg_dump(output: Path) -> dict[str, dict]:
    """Dump and fingerprint one exported snapshot, so the manifest matches the dump under load."""
    env, args = _pg_env_and_args()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={output}", *args], env)
        return table_fingerprints()


def sqlite_file_fingerprints(path: Path) -> dict[str, dict]:
    """Fingerprint another SQLite file through a Django connection, so values read exactly as
    they do from the live database."""
    alias = "backup_fingerprint"
    other = DatabaseWrapper({**connection.settings_dict, "NAME": str(path), "OPTIONS": {}}, alias=alias)
    connections[alias] = other
    try:
        return table_fingerprints(other)
    finally:
        other.close()
        del connections[alias]


def backup_restore(*, path: Path) -> dict[str, dict]:
    """Replace the configured database with the backup at `path`; return the tables that differ
    from the manifest afterwards (empty when the restore is complete)."""
    path = Path(path)
    manifest_file = manifest_path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    if not manifest_file.is_file():
        raise BackupError(f"{manifest_file} is missing; it is needed to check the restore.")
    manifest = json.loads(manifest_file.read_text())
    if manifest.get("vendor") != connection.vendor:
        raise BackupError(
            f"{path} is a {manifest.get('vendor')} backup but the configured database is {connection.vendor}."
        )
    if connection.vendor == "sqlite":
        _sqlite_restore(path)
    else:
        env, args = _pg_env_and_args()
        connection.close()
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(path)],
            env,
        )
    expected = manifest["tables"]
    actual = table_fingerprints()
    return {
        table: {"expected": expected.get(table), "actual": actual.get(table)}
        for table in sorted(set(expected) | set(actual))
        if expected.get(table) != actual.get(table)
    }


def _sqlite_restore(path: Path) -> None:
    """Copy page by page with SQLite's backup API, which takes the write lock and keeps WAL
    readers consistent, instead of overwriting a file other processes may have open."""
    target_name = connection.settings_dict["NAME"]
    connection.close()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    target = sqlite3.connect(str(target_name), timeout=20)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
