"""Demo insights: six published key messages, each traced to contributions from several sectors."""

import pytest

from eolc.demo import content
from eolc.insights.models import Consent, Contribution, KeyMessage, PracticeCategory, PracticeExample

pytestmark = pytest.mark.django_db


def test_demo_insights_have_six_supported_key_messages():
    messages = KeyMessage.objects.published().filter(programme__slug=content.LONDON)
    assert messages.count() == 6
    for message in messages:
        support = message.support_by_sector(public=True)
        assert sum(count for _, count in support) >= 5 and len(support) >= 3
    assert Contribution.objects.pending().count() == 3
    assert Contribution.objects.approved().filter(consent=Consent.PRIVATE).exists()
    assert set(PracticeExample.objects.published().values_list("category", flat=True)) == set(
        PracticeCategory.values
    )
