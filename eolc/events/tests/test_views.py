"""Event pages: the calendar, an event, registering and cancelling, and the facilitator's pages.

Role fixtures check who gets 200, 403 and 404 on each facilitator page.
"""

import csv
import datetime
import io

import pytest
from django.contrib import messages
from django.contrib.messages.storage.session import SessionStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.models import Area, JobRole, Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.models import Completion, PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.events import services
from eolc.events.models import Attendance, Event, EventStatus, Registration, RegistrationStatus
from eolc.events.presenters import gini_simpson
from eolc.events.tests.factories import EventFactory, in_days


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def this_month_day(hour):
    """A day later this month (or early next month near the month's end) at a London hour."""
    today = timezone.localdate()
    day = min(today.day + 1, 28) if today.day < 28 else today.day
    local = timezone.localtime().replace(day=day, hour=hour, minute=0, second=0, microsecond=0)
    return local


@pytest.mark.django_db
def test_the_calendar_shows_this_months_published_events_to_anyone(client):
    shown = EventFactory(title="Evening learning session", starts_at=this_month_day(18))
    EventFactory(title="Hidden draft", status=EventStatus.DRAFT, starts_at=this_month_day(10))
    EventFactory(title="Next year", starts_at=in_days(400))
    response = client.get(reverse("events:calendar"))
    assert response.status_code == 200
    page = response.content.decode()
    assert shown.title in page
    assert "Hidden draft" not in page
    assert "Next year" not in page
    assert timezone.localdate().strftime("%B %Y") in page
    assert 'class="nhsuk-table eolc-month"' in page


@pytest.mark.django_db
def test_the_anonymous_calendar_is_cached_and_shows_changes_at_once(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    # The stamp moves when a change commits; each write below stands for a committed request.
    committed = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731
    event = EventFactory(title="Cached session", starts_at=this_month_day(18))
    url = reverse("events:calendar")
    assert "Cached session" in client.get(url).content.decode()
    with django_assert_num_queries(1):  # the generation stamp; the page is in this process's memory
        assert "Cached session" in client.get(url).content.decode()
    event.title = "Renamed session"
    with committed():
        event.save()
    assert "Renamed session" in client.get(url).content.decode()
    with committed():
        EventFactory(title="Added session", starts_at=this_month_day(10))
    assert "Added session" in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    capacity = client.get(f"{url}?view=list").content.decode()
    with committed():
        for _ in range(2):
            services.registration_create(event=event, person=UserFactory())
    assert client.get(f"{url}?view=list").content.decode() != capacity
    with committed():
        event.delete()
    assert "Renamed session" not in client.get(url).content.decode()
    assert "Filter events" in client.get(f"{url}?kind=webinar").content.decode()


@pytest.mark.django_db
def test_a_booking_leaves_the_month_grid_cached_and_shows_in_the_list(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    EventFactory(title="Busy session", starts_at=this_month_day(18), capacity=10)
    event = EventFactory(title="Booked session", starts_at=this_month_day(19), capacity=10)
    url = reverse("events:calendar")
    client.get(url)
    assert "10 places left of 10" in client.get(f"{url}?view=list").text
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=UserFactory())
    with django_assert_num_queries(1):  # the generation stamps: the month grid shows no places
        assert "Booked session" in client.get(url).text
    listed = client.get(f"{url}?view=list").text
    assert "9 places left of 10" in listed and "10 places left of 10" in listed


@pytest.mark.django_db
def test_a_visitor_with_a_message_waiting_gets_it_on_the_cached_calendar_and_nobody_else_does(client):
    url = reverse("events:calendar")
    client.get(url)
    client.get(url)  # now served whole from the cache
    session = client.session
    request = RequestFactory().get(url)
    request.session = session
    storage = SessionStorage(request)
    storage.add(messages.INFO, "You have signed out.")
    storage.update(HttpResponse())
    session.save()
    assert "You have signed out." in client.get(url).content.decode()
    assert "You have signed out." not in client.get(url).content.decode()
    assert "You have signed out." not in Client().get(url).content.decode()


@pytest.mark.django_db
def test_list_view_and_filters_work_without_javascript(client):
    camden = Area.objects.get(code="E09000007")
    morning = EventFactory(title="Morning in Camden", area=camden, starts_at=this_month_day(9))
    online = EventFactory(title="Online evening", online=True, starts_at=this_month_day(19), kind="webinar")
    url = reverse("events:calendar")
    month = f"{timezone.localdate():%Y-%m}"

    def titles(**query):
        response = client.get(url, {"view": "list", "month": month, **query})
        assert response.status_code == 200
        return [p.title for p in response.context["events"]]

    assert titles() == [morning.title, online.title]
    assert titles(time_of_day="evening") == [online.title]
    assert titles(mode="online") == [online.title]
    assert titles(mode="in_person") == [morning.title]
    assert titles(kind="webinar") == [online.title]
    assert titles(area=str(camden.pk)) == [morning.title]
    assert titles(area=str(camden.parent_id)) == [morning.title]
    # An unknown choice is ignored rather than refused.
    assert titles(kind="nonsense") == [morning.title, online.title]
    assert client.get(url, {"month": "not-a-month"}).status_code == 200


@pytest.mark.django_db
def test_htmx_filtering_gets_only_the_results(client):
    EventFactory(starts_at=this_month_day(9))
    response = client.get(reverse("events:calendar"), {"view": "list"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="event-results"')
    assert "<html" not in page


@pytest.mark.django_db
def test_event_page_shows_time_in_the_viewers_zone_and_places_left(client):
    starts = datetime.datetime(2030, 6, 12, 8, 30, tzinfo=datetime.UTC)  # 9:30am in London (BST)
    event = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(minutes=90), capacity=5)
    services.registration_create(event=event, person=UserFactory())
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Wednesday 12 June 2030" in page
    assert "9:30am to 11am (BST)" in page
    assert "4 places left of 5" in page
    new_yorker = UserFactory(time_zone="America/New_York")
    page = signed_in(new_yorker).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "4:30am to 6am (EDT)" in page


@pytest.mark.django_db
def test_the_joining_link_is_only_for_people_with_a_confirmed_place():
    event = EventFactory(online=True, joining_link="https://meet.example.org/secret", capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    services.registration_create(event=event, person=holder)
    services.registration_create(event=event, person=waiting)
    url = reverse("events:detail", args=[event.pk])
    assert "meet.example.org/secret" in signed_in(holder).get(url).content.decode()
    assert "meet.example.org/secret" not in signed_in(waiting).get(url).content.decode()
    assert "meet.example.org/secret" not in Client().get(url).content.decode()
    assert (
        "meet.example.org/secret"
        not in Client().get(reverse("events:event_ics", args=[event.pk])).content.decode()
    )


@pytest.mark.django_db
def test_drafts_are_404_except_to_the_people_running_them(people, programme):
    draft = EventFactory(status=EventStatus.DRAFT, programme=programme)
    url = reverse("events:detail", args=[draft.pk])
    assert Client().get(url).status_code == 404
    assert signed_in(people.learner).get(url).status_code == 404
    assert signed_in(people.other_admin).get(url).status_code == 404
    assert signed_in(people.facilitator).get(url).status_code == 200


@pytest.mark.django_db
def test_register_in_two_clicks_then_cancel_in_two_clicks():
    event = EventFactory()
    person = UserFactory()
    client = signed_in(person)
    detail = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    register_url = reverse("events:register", args=[event.pk])
    assert register_url in detail  # click one: Register
    response = client.post(register_url, {"access_needs": "Step-free access", "hopes": "Talking to GPs"})
    assert response.status_code == 302  # click two: Confirm registration
    registration = Registration.objects.get(person=person)
    assert registration.is_confirmed and registration.access_needs == "Step-free access"
    cancel_url = reverse("events:cancel", args=[event.pk])
    assert cancel_url in client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert client.post(cancel_url).status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


@pytest.mark.django_db
def test_registering_asks_anonymous_visitors_to_sign_in(client):
    event = EventFactory()
    response = client.get(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_a_registration_form_sent_back_with_errors_is_not_the_kept_empty_one():
    event = EventFactory()
    client = signed_in(UserFactory())
    url = reverse("events:register", args=[event.pk])
    assert "Do you have any access needs?" in client.get(url).text
    response = client.post(url, {"hopes": "x" * 2001})
    assert response.status_code == 200 and "Ensure this value has at most 2000 characters" in response.text
    assert "x" * 2001 in response.text
    again = client.get(url).text
    assert "Ensure this value" not in again and "x" * 2001 not in again
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_not_eligible_people_are_told_which_part_is_missing(programme):
    needed = PartFactory(programme=programme, title="Champions induction")
    event = EventFactory(programme=programme, required_part=needed)
    client = signed_in(UserFactory())
    page = client.get(reverse("events:register", args=[event.pk])).content.decode()
    assert "Champions induction" in page
    response = client.post(reverse("events:register", args=[event.pk]), {})
    assert response.status_code == 409
    assert not Registration.objects.exists()


FACILITATOR_PAGES = ["events:edit", "events:registrations", "events:check_in", "events:registrations_csv"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", [*FACILITATOR_PAGES, "events:attendance_csv"])
@pytest.mark.parametrize(
    ("role", "status"),
    [("facilitator", 200), ("admin", 200), ("site_admin", 200), ("learner", 403), ("other_admin", 403)],
)
def test_facilitator_pages_are_for_the_people_running_the_event(people, programme, name, role, status):
    event = EventFactory(programme=programme)
    response = signed_in(getattr(people, role)).get(reverse(name, args=[event.pk]))
    assert response.status_code == status


@pytest.mark.django_db
def test_a_facilitator_schedules_a_ninety_minute_session_in_the_events_zone(people, programme):
    client = signed_in(people.facilitator)
    assert client.get(reverse("events:create")).status_code == 200
    assert signed_in(people.learner).get(reverse("events:create")).status_code == 403
    response = client.post(
        reverse("events:create"),
        {
            "title": "Working together: evening session",
            "kind": "learning_session",
            "status": "published",
            "programme": programme.pk,
            "date": "2030-01-15",
            "start_time": "18:00",
            "time_zone": "Europe/London",
            "area": Area.objects.get(code="E09000012").pk,
            "venue_name": "Hackney Town Hall",
            "workplace_open_to_others": "on",
            "capacity": "20",
            "reminder_days": "7, 1",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(title="Working together: evening session")
    assert event.ends_at - event.starts_at == datetime.timedelta(minutes=90)
    assert event.time_of_day == "evening"
    assert event.facilitators.filter(pk=people.facilitator.pk).exists()
    assert event.reminder_days == [7, 1]


@pytest.mark.django_db
def test_online_events_need_a_link_and_in_person_ones_an_area(people, programme):
    response = signed_in(people.facilitator).post(
        reverse("events:create"),
        {
            "title": "x",
            "kind": "webinar",
            "status": "published",
            "programme": programme.pk,
            "date": "2030-01-15",
            "start_time": "12:00",
            "time_zone": "Europe/London",
            "capacity": "5",
            "online": "on",
        },
    )
    assert response.status_code == 200
    assert "joining_link" in response.context["form"].errors


@pytest.mark.django_db
def test_cancelling_an_event_through_the_edit_page(people, programme):
    event = EventFactory(programme=programme, area=Area.objects.get(code="E09000007"))
    services.registration_create(event=event, person=UserFactory())
    data = {**_form_data(event), "status": "cancelled"}
    response = signed_in(people.facilitator).post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def _form_data(event):
    from eolc.events.forms import EventForm

    data = EventForm.initial_for(event)
    clean = {}
    for key, value in data.items():
        if value is None or value is False:
            continue
        clean[key] = "on" if value is True else value
    clean["reminder_days"] = data["reminder_days"]
    return clean


@pytest.mark.django_db
def test_registrations_page_shows_the_group_mix(people, programme):
    event = EventFactory(programme=programme)
    nurse = JobRole.objects.exclude(slug="social_worker").first()
    for sector, role in [(Sector.HEALTH, nurse), (Sector.SOCIAL_CARE, None), (Sector.HEALTH, nurse)]:
        person = UserFactory(sector=sector, **({"job_role": role} if role else {}))
        services.registration_create(event=event, person=person)
    response = signed_in(people.facilitator).get(reverse("events:registrations", args=[event.pk]))
    mix = response.context["mix"]
    assert mix["total"] == 3
    assert {row["name"]: row["count"] for row in mix["sectors"]} == {"Health": 2, "Social care": 1}
    assert mix["index"] == round(1 - (2 / 3) ** 2 - (1 / 3) ** 2, 2)
    assert "Mix index" in response.content.decode()


def test_gini_simpson_is_zero_for_one_sector_and_grows_with_mixing():
    assert gini_simpson([5]) == 0
    assert gini_simpson([]) == 0
    assert gini_simpson([1, 1]) == pytest.approx(0.5)
    assert gini_simpson([1, 1, 1, 1]) > gini_simpson([3, 1])


@pytest.mark.django_db
def test_facilitator_registers_someone_moves_and_removes_them(people, programme):
    morning = EventFactory(programme=programme, starts_at=in_days(7, hour=9), capacity=1)
    evening = EventFactory(programme=programme, starts_at=in_days(7, hour=18))
    client = signed_in(people.facilitator)
    response = client.post(
        reverse("events:registrations", args=[morning.pk]), {"email": people.learner.email}
    )
    assert response.status_code == 302
    registration = Registration.objects.get(person=people.learner)
    stranger = client.post(
        reverse("events:registrations", args=[morning.pk]), {"email": people.other_admin.email}
    )
    assert stranger.status_code == 200 and stranger.context["form"].errors
    move_url = reverse("events:move_registration", args=[morning.pk, registration.pk])
    assert client.post(move_url, {"to_event": evening.pk}).status_code == 302
    moved = Registration.objects.get(person=people.learner, status=RegistrationStatus.CONFIRMED)
    assert moved.event == evening
    remove_url = reverse("events:remove_registration", args=[evening.pk, moved.pk])
    assert signed_in(people.learner).post(remove_url).status_code == 403
    assert client.post(remove_url).status_code == 302
    moved.refresh_from_db()
    assert moved.status == RegistrationStatus.CANCELLED


@pytest.mark.django_db
def test_csv_exports_hold_registrations_and_attendance(people, programme):
    event = EventFactory(programme=programme)
    person = UserFactory(full_name="=HYPERLINK(1)")
    registration, _ = services.registration_create(event=event, person=person, hopes="Learn about DNACPR")
    services.attendance_record(event=event, person=person, attended=True)
    client = signed_in(people.facilitator)
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("events:registrations_csv", args=[event.pk])).content.decode())
        )
    )
    assert rows[0][:2] == ["Name", "Email"]
    assert rows[1][0] == "'=HYPERLINK(1)"  # no formula injection
    assert "Learn about DNACPR" in rows[1]
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("events:attendance_csv", args=[event.pk])).content.decode())
        )
    )
    assert rows[1][-1] == "Attended"


@pytest.mark.django_db
def test_check_in_marks_with_htmx_and_without_javascript(people, programme):
    part = PartFactory(programme=programme, kind=PartKind.LIVE)
    event = EventFactory(programme=programme, part=part)
    registration, _ = services.registration_create(event=event, person=UserFactory())
    client = signed_in(people.facilitator)
    url = reverse("events:mark_attendance", args=[event.pk, registration.pk])
    response = client.post(url, {"attended": "yes"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<li class="nhsuk-card nhsuk-u-margin-bottom-3" id="person-{registration.pk}"')
    )
    assert Attendance.objects.get(event=event).attended
    assert Completion.objects.filter(person=registration.person, part=part).exists()
    response = client.post(url, {"attended": "no"})
    assert response.status_code == 302
    assert not Attendance.objects.get(event=event).attended
    assert signed_in(people.learner).post(url, {"attended": "yes"}).status_code == 403


@pytest.mark.django_db
def test_the_events_link_is_in_the_header(client):
    assert reverse("events:calendar") in client.get(reverse("core:home")).content.decode()


@pytest.mark.django_db
def test_the_registration_window_is_typed_in_the_events_zone(people, programme):
    data = {
        "title": "Champions evening",
        "kind": "champion_event",
        "status": "published",
        "programme": programme.pk,
        "date": "2030-02-20",
        "start_time": "18:00",
        "end_time": "20:00",
        "time_zone": "Europe/London",
        "area": Area.objects.get(code="E09000012").pk,
        "capacity": "30",
        "registration_opens": "2030-02-01",
        "registration_closes": "2030-02-18",
    }
    client = signed_in(people.facilitator)
    assert client.post(reverse("events:create"), data).status_code == 302
    event = Event.objects.get(title="Champions evening")
    assert event.registration_opens_at == datetime.datetime(2030, 2, 1, 0, 0, tzinfo=datetime.UTC)
    assert event.registration_closes_at == datetime.datetime(2030, 2, 18, 23, 59, tzinfo=datetime.UTC)
    backwards = client.post(reverse("events:create"), {**data, "registration_opens": "2030-02-19"})
    assert "registration_opens" in backwards.context["form"].errors


@pytest.mark.django_db
def test_a_facilitator_adds_a_session_to_a_series_of_their_programme(people, programme, other_programme):
    from eolc.events.tests.factories import SeriesFactory

    mine = SeriesFactory(programme=programme, title="Leadership series")
    theirs = SeriesFactory(programme=other_programme, title="Someone else's series")
    client = signed_in(people.facilitator)
    form = client.get(reverse("events:create")).context["form"]
    assert list(form.fields["series"].queryset) == [mine]
    data = {
        "title": "Leadership session 1",
        "kind": "series",
        "status": "published",
        "programme": programme.pk,
        "series": mine.pk,
        "date": "2030-04-02",
        "start_time": "13:00",
        "end_time": "15:00",
        "time_zone": "Europe/London",
        "online": "on",
        "joining_link": "https://meet.example.org/lead",
        "capacity": "12",
    }
    assert client.post(reverse("events:create"), data).status_code == 302
    assert Event.objects.get(title="Leadership session 1").series == mine
    refused = client.post(reverse("events:create"), {**data, "series": theirs.pk})
    assert "series" in refused.context["form"].errors


@pytest.mark.django_db
def test_people_waiting_see_their_place_in_the_queue():
    event = EventFactory(capacity=1)
    services.registration_create(event=event, person=UserFactory())
    first = UserFactory()
    second = UserFactory()
    services.registration_create(event=event, person=first)
    services.registration_create(event=event, person=second)
    url = reverse("events:detail", args=[event.pk])
    assert "You are number 1 on the waiting list" in signed_in(first).get(url).content.decode()
    assert "You are number 2 on the waiting list" in signed_in(second).get(url).content.decode()
