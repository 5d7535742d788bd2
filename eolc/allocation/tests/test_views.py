"""Facilitator pages: open a round, propose, compare with first come first served, pin, confirm."""

import pytest
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.models import Sector
from eolc.accounts.tests.factories import UserFactory
from eolc.allocation import services
from eolc.allocation.models import Allocation, AllocationStatus, PlaceRequest, RequestRound, RoundStatus
from eolc.events.models import Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, in_days


def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def sessions(programme):
    return [
        EventFactory(programme=programme, title=f"Session {day}", capacity=2, starts_at=in_days(10 + day))
        for day in range(2)
    ]


@pytest.fixture
def request_round(sessions):
    request_round = services.round_open(title="Spring learning sessions", events=sessions)
    for sector in [Sector.HEALTH, Sector.HEALTH, Sector.SOCIAL_CARE, Sector.SOCIAL_CARE]:
        services.place_request_save(
            request_round=request_round, person=UserFactory(sector=sector), available_events=sessions
        )
    return request_round


@pytest.mark.django_db
def test_a_facilitator_opens_a_round_over_sessions_they_run(client, people, sessions):
    client = signed_in(client, people.facilitator)
    page = client.get(reverse("allocation:create_round"))
    assert page.status_code == 200 and "Session 0" in page.text
    response = client.post(
        reverse("allocation:create_round"),
        {"title": "Spring", "events": [e.pk for e in sessions], "min_sectors": "3"},
    )
    request_round = RequestRound.objects.get(title="Spring")
    assert response.status_code == 302 and response["Location"] == reverse(
        "allocation:round", args=[request_round.pk]
    )
    assert set(request_round.events.all()) == set(sessions) and request_round.min_sectors == 3


@pytest.mark.django_db
def test_propose_compare_pin_and_confirm(
    client, people, request_round, sessions, immediate_tasks, django_capture_on_commit_callbacks
):
    client = signed_in(client, people.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("allocation:run", args=[request_round.pk]))
    page = client.get(reverse("allocation:round", args=[request_round.pk]))
    assert "first come, first served" in page.text
    assert "Health 1, Social care 1" in page.text
    assert "Health 2" in page.text  # what first come, first served would have done
    allocation = Allocation.objects.for_round(request_round).newest_first().first()
    mover = allocation.result["placements"][0]
    target = next(e for e in sessions if e.pk != mover["event"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("allocation:move", args=[allocation.pk]), {"person": mover["person"], "event": target.pk}
        )
    assert response.status_code == 302
    latest = Allocation.objects.for_round(request_round).newest_first().first()
    assert latest.pk != allocation.pk and latest.status == AllocationStatus.DONE
    assert {"person": mover["person"], "event": target.pk} in latest.result["placements"]
    assert "Pinned" in client.get(reverse("allocation:round", args=[request_round.pk])).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("allocation:confirm", args=[latest.pk]))
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 4
    assert Registration.objects.get(person_id=mover["person"]).event == target
    request_round.refresh_from_db()
    assert request_round.status == RoundStatus.CLOSED


@pytest.mark.django_db
def test_the_pages_are_for_those_running_the_sessions(client, people, request_round):
    allocation = services.allocation_create(request_round=request_round)
    urls = [
        ("get", reverse("allocation:round", args=[request_round.pk])),
        ("post", reverse("allocation:run", args=[request_round.pk])),
        ("post", reverse("allocation:confirm", args=[allocation.pk])),
        ("post", reverse("allocation:move", args=[allocation.pk])),
        ("get", reverse("allocation:progress", args=[allocation.pk])),
    ]
    for person in (people.learner, people.champion, people.commissioner, people.other_admin, people.outsider):
        client.force_login(person)
        for method, url in urls:
            assert getattr(client, method)(url).status_code == 404, (person, url)
    client.force_login(people.learner)
    assert client.get(reverse("allocation:create_round")).status_code == 403
    assert client.get(reverse("allocation:rounds")).status_code == 403
    client.force_login(people.other_admin)
    assert request_round.title not in client.get(reverse("allocation:rounds")).text
    client.force_login(people.admin)
    assert client.get(urls[0][1]).status_code == 200
    assert request_round.title in client.get(reverse("allocation:rounds")).text


@pytest.mark.django_db
def test_the_page_polls_the_run_and_reloads_when_it_ends(client, people, request_round):
    client = signed_in(client, people.facilitator)
    allocation = services.allocation_create(request_round=request_round)  # queued, no worker yet
    progress_url = reverse("allocation:progress", args=[allocation.pk])
    page = client.get(reverse("allocation:round", args=[request_round.pk]))
    assert f'hx-get="{progress_url}"' in page.text and "Waiting for a worker" in page.text
    Allocation.objects.filter(pk=allocation.pk).update(
        status=AllocationStatus.RUNNING, progress=55, phase="Mixing job roles and areas"
    )
    polled = client.get(progress_url, headers={"HX-Request": "true"})
    assert "Mixing job roles and areas: 55% done" in polled.text and "HX-Refresh" not in polled
    assert client.get(progress_url).status_code == 302  # without htmx: back to the page
    Allocation.objects.filter(pk=allocation.pk).update(status=AllocationStatus.DONE, progress=100)
    assert client.get(progress_url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_each_sessions_mix_is_drawn_beside_a_table_of_the_same_numbers(
    client, people, request_round, sessions, immediate_tasks, django_capture_on_commit_callbacks
):
    client = signed_in(client, people.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("allocation:run", args=[request_round.pk]))
    page = client.get(reverse("allocation:round", args=[request_round.pk])).text
    for event in sessions:
        assert f'aria-labelledby="mix-{event.pk}-title"' in page
        assert f"{event.title}: people by sector" in page
    assert page.count("Proposed: Health 1, Social care 1. First come, first served: Health 2.") == 1
    assert page.count('<svg viewBox="0 0 100 30"') == len(sessions)


@pytest.mark.django_db
def test_each_sessions_job_roles_and_areas_are_counted_beside_first_come_first_served(
    client, people, request_round, sessions, immediate_tasks, django_capture_on_commit_callbacks
):
    client = signed_in(client, people.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("allocation:run", args=[request_round.pk]))
    page = client.get(reverse("allocation:round", args=[request_round.pk])).text
    assert "People by job role and by area in each session" in page
    # Everyone in the fixture is a social worker in Camden: two in each session either way.
    assert page.count('<td class="nhsuk-table__cell">Social worker 2</td>') == 2 * len(sessions)
    assert page.count('<td class="nhsuk-table__cell">Camden 2</td>') == 2 * len(sessions)


@pytest.mark.django_db
def test_a_round_can_close_to_requests_at_a_cut_off_before_its_first_session(client, people, sessions):
    client = signed_in(client, people.facilitator)
    data = {"title": "Spring", "events": [e.pk for e in sessions]}
    too_late = client.post(
        reverse("allocation:create_round"),
        {**data, "cut_off": f"{timezone.localtime(sessions[0].starts_at):%Y-%m-%dT%H:%M}"},
    )
    assert "Requests must close before the first session" in too_late.text
    past = client.post(reverse("allocation:create_round"), {**data, "cut_off": "2020-01-01T09:00"})
    assert "Requests must close in the future" in past.text
    cut_off = in_days(3, 17)
    client.post(
        reverse("allocation:create_round"),
        {**data, "cut_off": f"{timezone.localtime(cut_off):%Y-%m-%dT%H:%M}"},
    )
    request_round = RequestRound.objects.get(title="Spring")
    assert request_round.cut_off == cut_off
    page = client.get(reverse("allocation:round", args=[request_round.pk]))
    assert "Requests close" in page.text and "groups are then proposed" in page.text


@pytest.mark.django_db
def test_a_person_asks_for_a_place_in_the_sessions_they_could_attend_instead_of_registering(
    client, people, sessions, django_capture_on_commit_callbacks
):
    request_round = services.round_open(title="Spring learning sessions", events=sessions, cut_off=in_days(5))
    client = signed_in(client, people.learner)
    event_page = client.get(reverse("events:detail", args=[sessions[0].pk])).text
    ask_url = reverse("allocation:request_places", args=[sessions[0].pk])
    assert f'href="{ask_url}">Ask for a place</a>' in event_page
    assert reverse("events:register", args=[sessions[0].pk]) not in event_page
    form = client.get(ask_url).text
    assert "Session 0" in form and "Session 1" in form and "Requests close" in form
    response = client.post(ask_url, {"events": [e.pk for e in sessions]})
    assert response.status_code == 302 and response["Location"] == reverse(
        "events:detail", args=[sessions[0].pk]
    )
    place_request = PlaceRequest.objects.get(round=request_round, person=people.learner)
    assert set(place_request.available_events.all()) == set(sessions)
    assert (
        "Change the sessions you could attend"
        in client.get(reverse("events:detail", args=[sessions[0].pk])).text
    )
    assert "You have already asked" in client.get(ask_url).text
    client.post(ask_url, {"events": [sessions[1].pk]})
    assert list(PlaceRequest.objects.get(pk=place_request.pk).available_events.all()) == [sessions[1]]
    assert "Choose at least one session you could attend" in client.post(ask_url, {}).text

    with django_capture_on_commit_callbacks(execute=True):  # the open round is kept per process
        request_round.cut_off = in_days(-1)
        request_round.save()
    closed = client.get(ask_url).text
    assert "This round has stopped taking requests" in closed and 'type="checkbox"' not in closed
    client.post(ask_url, {"events": [sessions[0].pk]})
    assert list(PlaceRequest.objects.get(pk=place_request.pk).available_events.all()) == [sessions[1]]
    assert ask_url not in client.get(reverse("events:detail", args=[sessions[0].pk])).text
    other = EventFactory(programme=sessions[0].programme, starts_at=in_days(20))
    assert client.get(reverse("allocation:request_places", args=[other.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in_first", [True, False], ids=["learner", "visitor"])
def test_an_event_page_offers_a_round_opened_after_it_was_last_seen(
    client, people, sessions, django_capture_on_commit_callbacks, signed_in_first
):
    """The open round for a session is kept between requests; opening or closing one shows at once,
    also on the whole page kept for visitors who are not signed in."""
    if signed_in_first:
        client = signed_in(client, people.learner)
    page = reverse("events:detail", args=[sessions[0].pk])
    assert "Ask for a place" not in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        request_round = services.round_open(title="Spring", events=sessions, cut_off=in_days(5))
    assert "Ask for a place" in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        request_round.status = RoundStatus.CLOSED
        request_round.save()
    assert "Ask for a place" not in client.get(page).text
