"""An event's page: the parts every viewer sees alike, loaded once per change to events.

The event itself (with its area, host, programme and series), its facilitators and the other
sessions of its series are the same whoever looks; loading them cost two thirds of the page. They
are kept in each process's memory under the calendar's generation stamp, which any change to an
event, series or facilitator moves on commit (see eolc/events/calendar_cache.py), so a change
shows on the next request on every app server. Its place counts change with every booking, so they
are kept apart, under the places stamp, and cost one query to count again.
Whether the viewer may see the event is decided on every request, from these parts and the
viewer's roles, in the access layer.
"""

from dataclasses import dataclass

from django.core.cache import caches
from django.http import Http404

from eolc.events import calendar_cache
from eolc.events.models import Event, EventStatus
from eolc.programmes import access


@dataclass(frozen=True)
class EventPage:
    event: Event  # with its facilitators loaded, and confirmed_count and waitlisted_count set
    sessions: list[Event]  # the series' other sessions, drafts left out


def _key(pk: int) -> str:
    return f"events:page:{calendar_cache.generation()}:{pk}"


def _places_key(pk: int) -> str:
    return f"events:places:{calendar_cache.places_generation()}:{pk}"


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
    key = _key(pk)
    page = caches["local"].get(key)
    if page is None:
        page = _load(pk)
        if page is not None:
            caches["local"].set(key, page, calendar_cache.TIMEOUT_SECONDS)
    if page is None or not access.can_see_event(user, page.event):
        raise Http404("No such event")
    page.event.confirmed_count, page.event.waitlisted_count = _place_counts(pk)
    return page


def _place_counts(pk: int) -> tuple[int, int]:
    key = _places_key(pk)
    counts = caches["local-small"].get(key)
    if counts is None:
        counts = (
            Event.objects.filter(pk=pk)
            .with_place_counts()
            .values_list("confirmed_count", "waitlisted_count")
            .first()
        )
        if counts is None:  # deleted since its shared parts were kept
            raise Http404("No such event")
        caches["local-small"].set(key, counts, calendar_cache.TIMEOUT_SECONDS)
    return counts
