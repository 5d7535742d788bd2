"""Per-event plan templates: the event's facilitators set them; participants see them while writing."""

import pytest
from django.urls import reverse

from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans.models import PlanTemplate
from eolc.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(programme):
    return EventFactory(programme=programme, title="Hospice and social care workshop")


def test_facilitators_set_ideas_that_participants_see(client, people, event):
    url = reverse("action_plans:template", args=[event.pk])
    client.force_login(people.facilitator)
    assert "After Hospice and social care workshop" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Working across the hospice and the council",
            "introduction": "Pick one thing you can start next week.",
            "suggestions": "Shadow a hospice social worker\n\n  Set up a joint case review  \n",
        },
    )
    assert response.status_code == 302
    template = PlanTemplate.objects.get(event=event)
    assert template.suggestions == ["Shadow a hospice social worker", "Set up a joint case review"]
    assert template.updated_by == people.facilitator

    participant = UserFactory()
    RegistrationFactory(event=event, person=participant)
    client.force_login(participant)
    page = client.get(reverse("action_plans:create"), {"event": event.pk}).content.decode()
    assert "Pick one thing you can start next week." in page and "Set up a joint case review" in page
    assert 'value="Working across the hospice and the council"' in page
    # Someone who did not take part sees no template and cannot pick the event.
    client.force_login(UserFactory())
    page = client.get(reverse("action_plans:create"), {"event": event.pk}).content.decode()
    assert "Set up a joint case review" not in page


def test_only_the_events_team_may_change_the_template(client, people, event):
    url = reverse("action_plans:template", args=[event.pk])
    for person, status in (
        (people.learner, 403),
        (people.commissioner, 403),
        (people.other_admin, 403),
        (people.admin, 200),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status, person
    draft = EventFactory(programme=people.admin.memberships.first().programme, status="draft")
    client.force_login(people.learner)
    assert client.get(reverse("action_plans:template", args=[draft.pk])).status_code == 404


def test_too_many_ideas_are_refused_and_kept(client, people, event):
    client.force_login(people.facilitator)
    ideas = "\n".join(f"Idea {n}" for n in range(6))
    response = client.post(
        reverse("action_plans:template", args=[event.pk]), {"title": "Plan", "suggestions": ideas}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Enter up to 5 ideas" in body and "Idea 5" in body
    assert not PlanTemplate.objects.exists()


def test_the_follow_through_page_links_the_events_team_to_the_template(client, people, event):
    link = reverse("action_plans:template", args=[event.pk])
    client.force_login(people.facilitator)
    assert link in client.get(reverse("action_plans:follow_through"), {"event": event.pk}).content.decode()
    client.force_login(people.commissioner)
    assert (
        link not in client.get(reverse("action_plans:follow_through"), {"event": event.pk}).content.decode()
    )
