"""The anonymous calendar, rendered once per month and filters and cached.

Every anonymous visitor sees the same calendar for the same query, so its rendered parts and whole
page are kept. A change to any event, series or registration, or to the areas, hosts and programmes
the filters list, moves a generation stamp that is part of every key, so the next request renders
afresh; entries also expire after a minute, which bounds what time alone changes (an event
starting, registration closing).

The stamp lives in the shared cache (the database cache table, or Redis), so a change made through
any app server shows at once on all of them. The rendered entries live in each process's memory
(the "local" cache): reading a 30 KB entry back from the database cost as much as a third of
rendering it, while the stamp is one short row.
"""

import hashlib
import time

from django.core.cache import cache, caches
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
    return caches["local"].get(key_)


def put(key_: str, parts: dict) -> None:
    caches["local"].set(key_, parts, TIMEOUT_SECONDS)


def connect() -> None:
    from eolc.accounts.models import Area, Organisation
    from eolc.events.models import Event, Registration, Series
    from eolc.programmes.models import Programme

    for model in (Event, Series, Registration, Area, Organisation, Programme):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"calendar-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"calendar-delete-{model.__name__}")
    m2m_changed.connect(invalidate, sender=Event.facilitators.through, dispatch_uid="calendar-facilitators")
