"""Sharing, typing in and reviewing contributions: the identifying-details check, consent and access."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.insights import services
from eolc.insights.models import Consent, Contribution, ContributionKind, ReviewStatus
from eolc.insights.tests.factories import make_contribution

pytestmark = pytest.mark.django_db


def test_a_participant_shares_from_an_event_they_attended(client, people, programme):
    event = EventFactory(programme=programme)
    RegistrationFactory(event=event, person=people.learner)
    client.force_login(people.learner)
    page = client.get(reverse("insights:contribute"), {"event": event.pk})
    assert page.status_code == 200 and escape(event.title) in page.content.decode()
    response = client.post(
        reverse("insights:contribute"),
        {
            "event": event.pk,
            "kind": "what_worked",
            "text": "A shared WhatsApp group for the team",
            "consent": "quote",
        },
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.programme == programme and contribution.event == event
    assert contribution.sector == people.learner.sector and contribution.job_role == people.learner.job_role
    assert contribution.status == ReviewStatus.PENDING and contribution.contributor == people.learner


def test_identifying_details_are_shown_before_anything_is_saved(client, people, programme):
    client.force_login(people.learner)
    data = {
        "programme": programme.pk,
        "kind": "what_didnt",
        "text": "Mrs Khan at 12 Elm Grove waited two days for her syringe driver",
        "consent": "anonymous",
    }
    page = client.post(reverse("insights:contribute"), data)
    html = page.content.decode()
    assert page.status_code == 200 and "This may identify someone" in html
    assert "Mrs Khan" in html and "an address" in html
    assert Contribution.objects.count() == 0
    # What was typed is kept, so it can be edited.
    assert "12 Elm Grove waited two days" in html

    data["text"] = "An older woman waited two days for her syringe driver"
    assert client.post(reverse("insights:contribute"), data).status_code == 302
    assert Contribution.objects.get().flagged == []

    data["text"] = "Dr Who cover at weekends was the problem"
    client.post(reverse("insights:contribute"), {**data, "confirmed": "on"})
    assert Contribution.objects.count() == 2
    assert Contribution.objects.newest_first().first().flagged == ["a name with a title: “Dr Who”"]


def test_a_contribution_needs_an_event_or_a_programme_of_your_own(client, people, other_programme):
    client.force_login(people.learner)
    data = {"kind": "barrier", "text": "No shared record", "consent": "anonymous"}
    assert (
        "Choose the session or the programme"
        in client.post(reverse("insights:contribute"), data).content.decode()
    )
    page = client.post(reverse("insights:contribute"), {**data, "programme": other_programme.pk})
    assert "Select a valid choice" in page.content.decode()
    assert not Contribution.objects.exists()


def test_a_solution_links_to_a_published_barrier(client, people, programme):
    barrier = make_contribution(
        programme, kind=ContributionKind.BARRIER, text="Nobody knew who the key worker was"
    )
    client.force_login(people.champion)
    data = {
        "programme": programme.pk,
        "text": "Name a key worker",
        "consent": "anonymous",
        "barrier": barrier.pk,
    }
    page = client.post(reverse("insights:contribute"), {**data, "kind": "what_worked"})
    assert "Only a solution can answer a barrier" in page.content.decode()
    client.post(reverse("insights:contribute"), {**data, "kind": "solution"})
    assert Contribution.objects.get(contributor=people.champion).barrier == barrier


def test_bulk_entry_one_per_line_keeps_the_batch_choices(client, people, programme):
    client.force_login(people.facilitator)
    response = client.post(
        reverse("insights:bulk"),
        {
            "programme": programme.pk,
            "kind": "barrier",
            "sector": "voluntary",
            "consent": "anonymous",
            "lines": "- No out of hours number\n\n2. Carers not told who to call\n• Records not shared\n",
        },
    )
    assert response.status_code == 302
    assert "kind=barrier" in response.url and "sector=voluntary" in response.url
    texts = sorted(Contribution.objects.values_list("text", flat=True))
    assert texts == ["Carers not told who to call", "No out of hours number", "Records not shared"]
    assert set(Contribution.objects.values_list("sector", "kind", "status", "entered_by")) == {
        ("voluntary", "barrier", "pending", people.facilitator.pk)
    }
    # The next batch starts with the same choices.
    page = client.get(response.url).content.decode()
    assert 'value="barrier" checked' in page


def test_bulk_entry_is_one_insert_however_many_lines(programme, people, django_assert_num_queries):
    lines = [f"Sticky note {n}: the rota changed without telling the family" for n in range(40)]
    with django_assert_num_queries(3):  # savepoint, one insert, release
        created = services.contributions_bulk_create(
            entered_by=people.facilitator,
            lines=lines,
            kind="barrier",
            consent="anonymous",
            programme=programme,
        )
    assert len(created) == 40 and all(c.pk for c in created)
    assert created[0].programme == programme and created[0].status == "pending"


def test_bulk_entry_warns_per_line(client, people, programme):
    client.force_login(people.facilitator)
    data = {
        "programme": programme.pk,
        "kind": "what_worked",
        "sector": "health",
        "consent": "anonymous",
        "lines": "Weekly huddle with the care home\nCall 07700 900123 any time",
    }
    page = client.post(reverse("insights:bulk"), data).content.decode()
    assert "a phone number" in page and not Contribution.objects.exists()
    client.post(reverse("insights:bulk"), {**data, "confirmed": "on"})
    assert Contribution.objects.count() == 2


@pytest.mark.parametrize("role", ["learner", "champion", "commissioner", "outsider"])
def test_only_programme_teams_type_in_and_review(client, people, role):
    client.force_login(getattr(people, role))
    assert client.get(reverse("insights:bulk")).status_code == 403
    assert client.get(reverse("insights:review")).status_code == 403


def test_review_queue_approves_and_rejects_in_bulk(client, people, programme, other_programme):
    mine = [make_contribution(programme, approved=False, text=f"Contribution {n}") for n in range(3)]
    elsewhere = make_contribution(other_programme, approved=False, text="Somewhere else entirely")
    client.force_login(people.facilitator)
    page = client.get(reverse("insights:review")).content.decode()
    assert "Contribution 0" in page and "Somewhere else entirely" not in page
    client.post(
        reverse("insights:review_many"), {"contributions": [mine[0].pk, mine[1].pk], "decision": "approved"}
    )
    client.post(reverse("insights:review_many"), {"contributions": [mine[2].pk], "decision": "rejected"})
    # Someone else's contribution cannot be slipped in.
    client.post(reverse("insights:review_many"), {"contributions": [elsewhere.pk], "decision": "approved"})
    statuses = dict(Contribution.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in mine] == ["approved", "approved", "rejected"]
    assert statuses[elsewhere.pk] == "pending"


def test_editing_during_review(client, people, programme, other_programme):
    contribution = make_contribution(programme, approved=False, text="Mr Smith's GP was brilliant")
    assert contribution.flagged
    client.force_login(people.facilitator)
    url = reverse("insights:review_contribution", args=[contribution.pk])
    assert "Check for identifying details" in client.get(url).content.decode()
    client.post(
        url,
        {
            "text": "The GP was brilliant",
            "kind": "what_worked",
            "sector": "health",
            "consent": "quote",
            "approve": "1",
        },
    )
    contribution.refresh_from_db()
    assert (contribution.text, contribution.status, contribution.flagged) == (
        "The GP was brilliant",
        "approved",
        [],
    )
    assert contribution.reviewed_by == people.facilitator

    client.force_login(people.other_admin)
    assert client.get(url).status_code == 404


def test_a_person_sees_only_their_own_contributions(client, people, programme):
    services.contribution_create(
        contributor=people.learner, programme=programme, kind="barrier", text="Mine", consent=Consent.PRIVATE
    )
    services.contribution_create(
        contributor=people.champion, programme=programme, kind="barrier", text="Theirs", consent=Consent.QUOTE
    )
    client.force_login(people.learner)
    page = client.get(reverse("insights:mine")).content.decode()
    assert "Mine" in page and "Theirs" not in page
