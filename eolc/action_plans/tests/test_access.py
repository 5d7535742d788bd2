"""A plan is private to its owner (404 for everyone else) unless shared; aggregates still count it."""

import pytest
from django.urls import reverse

from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans import analytics, services
from eolc.action_plans.tests.factories import make_plan
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.programmes import access

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(programme):
    return EventFactory(programme=programme)


def owner_at(event, **fields):
    person = UserFactory(**fields)
    RegistrationFactory(event=event, person=person)
    return person


def test_nobody_else_can_read_a_private_plan(client, people, event):
    plan = make_plan(owner_at(event), event=event)
    action = plan.actions.get()
    others = [
        people.learner,
        people.champion,
        people.facilitator,
        people.admin,
        people.commissioner,
        people.outsider,
    ]
    for other in others:
        client.force_login(other)
        for url in (
            reverse("action_plans:detail", args=[plan.pk]),
            reverse("action_plans:pdf", args=[plan.pk]),
            reverse("action_plans:update", args=[action.pk]),
        ):
            assert client.get(url).status_code == 404, (other, url)
        assert client.post(reverse("action_plans:close", args=[plan.pk])).status_code == 404
        assert plan.title not in client.get(reverse("action_plans:mine")).content.decode()
    client.force_login(plan.owner)
    assert client.get(reverse("action_plans:detail", args=[plan.pk])).status_code == 200


def test_aggregates_include_private_plans(client, people, event):
    for _ in range(5):
        make_plan(owner_at(event), event=event, actions=2)
    for viewer in (people.commissioner, people.facilitator, people.admin):
        figures = analytics.follow_through(access.action_plans_in_scope(viewer, event=event))
        assert (figures.people, figures.actions) == (5, 10)
        client.force_login(viewer)
        page = client.get(reverse("action_plans:follow_through"), {"event": event.pk})
        assert page.status_code == 200
        assert "People with plans" in page.content.decode()
    assert reverse("action_plans:follow_through") in client.get(reverse("action_plans:mine")).content.decode()
    client.force_login(people.learner)
    assert (
        reverse("action_plans:follow_through")
        not in client.get(reverse("action_plans:mine")).content.decode()
    )
    assert client.get(reverse("action_plans:follow_through")).status_code == 403
    assert client.get(reverse("action_plans:follow_through_csv")).status_code == 403
    client.force_login(people.other_admin)
    assert client.get(reverse("action_plans:follow_through"), {"event": event.pk}).status_code == 200
    assert analytics.follow_through(access.action_plans_in_scope(people.other_admin)).people == 0


def test_sharing_with_facilitators_opens_the_plan_to_them_only(client, people, event):
    plan = make_plan(owner_at(event), event=event, share_with_facilitators=True)
    client.force_login(people.facilitator)
    page = client.get(reverse("action_plans:detail", args=[plan.pk]))
    assert page.status_code == 200 and "shared with you" in page.content.decode()
    # Shared means read only: the facilitator cannot update, close or download it.
    assert client.get(reverse("action_plans:update", args=[plan.actions.get().pk])).status_code == 404
    assert client.post(reverse("action_plans:close", args=[plan.pk])).status_code == 404
    for other in (people.commissioner, people.learner, people.other_admin):
        client.force_login(other)
        assert client.get(reverse("action_plans:detail", args=[plan.pk])).status_code == 404


def test_a_buddy_sees_a_shared_plan_until_either_side_ends_the_pairing(client, event):
    owner = owner_at(event, sector="health")
    buddy = owner_at(event, sector="social_care")
    assert services.buddy_request_create(event=event, person=owner) is None
    pair = services.buddy_request_create(event=event, person=buddy)
    assert {pair.first, pair.second} == {owner, buddy}
    private = make_plan(owner, event=event, title="Private")
    shared = make_plan(owner, event=event, title="Shared", share_with_buddy=True)
    client.force_login(buddy)
    assert client.get(reverse("action_plans:detail", args=[private.pk])).status_code == 404
    assert client.get(reverse("action_plans:detail", args=[shared.pk])).status_code == 200
    response = client.post(reverse("action_plans:end_buddy", args=[pair.pk]))
    assert response.status_code == 302
    assert client.get(reverse("action_plans:detail", args=[shared.pk])).status_code == 404
