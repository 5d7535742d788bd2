"""The demo, loaded once for every test in this package.

Loading takes seconds and these tests only read it (or change it and check that loading again
repairs it), so they share one load instead of paying for one each. Tests that need a database
without the demo live outside this package.
"""

import pytest
from django.db import transaction
from django.test import override_settings

from eolc.demo.services import demo_load


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The load's summary. The load runs in a transaction rolled back after the package's last test;
    each test runs in a savepoint inside it, so what one test changes the next never sees."""
    media = tmp_path_factory.mktemp("demo-media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings = override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers)
    with settings, django_db_blocker.unblock(), transaction.atomic():
        yield demo_load()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _demo_loaded(demo):
    """Every test here reads the demo, whether or not it names the fixture."""
