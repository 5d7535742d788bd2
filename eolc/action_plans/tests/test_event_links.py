"""An event's page offers its participants a plan for that event, through the events links registry."""

import pytest
from django.urls import reverse

from eolc.action_plans.tests.factories import make_plan
from eolc.events.models import RegistrationStatus
from eolc.events.tests.factories import EventFactory, RegistrationFactory, in_days


@pytest.mark.django_db
def test_a_participant_is_offered_a_plan_for_the_event_and_then_finds_it_there(client, people, programme):
    event = EventFactory(programme=programme, title="Planning ahead together", starts_at=in_days(-1))
    RegistrationFactory(event=event, person=people.learner)
    client.force_login(people.learner)
    write = f"{reverse('action_plans:create')}?event={event.pk}"
    page = client.get(reverse("events:detail", args=[event.pk])).text
    assert f'href="{write}"' in page and "Write your action plan for this session" in page
    form = client.get(write).text
    assert f'<option value="{event.pk}" selected>' in form
    plan = make_plan(people.learner, event=event, title="Call the hospice")
    page = client.get(reverse("events:detail", args=[event.pk])).text
    assert "Write your action plan" not in page
    assert f'href="{reverse("action_plans:detail", args=[plan.pk])}"' in page and "Call the hospice" in page


@pytest.mark.django_db
def test_no_plan_link_without_a_confirmed_place(client, people, programme):
    event = EventFactory(programme=programme, starts_at=in_days(5))
    RegistrationFactory(event=event, person=people.champion, status=RegistrationStatus.WAITLISTED)
    make_plan(people.learner, event=None)
    for person in (people.champion, people.learner, people.facilitator):
        client.force_login(person)
        page = client.get(reverse("events:detail", args=[event.pk])).text
        assert "After the session" not in page and "?event=" not in page, person
