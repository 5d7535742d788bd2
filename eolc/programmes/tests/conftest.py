import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The `people` fixture hashes nine passwords; the production hasher makes that take seconds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
