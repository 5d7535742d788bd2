"""An event's page: the parts every viewer sees alike, loaded once per change to that event.

The event itself (with its area, host, programme and series), its facilitators and the other
sessions of its series are the same whoever looks; loading them cost two thirds of the page. They
are kept in each process's memory under the event's own stamp (`PAGE_STAMP`), which a change to
the event, its series, a session of that series or its facilitators moves on commit, and under a
stamp for what events refer to (areas, hosts, programmes, parts: `REFERENCES_STAMP`). A change
shows on the next request on every app server, and an edit to one event leaves every other
event's page in memory. Its place counts change with every booking, so they are kept apart,
under a stamp of their own per event (`COUNTS_STAMP`), and cost one query to count again. All
three stamps are read in the request's one round trip (eolc/core/stamps.py).
Whether the viewer may see the event is decided on every request, from these parts and the
viewer's roles, in the access layer.

A visitor who is not signed in gets the whole page from memory (`kept_for_visitors`), as the
calendar's visitors do, kept under the place counts it shows rather than their stamp.

The viewer's own registration for the event is kept too, under their own stamp
(`REGISTRATIONS_STAMP`), which any change to one of their registrations or to their account moves.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.http import Http404

from eolc.core import stamps
from eolc.events import calendar_cache
from eolc.events.models import Event, EventStatus, Registration, Series, place_counts
from eolc.programmes import access

REFERENCES_STAMP = stamps.Stamp("events:references:generation")
PAGE_STAMP = stamps.ObjectStamp("events:page")
COUNTS_STAMP = stamps.ObjectStamp("events:counts")
REGISTRATIONS_STAMP = stamps.PersonStamp("events:registrations")


@dataclass(frozen=True)
class EventPage:
    event: Event  # with its facilitators loaded, and confirmed_count and waitlisted_count set
    sessions: list[Event]  # the series' other sessions, drafts left out


def _load(pk: int) -> EventPage | None:
    event = (
        Event.objects.filter(pk=pk)
        .select_related("area", "host", "programme", "series")
        .prefetch_related("facilitators")
        .first()
    )
    if event is None:
        return None
    sessions = list(event.series.events.exclude(status=EventStatus.DRAFT)) if event.series_id else []
    return EventPage(event, sessions)


def get_event_page_or_404(user, pk: int) -> EventPage:
    """The shared parts of an event's page, or 404 when there is no such event or the person may
    not see it (the same rule as `access.events_for`)."""
    references, generation, counted = stamps.current(
        REFERENCES_STAMP.key, PAGE_STAMP.key(pk), COUNTS_STAMP.key(pk)
    )
    key = f"events:page:{references}:{generation}:{pk}"
    page = caches["local"].get(key)
    if page is None:
        page = _load(pk)
        if page is not None:
            caches["local"].set(key, page, calendar_cache.TIMEOUT_SECONDS)
    if page is None or not access.can_see_event(user, page.event):
        raise Http404("No such event")
    page.event.confirmed_count, page.event.waitlisted_count = _place_counts(pk, counted)
    return page


def _place_counts(pk: int, generation: str) -> tuple[int, int]:
    counts = stamps.kept(
        f"events:counts:{generation}:{pk}", lambda: place_counts(pk), timeout=calendar_cache.TIMEOUT_SECONDS
    )
    if counts is None:  # deleted since its shared parts were kept
        raise Http404("No such event")
    return counts


def kept_for_visitors(page: EventPage, facts: tuple, render) -> str:
    """The whole page as a visitor who is not signed in sees it, drawn by `render()` once per
    change and kept in this process's memory: every such visitor sees the same page. Its key holds
    the stamps of the event's shared parts, its place counts themselves (a booking and its
    cancelling bring back a page already drawn, where the counts' stamp would have moved twice)
    and `facts`, what the view works out afresh on each request (whether registration is open
    now, the links other apps offer), so neither time nor another app's change can leave it
    stale."""
    event = page.event
    references, generation = stamps.current(REFERENCES_STAMP.key, PAGE_STAMP.key(event.pk))
    digest = hashlib.sha256(repr((event.confirmed_count, event.waitlisted_count, facts)).encode()).hexdigest()
    key = f"events:visitor-page:{references}:{generation}:{event.pk}:{digest}"
    return stamps.kept(key, render, timeout=calendar_cache.TIMEOUT_SECONDS, alias="local")


def own_registration(user, event: Event) -> Registration | None:
    """The person's active registration for the event (or its series), or None. The key holds the
    event's series, so an event moved into or out of a series is looked up afresh."""
    if not user.is_authenticated:
        return None
    if REGISTRATIONS_STAMP.changing():
        return _own_registration(user, event)
    key = f"events:mine:{REGISTRATIONS_STAMP.value(user)}:{user.pk}:{event.pk}:{event.series_id}"
    return stamps.kept(key, lambda: _own_registration(user, event), timeout=calendar_cache.TIMEOUT_SECONDS)


def _own_registration(user, event: Event) -> Registration | None:
    return access.own_registrations(user).for_event(event).active().first()


def _sessions_of(series_id) -> list[int]:
    return list(Event.objects.filter(series_id=series_id).values_list("pk", flat=True))


def _event_changed(sender, instance, **kwargs):
    """Its own page, and those of the other sessions of its series, which list it."""
    PAGE_STAMP.move_for([instance.pk, *(_sessions_of(instance.series_id) if instance.series_id else [])])


def _series_changed(sender, instance, **kwargs):
    PAGE_STAMP.move_for(_sessions_of(instance.pk))


def _facilitators_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # event.facilitators.add(person): the event is the instance
        if action.startswith("post_"):
            PAGE_STAMP.move_for([instance.pk])
    elif action in ("post_add", "post_remove"):  # person.facilitated_events.add(event)
        PAGE_STAMP.move_for(pk_set)
    elif action == "pre_clear":  # the events are gone from the relation after the clear
        PAGE_STAMP.move_for(instance.facilitated_events.values_list("pk", flat=True))


def _person_changed(sender, instance, update_fields=None, **kwargs):
    """A facilitator's name is on the pages of the events they run: a rename, or an erasure, shows
    there at once. Signing in saves only `last_login`, which no page shows."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    PAGE_STAMP.move_for(instance.facilitated_events.values_list("pk", flat=True))


def _registration_changed(sender, instance, **kwargs):
    """A series' places are counted on every session of it."""
    COUNTS_STAMP.move_for([instance.event_id] if instance.event_id else _sessions_of(instance.series_id))


def connect() -> None:
    from eolc.accounts.models import Area, Organisation, User
    from eolc.curriculum.models import Part
    from eolc.programmes.models import Programme

    REFERENCES_STAMP.follow(Area, Organisation, Programme, Part)
    # An event's pages (eolc/events/urls.py) read its stamps with the signed-in person's.
    stamps.read_with_path(
        r"/events/(\d+)/", lambda found: [PAGE_STAMP.key(found[1]), COUNTS_STAMP.key(found[1])]
    )
    # Erasure blanks a person's registrations without signals, and saves their account.
    REGISTRATIONS_STAMP.follow(Registration)
    REGISTRATIONS_STAMP.follow(User, person="pk")
    for model, moved in [
        (Event, _event_changed),
        (Series, _series_changed),
        (Registration, _registration_changed),
    ]:
        uid = f"events:page:{model._meta.label}"
        post_save.connect(moved, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(moved, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
    person = get_user_model()
    post_save.connect(_person_changed, sender=person, weak=False, dispatch_uid="events:page:person:save")
    pre_delete.connect(_person_changed, sender=person, weak=False, dispatch_uid="events:page:person:delete")
    m2m_changed.connect(
        _facilitators_changed,
        sender=Event.facilitators.through,
        weak=False,
        dispatch_uid="events:page:facilitators",
    )
