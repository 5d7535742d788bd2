"""The anonymous calendar after a change: what changed shows on the next request, and only the
entries and filters whose values changed are drawn again (eolc/events/presenters.py CalendarEntry,
eolc/events/calendar_cache.py)."""

import datetime
from contextlib import contextmanager

import pytest
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.models import Area
from eolc.accounts.tests.factories import OrganisationFactory
from eolc.events import presenters
from eolc.events.models import EventKind, EventStatus
from eolc.events.tests.factories import EventFactory, SeriesFactory

ENTRY = {"month": "events/_month_entry.html", "list": "events/_list_entry.html"}


def later_this_month(hour):
    """A London hour on a day later this month (or today, near the month's end)."""
    today = timezone.localdate()
    day = today.day + 1 if today.day < 28 else today.day
    return timezone.localtime().replace(day=day, hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each write in it stands for a committed request: the stamps move on commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def no_entries_kept():
    presenters._markup.cache_clear()


@contextmanager
def drawing():
    """The names of the templates rendered meanwhile."""
    names = []

    def rendered(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(rendered)
    try:
        yield names
    finally:
        template_rendered.disconnect(rendered)


def calendar(client, view):
    return client.get(reverse("events:calendar"), {"view": view}).text


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["month", "list"])
def test_an_edit_to_one_event_shows_at_once_and_draws_only_its_entry_again(client, committed, view):
    events = [EventFactory(title=f"Session {n}", starts_at=later_this_month(9 + n)) for n in range(3)]
    with drawing() as drawn:
        calendar(client, view)
    assert drawn.count(ENTRY[view]) == 3
    events[1].title = "Renamed session"
    with committed():
        events[1].save()
    with drawing() as drawn:
        page = calendar(client, view)
    assert "Renamed session" in page and "Session 1" not in page
    assert "Session 0" in page and "Session 2" in page
    assert drawn.count(ENTRY[view]) == 1
    assert drawn.count("events/_month_day.html") == (1 if view == "month" else 0)  # its day's cell
    assert "events/_filters.html" not in drawn  # the event uses no area, host or programme anew


def _reschedule(event):
    event.starts_at = event.starts_at.replace(hour=15)
    event.ends_at = event.starts_at + datetime.timedelta(minutes=90)
    return "3pm to 4:30pm"


def _cancel(event):
    event.status = EventStatus.CANCELLED
    return "Cancelled"


def _retitle(event):
    event.title = "Advance care planning"
    return "Advance care planning"


def _make_online(event):
    event.online = True
    return "Online. 10 places left of 10"


def _rename_venue(event):
    event.venue_name = "Riverside hospice"
    return "Riverside hospice, 1 High Street, London. "


def _move_venue(event):
    event.venue_address = "2 Mill Lane"
    return "Community hall, 2 Mill Lane. "


def _place_in_camden(event):
    event.area = Area.objects.get(code="E09000007")
    return "Community hall, 1 High Street, London, Camden. "


def _retype(event):
    event.kind = EventKind.WEBINAR
    return ">Webinar</strong>"


def _resize(event):
    event.capacity = 12
    return "12 places left of 12"


# Every value an entry shows, changed on its own: each must show on the next request. An entry
# kept under a key that missed one of them would show the old value.
CHANGES = {
    "title": (_retitle, ["month", "list"]),
    "times": (_reschedule, ["month", "list"]),
    "status": (_cancel, ["month", "list"]),
    "kind": (_retype, ["list"]),
    "online": (_make_online, ["list"]),
    "venue name": (_rename_venue, ["list"]),
    "venue address": (_move_venue, ["list"]),
    "area": (_place_in_camden, ["list"]),
    "capacity": (_resize, ["list"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("change", CHANGES)
def test_every_value_an_entry_shows_changes_on_the_calendar_at_once(client, committed, change):
    edit, views = CHANGES[change]
    event = EventFactory(title="Talking about dying", starts_at=later_this_month(10))
    before = {view: calendar(client, view) for view in ["month", "list"]}
    shown = edit(event)
    with committed():
        event.save()
    for view in views:
        assert shown not in before[view]
        assert shown in calendar(client, view), f"{change} on the {view} view"


@pytest.mark.django_db
def test_a_renamed_area_and_a_series_capacity_show_on_the_calendar_at_once(client, committed):
    camden = Area.objects.get(code="E09000007")
    series = SeriesFactory(capacity=10)
    EventFactory(title="Session of a series", series=series, area=camden, starts_at=later_this_month(10))
    assert "London, Camden. 10 places left of 10" in calendar(client, "list")
    camden.name = "Camden Town"
    with committed():
        camden.save()
    page = calendar(client, "list")
    assert "London, Camden Town. 10 places left of 10" in page
    assert ">Camden Town</option>" in page  # the filters' choices too
    series.capacity = 14
    with committed():
        series.save()
    assert "London, Camden Town. 14 places left of 14" in calendar(client, "list")


@pytest.mark.django_db
def test_the_filters_offer_the_hosts_events_use_and_their_names_at_once(client, committed):
    event = EventFactory(starts_at=later_this_month(10))
    assert "Hospice at home trust" not in calendar(client, "month")
    host = OrganisationFactory(name="Hospice at home trust")
    event.host = host
    with committed():
        event.save()
    assert ">Hospice at home trust</option>" in calendar(client, "month")
    host.name = "Home hospice trust"
    with committed():
        host.save()
    page = calendar(client, "month")
    assert ">Home hospice trust</option>" in page and "Hospice at home trust" not in page
    event.host = None
    with committed():
        event.save()
    assert "Home hospice trust" not in calendar(client, "month")
