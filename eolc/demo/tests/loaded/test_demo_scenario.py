"""The demo scenario: about twelve steps, every role in the brief, no problems, counts to show."""

import pytest

from eolc.scenarios import services
from eolc.scenarios.models import Choice, Node, PathCount, Scenario

pytestmark = pytest.mark.django_db

ROLES = [
    "person-receiving-care",
    "primary-carer",
    "district-nurse",
    "home-care-worker",
    "gp",
    "social-worker",
]


def test_demo_scenario_is_published_and_complete():
    scenario = Scenario.objects.get()
    assert scenario.is_published
    assert services.scenario_problems(scenario) == []
    assert 11 <= scenario.nodes.count() <= 13
    assert scenario.nodes.filter(is_end=True).count() == 2
    for role in ROLES:
        assert Node.objects.for_role(role).exists(), role
    for choice in Choice.objects.filter(node__scenario=scenario):
        assert "Key message" in choice.feedback
        titles = list(choice.key_messages.published().values_list("title", flat=True))
        assert titles and all(f"“{title}”" in choice.feedback for title in titles)
    assert scenario.plays_started > 0
    assert PathCount.objects.filter(scenario=scenario).exists()
