"""The anonymous calendar, rendered once per month and filters and cached.

Every anonymous visitor sees the same calendar for the same query, so its rendered parts and whole
page are kept. A change to any event or series, or to the areas, hosts and programmes the filters
list, moves a generation stamp that is part of every key, so the next request renders afresh;
entries also expire after a minute, which bounds what time alone changes (an event starting,
registration closing).

Bookings come far more often than edits, and only the list view shows places left, so
registrations move a stamp of their own (`PLACES_STAMP`), which only the list view's key holds: a
busy hour of bookings leaves the month grid in memory. (Event pages have stamps per event:
eolc/events/page_cache.py.)

The stamp (eolc/core/stamps.py) lives in the shared cache, so a change made through any app server
shows at once on all of them. The rendered entries live in each process's memory (the "local"
cache): reading a 30 KB entry back from the database cost as much as a third of rendering it,
while the stamp is one short row.
"""

import hashlib

from django.core.cache import caches

from eolc.core.stamps import Stamp

TIMEOUT_SECONDS = 60
STAMP = Stamp("events:calendar:generation")
PLACES_STAMP = Stamp("events:places:generation")


def generation() -> str:
    return STAMP.value()


def places_generation() -> str:
    return PLACES_STAMP.value()


def key(*, zone: str, month: str, filters: list[tuple[str, list[str]]], shows_places: bool) -> str:
    """The key for one month, zone and query string (hashed: it comes from the visitor)."""
    digest = hashlib.sha256(repr((zone, month, sorted(filters))).encode()).hexdigest()
    places = f":{places_generation()}" if shows_places else ""
    return f"events:calendar:{generation()}{places}:{digest}"


def get(key_: str):
    return caches["local"].get(key_)


def put(key_: str, parts: dict) -> None:
    caches["local"].set(key_, parts, TIMEOUT_SECONDS)


def connect() -> None:
    from eolc.accounts.models import Area, Organisation
    from eolc.events.models import Event, Registration, Series
    from eolc.programmes.models import Programme

    STAMP.follow(Event, Series, Area, Organisation, Programme, Event.facilitators.through)
    # A change of capacity (an event or series saved) changes places left as well as the event.
    PLACES_STAMP.follow(Registration, Event, Series)
