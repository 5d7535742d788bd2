import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def cache_table(django_db_setup, django_db_blocker):
    """The token rate limit counts in the database cache (`eolc_cache`); migrations do not make it.

    `createcachetable` is DDL, so it runs once here, in session set-up and outside the
    per-test transactions, which works on SQLite and PostgreSQL alike. It skips a table
    that exists, so it costs nothing when the root conftest has already made it.
    """
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The `people` fixture hashes nine passwords; the production hasher makes that take seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache(db):
    """Every API test starts with no rate-limit counts (each test's rows roll back anyway)."""
    cache.clear()
