import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache(db):
    """Every API test starts with no rate-limit counts (each test's rows roll back anyway)."""
    cache.clear()
