"""Restore drill: back up, damage the data, restore, and prove every table matches the manifest."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from eolc.accounts.models import User
from eolc.core.backups import manifest_path, sqlite_file_fingerprints, table_fingerprints
from eolc.programmes.models import Membership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _manage(database: Path, *args):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _drill_on_sqlite_file(tmp_path, people):
    """The test database is in memory, so the drill runs on a file copy of it in a subprocess."""
    database = tmp_path / "live.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(database) as copy:
        connection.connection.backup(copy)
    backup = tmp_path / "drill.sqlite3"
    assert _manage(database, "backup", "--output", str(backup)).strip() == str(backup)

    members_table = Membership._meta.db_table
    with sqlite3.connect(database) as live:
        live.execute("UPDATE accounts_user SET full_name = 'Changed' WHERE id = ?", [people.learner.pk])
        live.execute(f"DELETE FROM {members_table} WHERE person_id = ?", [people.champion.pk])  # noqa: S608
    _manage(database, "restore", str(backup), "--yes")

    with sqlite3.connect(database) as live:
        name = live.execute(
            "SELECT full_name FROM accounts_user WHERE id = ?", [people.learner.pk]
        ).fetchone()[0]
        count_members = f"SELECT COUNT(*) FROM {members_table} WHERE person_id = ?"  # noqa: S608
        members = live.execute(count_members, [people.champion.pk]).fetchone()[0]
    return backup, name, members, sqlite_file_fingerprints(database)


def _drill_in_process(tmp_path, people):
    backup = tmp_path / "drill.dump"
    call_command("backup", "--output", str(backup))
    User.objects.filter(pk=people.learner.pk).update(full_name="Changed")
    Membership.objects.filter(person=people.champion).delete()
    call_command("restore", str(backup), "--yes")
    name = User.objects.get(pk=people.learner.pk).full_name
    return backup, name, Membership.objects.filter(person=people.champion).count(), table_fingerprints()


def test_restore_drill_brings_back_changed_and_deleted_rows(tmp_path, people):
    original_name = people.learner.full_name
    if connection.vendor == "sqlite":
        backup, name, members, fingerprints = _drill_on_sqlite_file(tmp_path, people)
    else:
        backup, name, members, fingerprints = _drill_in_process(tmp_path, people)

    manifest = json.loads(manifest_path(backup).read_text())
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"]["accounts_user"]["rows"] == User.objects.count() > 0
    assert fingerprints == manifest["tables"]
    assert name == original_name
    assert members == 1


def test_restore_refuses_without_yes(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "any.dump"))


def test_restore_reports_tables_that_do_not_match_the_manifest(tmp_path, people):
    if connection.vendor == "sqlite":
        pytest.skip("covered through the file drill; in-memory databases cannot be backed up in process")
    backup = tmp_path / "drill.dump"
    call_command("backup", "--output", str(backup))
    manifest = json.loads(manifest_path(backup).read_text())
    manifest["tables"]["accounts_user"]["rows"] += 1
    manifest_path(backup).write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="accounts_user"):
        call_command("restore", str(backup), "--yes")
