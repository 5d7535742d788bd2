"""The demo surveys: attached to London sessions, with enough paired answers to show results."""

import pytest

from eolc.demo import content
from eolc.evaluation import analytics
from eolc.evaluation.models import Invitation, Survey
from eolc.programmes.models import Programme

pytestmark = pytest.mark.django_db


def test_demo_surveys_have_paired_results():
    london = Programme.objects.get(slug=content.LONDON)
    assert Survey.objects.in_programme(london).count() == 4
    summaries = analytics.confidence_change_summary(programme=london)
    assert len(summaries) == 7 and all(s.n >= 20 and s.mean_change > 0 for s in summaries[:1])
    assert all(s.n >= 5 for s in analytics.confidence_change_summary(programme=london, after="follow_up"))
    learner = Invitation.objects.filter(person__email="learner@example.org").with_draft()
    assert learner.count() == 2 and sum(i.has_draft for i in learner) == 1
    assert not learner.filter(responded_at__isnull=False).exists()
