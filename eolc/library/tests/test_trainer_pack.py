"""The session plan builder, its printable and PDF forms, and delivered-session records for reports."""

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from eolc.accounts.models import Area
from eolc.insights import services as insight_services
from eolc.library import services
from eolc.library.models import DeliveredSession, SessionPlan
from eolc.library.tests.factories import ResourceFactory


def _client(person):
    client = Client()
    client.force_login(person)
    return client


def _plan_post(programme, minutes, sections, **extra):
    data = {
        "title": "Working together: 90-minute session",
        "programme": programme.pk,
        "minutes": minutes,
        "aim": "Help people from different sectors understand each other's roles.",
        "key_messages": "It helps to talk\nKnow who does what",
        "sections-TOTAL_FORMS": len(sections) + 1,
        "sections-INITIAL_FORMS": 0,
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 30,
        **extra,
    }
    for index, (title, section_minutes) in enumerate(sections):
        data[f"sections-{index}-title"] = title
        data[f"sections-{index}-minutes"] = section_minutes
        data[f"sections-{index}-activity"] = f"{title}: what people do"
    return data


SECTIONS = [("Welcome", 10), ("Film", 20), ("Role cards", 30), ("Key messages", 20), ("Action plans", 10)]


def test_sections_must_add_up_to_the_session_with_a_clear_message(people, programme):
    short = [*SECTIONS[:-1], ("Action plans", 5)]
    response = _client(people.facilitator).post(
        reverse("library:create_plan"), _plan_post(programme, 90, short)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The sections add up to 85 minutes but the session is 90 minutes long: add 5 minutes" in page
    assert 'value="Role cards"' in page  # nothing typed is lost
    assert not SessionPlan.objects.exists()

    long = [*SECTIONS, ("Extra", 15)]
    response = _client(people.facilitator).post(
        reverse("library:create_plan"), _plan_post(programme, 90, long)
    )
    assert "take out 15 minutes" in response.content.decode()


def test_a_plan_that_fills_the_session_is_saved_in_order_with_resources(people, programme):
    film = ResourceFactory(title="It helps to talk", programme=programme)
    data = _plan_post(programme, 90, SECTIONS, **{"sections-1-resources": [film.pk]})
    response = _client(people.facilitator).post(reverse("library:create_plan"), data)
    plan = SessionPlan.objects.get()
    assert response.status_code == 302
    assert [(s.title, s.minutes) for s in plan.sections.all()] == SECTIONS
    assert list(plan.sections.get(number=2).resources.all()) == [film]
    assert plan.key_message_list == ["It helps to talk", "Know who does what"]

    page = _client(people.admin).get(reverse("library:plan", args=[plan.pk])).content.decode()
    assert "0:30 to 1:00" in page and "It helps to talk" in page


def test_a_plan_prints_to_pdf(people, programme):
    plan = services.session_plan_save(
        created_by=people.facilitator,
        data={
            "programme": programme,
            "title": "Ninety minutes",
            "minutes": 90,
            "aim": "",
            "key_messages": "Talk",
        },
        sections=[{"title": "Everything", "minutes": 90, "activity": "Watch the film and discuss"}],
    )
    response = _client(people.facilitator).get(reverse("library:plan_pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Ninety minutes" in text and "Watch the film and discuss" in text


@pytest.mark.parametrize(
    ("role", "status"),
    [("learner", 403), ("commissioner", 403), ("mentor", 403), ("facilitator", 200), ("site_admin", 200)],
)
def test_the_trainer_pack_is_for_trainers(people, role, status):
    assert _client(getattr(people, role)).get(reverse("library:trainer_pack")).status_code == status


def test_plans_of_other_programmes_are_not_found(people, other_programme):
    plan = services.session_plan_save(
        created_by=people.other_admin,
        data={"programme": other_programme, "title": "Theirs", "minutes": 30, "aim": "", "key_messages": ""},
        sections=[{"title": "All", "minutes": 30, "activity": "Talk"}],
    )
    client = _client(people.facilitator)
    for name in ("library:plan", "library:edit_plan", "library:plan_pdf"):
        assert client.get(reverse(name, args=[plan.pk])).status_code == 404


@pytest.fixture
def camden(db):
    return Area.objects.places_people_work().first()


def _record(client, programme, area, **counts):
    data = {"programme": programme.pk, "delivered_on": "2026-03-04", "area": area.pk, "venue": "Town hall"}
    for sector in ("social_care", "health", "voluntary", "private", "unpaid_carer", "education", "other"):
        data[f"attendees_{sector}"] = counts.get(sector, 0)
    return client.post(reverse("library:record_delivered"), data)


def test_a_trainer_records_a_delivered_session_for_reports(people, programme, camden):
    response = _record(
        _client(people.facilitator), programme, camden, social_care=6, health=5, unpaid_carer=2
    )
    assert response.status_code == 302
    session = DeliveredSession.objects.get()
    assert session.trainer == people.facilitator
    assert session.total_attendees == 13

    totals = DeliveredSession.objects.for_programme(programme).totals_by_sector()
    assert totals["social_care"] == 6 and totals["health"] == 5 and totals["unpaid_carer"] == 2
    assert totals["voluntary"] == 0
    assert DeliveredSession.objects.for_programme(programme).total_attendees() == 13

    page = _client(people.commissioner).get(reverse("library:delivered")).content.decode()
    assert "13" in page and "Town hall" in page


def test_a_session_with_nobody_or_in_the_future_is_refused(people, programme, camden):
    client = _client(people.facilitator)
    response = _record(client, programme, camden)
    assert "at least one sector" in response.content.decode()
    data = {
        "programme": programme.pk,
        "delivered_on": str(datetime.date.today() + datetime.timedelta(days=3)),
    }
    response = client.post(
        reverse("library:record_delivered"), {**data, "area": camden.pk, "attendees_health": 4}
    )
    assert "today or in the past" in response.content.decode()
    assert not DeliveredSession.objects.exists()


def test_records_are_private_to_trainer_and_programme_reporters(people, programme, camden):
    _record(_client(people.facilitator), programme, camden, health=4)
    session = DeliveredSession.objects.get()
    assert _client(people.learner).get(reverse("library:delivered")).status_code == 403
    assert list(_client(people.other_admin).get(reverse("library:delivered")).context["sessions"]) == []
    assert (
        _client(people.admin).post(reverse("library:delete_delivered", args=[session.pk])).status_code == 404
    )
    assert (
        _client(people.facilitator).post(reverse("library:delete_delivered", args=[session.pk])).status_code
        == 302
    )
    assert not DeliveredSession.objects.exists()


def test_delivered_session_querysets_filter_by_date_and_area(people, programme, camden):
    for day, health in ((datetime.date(2026, 1, 5), 3), (datetime.date(2026, 2, 5), 4)):
        services.delivered_session_record(
            trainer=people.facilitator,
            programme=programme,
            delivered_on=day,
            area=camden,
            attendees={"health": health},
        )
    sessions = DeliveredSession.objects.for_programme(programme)
    assert sessions.between(datetime.date(2026, 2, 1), None).total_attendees() == 4
    assert sessions.in_area(camden).total_attendees() == 7


def test_a_plan_teaches_the_programmes_published_key_messages(people, programme, other_programme):
    ours = insight_services.key_message_create(
        programme=programme, title="Know who else is involved", body="Find out which services visit."
    )
    insight_services.key_message_publish(message=ours)
    draft = insight_services.key_message_create(programme=programme, title="Draft message", body="Not yet.")
    theirs = insight_services.key_message_create(programme=other_programme, title="Theirs", body="Elsewhere.")
    insight_services.key_message_publish(message=theirs)
    client = _client(people.facilitator)

    form = client.get(reverse("library:create_plan")).context["form"]
    assert list(form.fields["linked_key_messages"].queryset) == [ours]

    refused = _plan_post(programme, 90, SECTIONS, linked_key_messages=[theirs.pk])
    assert "Select a valid choice" in client.post(reverse("library:create_plan"), refused).content.decode()
    assert not SessionPlan.objects.exists()

    chosen = _plan_post(programme, 90, SECTIONS, linked_key_messages=[ours.pk])
    client.post(reverse("library:create_plan"), chosen)
    plan = SessionPlan.objects.get()
    assert list(plan.linked_key_messages.all()) == [ours]
    page = client.get(reverse("library:plan", args=[plan.pk])).content.decode()
    public = reverse("insights:message_public", args=[ours.slug])
    assert f'href="{public}">Know who else is involved</a>' in page
    assert draft.title not in page
