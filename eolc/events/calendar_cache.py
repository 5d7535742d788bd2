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

A change moves the stamp for the whole calendar, so the next request builds it again; that rebuild
reuses what the change left alike. Each event's entry (a day's link in the month grid, a row of
the list) is kept under every value it shows (`presenters.CalendarEntry`): only the changed event's
is drawn again. The filters' choices and markup are kept under what they offer: the areas, hosts
and programmes the events use (one query) and the stamp of their names (`filter_choices`).

The stamp (eolc/core/stamps.py) lives in the database (`core.StampValue`), so a change made
through any app server shows at once on all of them. The rendered entries live in each process's
memory (the "local" cache): reading a 30 KB entry back from the database cost as much as a third
of rendering it, while the stamp is one short row.
"""

import hashlib

from django.core.cache import caches

from eolc.core import stamps
from eolc.core.stamps import Stamp
from eolc.events.forms import filter_choices as _load_filter_choices
from eolc.events.forms import used_references

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


def filter_choices(events) -> tuple[str, dict]:
    """The filters' areas, hosts and programmes for these events, and the key they are kept
    under: what the events use (one query) and the stamp of what the choices show (their names),
    so that an edit to an event that uses none of them anew keeps them, and the filters' markup."""
    from eolc.events.page_cache import REFERENCES_STAMP

    used = used_references(events)
    digest = hashlib.sha256(repr(sorted((name, sorted(ids)) for name, ids in used.items())).encode())
    key = f"events:filters:{REFERENCES_STAMP.value()}:{digest.hexdigest()}"
    return key, stamps.kept(key, lambda: _load_filter_choices(used), timeout=TIMEOUT_SECONDS)


def kept_filters(choices_key: str, query: list, render) -> str:
    """The filters' markup for one query string (which fields are filled in) and set of choices:
    kept with the pages (a few kilobytes each, and visitors choose the query)."""
    digest = hashlib.sha256(repr(sorted(query)).encode()).hexdigest()
    return stamps.kept(f"{choices_key}:{digest}", render, timeout=TIMEOUT_SECONDS, alias="local")


def connect() -> None:
    from eolc.accounts.models import Area, Organisation
    from eolc.events.models import Event, Registration, Series
    from eolc.programmes.models import Programme

    STAMP.follow(Event, Series, Area, Organisation, Programme, Event.facilitators.through)
    # A change of capacity (an event or series saved) changes places left as well as the event.
    PLACES_STAMP.follow(Registration, Event, Series)
