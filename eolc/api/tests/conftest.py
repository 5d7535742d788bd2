import pytest
from django.core.cache import cache, caches


@pytest.fixture(autouse=True)
def empty_cache(db):
    """Every API test starts with no rate-limit counts and no cached pages (rows roll back anyway)."""
    cache.clear()
    caches["api"].clear()
