"""An action can name the key message it puts into practice and the barrier from the sessions it tackles;
the form offers only published messages and publishable barriers of the person's own programmes."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from eolc.action_plans.models import ActionPlan, PracticeCategory
from eolc.action_plans.tests.test_views import blank_actions, management
from eolc.insights import services as insights
from eolc.insights.models import Consent, ContributionKind
from eolc.insights.tests.factories import make_contribution

pytestmark = pytest.mark.django_db


def test_an_action_links_to_a_published_key_message_and_a_barrier(client, people, programme, other_programme):
    published = insights.key_message_publish(
        message=insights.key_message_create(
            programme=programme, title="Pick up the phone early", body="Call."
        )
    )
    draft = insights.key_message_create(programme=programme, title="Still a draft message", body="x")
    barrier = make_contribution(
        programme, kind=ContributionKind.BARRIER, text="Agencies cannot reach the nurses"
    )
    private = make_contribution(
        programme, kind=ContributionKind.BARRIER, text="Kept back from publication", consent=Consent.PRIVATE
    )
    elsewhere = make_contribution(
        other_programme, kind=ContributionKind.BARRIER, text="Another programme's barrier"
    )
    client.force_login(people.learner)
    form = client.get(reverse("action_plans:create")).content.decode()
    assert escape(published.title) in form and escape(barrier.text) in form
    for hidden in (draft.title, private.text, elsewhere.text):
        assert escape(hidden) not in form

    data = blank_actions(
        {
            **management(),
            "title": "Phone first",
            "reminder_weeks": ["2"],
            "actions-0-description": "Ring the district nurses when a client changes",
            "actions-0-due_date": "2030-06-01",
            "actions-0-category": PracticeCategory.LIAISON,
            "actions-0-key_message": published.pk,
            "actions-0-barrier_contribution": barrier.pk,
        },
        start=1,
    )
    refused = client.post(
        reverse("action_plans:create"), {**data, "actions-0-barrier_contribution": private.pk}
    )
    assert refused.status_code == 200 and not ActionPlan.objects.exists()
    response = client.post(reverse("action_plans:create"), data)
    action = ActionPlan.objects.get().actions.get()
    assert (action.key_message, action.barrier_contribution) == (published, barrier)
    detail = client.get(response.url).content.decode()
    assert (
        reverse("insights:message_public", args=[published.slug]) in detail and escape(barrier.text) in detail
    )
