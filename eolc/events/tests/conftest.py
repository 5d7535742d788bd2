import shutil
import sqlite3

import pytest
from django.conf import settings
from django.db import connection, connections

ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks in-process, so a test sees the email a task sends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def sqlite_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the migrated test database, taken before any test opens a transaction."""
    if not ON_SQLITE:
        return None
    path = tmp_path_factory.mktemp("concurrency") / "events.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    return path


@pytest.fixture
def thread_database(sqlite_copy, tmp_path):
    """A function that points the calling thread at the database the threads share."""
    if not ON_SQLITE:
        return lambda: None
    path = tmp_path / "events.sqlite3"
    shutil.copyfile(sqlite_copy, path)
    wrapper_class = type(connections["default"])
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path)}

    def use_file():
        connections["default"] = wrapper_class(settings_dict, "default")

    use_file.path = path
    return use_file
