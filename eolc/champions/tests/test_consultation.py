"""Groups and consultations: who is consulted, responses until the closing date, the outcome, and the
service other apps call to consult on their own drafts."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from eolc.champions import services
from eolc.champions.models import Consultation, GroupMembership, Outcome, Stance
from eolc.champions.tests.factories import ChampionFactory
from eolc.events.models import Event

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def strategic(programme, people):
    return services.group_member_add(
        programme=programme, person=people.commissioner, group="strategic", by=people.admin
    )


@pytest.fixture
def consultation(programme, people, strategic):
    return services.consultation_open(
        programme=programme,
        title="Draft key message: talk early",
        body="Start the conversation about what matters before a crisis.",
        groups=["strategic"],
        closes_on=in_days(7),
        opened_by=people.admin,
    )


def test_open_validates_and_emails_the_chosen_groups(
    programme, people, strategic, champion, immediate_tasks, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as error:
        services.consultation_open(
            programme=programme,
            title="",
            body="",
            groups=["everyone"],
            closes_on=in_days(-1),
            opened_by=people.admin,
        )
    assert set(error.value.message_dict) == {"title", "body", "groups", "closes_on"}
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_open(
            programme=programme,
            title="Draft role guide for care homes",
            body="",
            document_url="https://example.org/draft.pdf",
            groups=["strategic", "champions"],
            closes_on=in_days(3),
            opened_by=people.admin,
        )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [people.commissioner.email, champion.person.email]
    )


def test_consultees_respond_and_can_change_their_view(client, consultation, people):
    url = reverse("champions:consultation", args=[consultation.programme.slug, consultation.pk])
    client.force_login(people.commissioner)
    response = client.post(url, {"stance": "changes", "comment": ""})
    assert b"Say what you would change" in response.content
    client.post(url, {"stance": "changes", "comment": "Add a line for unpaid carers."})
    client.post(url, {"stance": "endorse", "comment": ""})
    only = consultation.responses.get()
    assert only.stance == Stance.ENDORSE


@pytest.mark.parametrize("who", ["learner", "champion", "other_admin", "outsider"])
def test_people_not_consulted_cannot_see_or_respond(client, consultation, people, who):
    client.force_login(getattr(people, who))
    url = reverse("champions:consultation", args=[consultation.programme.slug, consultation.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"stance": "endorse"}).status_code == 404
    assert not consultation.responses.exists()


def test_no_responses_after_the_closing_date(consultation, people):
    Consultation.objects.filter(pk=consultation.pk).update(closes_on=in_days(-1))
    consultation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.consultation_respond(consultation=consultation, person=people.commissioner, stance="endorse")


def test_team_sees_summary_responds_and_records_outcome(client, consultation, people):
    services.consultation_respond(
        consultation=consultation,
        person=people.commissioner,
        stance="changes",
        comment="Mention faith leaders",
    )
    slug = consultation.programme.slug
    client.force_login(people.facilitator)
    page = client.get(reverse("champions:consultation", args=[slug, consultation.pk])).content.decode()
    assert "Mention faith leaders" in page and "Record the outcome" in page
    client.post(
        reverse("champions:consultation_team_respond", args=[slug, consultation.pk]), {"text": "Added."}
    )
    client.post(
        reverse("champions:consultation_decide", args=[slug, consultation.pk]),
        {"outcome": "amended", "note": "v2"},
    )
    consultation.refresh_from_db()
    assert consultation.outcome == Outcome.AMENDED and consultation.decided_by == people.facilitator
    client.force_login(people.commissioner)
    page = client.get(reverse("champions:consultation", args=[slug, consultation.pk])).content.decode()
    assert "Approved with changes" in page and "Added." in page
    # Consultees cannot record outcomes.
    assert (
        client.post(
            reverse("champions:consultation_decide", args=[slug, consultation.pk]), {"outcome": "approved"}
        ).status_code
        == 403
    )


def test_other_apps_consult_on_their_own_drafts(programme, people, strategic):
    """Any model instance can be the subject; its outcome is read back without knowing our models."""
    draft = Event.objects.create(
        title="Stand-in for another app's draft",
        kind="webinar",
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
        capacity=1,
    )
    assert services.consultation_outcome(subject=draft) is None
    consultation = services.consultation_open(
        programme=programme,
        title="Key message 3",
        body="Draft text",
        groups=["strategic"],
        closes_on=in_days(5),
        subject=draft,
        opened_by=people.admin,
    )
    services.consultation_respond(consultation=consultation, person=people.commissioner, stance="endorse")
    outcome = services.consultation_outcome(subject=draft)
    assert (outcome.status, outcome.endorsements, outcome.outcome) == ("open", 1, "")
    assert services.consultation_outcome(subject=draft, today=in_days(6)).status == "closed"
    services.consultation_decide(consultation=consultation, outcome="approved", by=people.admin)
    outcome = services.consultation_outcome(subject=draft)
    assert (outcome.status, outcome.outcome, outcome.outcome_label) == (
        "decided",
        "approved",
        "Approved as it is",
    )


def test_groups_page_for_the_team(client, programme, people):
    url = reverse("champions:groups", args=[programme.slug])
    client.force_login(people.champion)
    assert client.get(url).status_code == 403
    client.force_login(people.admin)
    client.post(url, {"person": people.learner.pk, "group": "project"})
    seat = GroupMembership.objects.get(person=people.learner)
    assert seat.group == "project"
    # Someone outside the programme cannot be added.
    response = client.post(url, {"person": people.outsider.pk, "group": "project"})
    assert response.status_code == 200 and not GroupMembership.objects.filter(person=people.outsider).exists()
    client.post(reverse("champions:group_remove", args=[programme.slug, seat.pk]))
    assert not GroupMembership.objects.exists()


def test_champions_consultation_reaches_active_champions_only(programme, people, network, champion):
    pending = ChampionFactory(network=network, status="pending")
    consultation = services.consultation_open(
        programme=programme,
        title="Draft",
        body="Text",
        groups=["champions"],
        closes_on=in_days(2),
        opened_by=people.admin,
    )
    assert list(consultation.consultee_people()) == [champion.person]
    assert pending.person not in consultation.consultee_people()
    assert Consultation.objects.sent_to(champion.person).filter(pk=consultation.pk).exists()
    assert not Consultation.objects.sent_to(pending.person).exists()
