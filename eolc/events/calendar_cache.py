"""The anonymous calendar's rendered filters and results, cached by month and filters.

Every anonymous visitor sees the same calendar for the same query, so its two rendered parts are kept
in the site's cache (the database cache table, or Redis). A change to any event, series or
registration, or to the areas, hosts and programmes the filters list, moves a generation stamp that
is part of every key, so the next request renders afresh; entries also expire after a minute, which
bounds what time alone changes (an event starting, registration closing).
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

TIMEOUT_SECONDS = 60
GENERATION_KEY = "events:calendar:generation"


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = str(time.time_ns())
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate(**kwargs) -> None:
    """Moves the stamp once the change commits: written inside the change's transaction, the one
    stamp row would be locked until commit and every registration on the site would queue on it."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, str(time.time_ns()), None))


def key(*, zone: str, month: str, filters: list[tuple[str, list[str]]]) -> str:
    """The key for one month, zone and query string (hashed: it comes from the visitor)."""
    digest = hashlib.sha256(repr((zone, month, sorted(filters))).encode()).hexdigest()
    return f"events:calendar:{generation()}:{digest}"


def get(key_: str):
    return cache.get(key_)


def put(key_: str, parts: dict) -> None:
    cache.set(key_, parts, TIMEOUT_SECONDS)


def connect() -> None:
    from eolc.accounts.models import Area, Organisation
    from eolc.events.models import Event, Registration, Series
    from eolc.programmes.models import Programme

    for model in (Event, Series, Registration, Area, Organisation, Programme):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"calendar-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"calendar-delete-{model.__name__}")
    m2m_changed.connect(invalidate, sender=Event.facilitators.through, dispatch_uid="calendar-facilitators")
