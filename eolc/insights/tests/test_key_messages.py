"""Key messages: exact traceability counts, versions kept on each published edit, publication."""

import pytest

from eolc.insights import services
from eolc.insights.models import Consent, KeyMessage, MessageStatus, ReviewStatus
from eolc.insights.tests.factories import make_contribution

pytestmark = pytest.mark.django_db


def test_support_counts_each_supporting_contribution_once_by_sector(programme, other_programme):
    health = [make_contribution(programme, sector="health") for _ in range(3)]
    social = [make_contribution(programme, sector="social_care") for _ in range(2)]
    private = make_contribution(programme, sector="voluntary", consent=Consent.PRIVATE)
    waiting = make_contribution(programme, sector="health", approved=False)
    make_contribution(programme, sector="health")  # approved but supports nothing
    theme = services.theme_create(
        programme=programme, title="Night-time support", contributions=[*health[:2], *social, private]
    )
    message = services.key_message_create(
        programme=programme,
        title="Make out-of-hours help easy to find",
        body="Everyone knows the one number to ring.",
        themes=[theme],
        # health[0] is both in the theme and linked directly: it still counts once.
        contributions=[health[0], health[2], waiting],
    )
    assert message.support_by_sector(public=True) == [("Health", 3), ("Social care", 2)]
    assert message.support_by_sector(public=False) == [
        ("Health", 3),
        ("Social care", 2),
        ("Voluntary and community", 1),
    ]
    services.contribution_review(contribution=waiting, by=None, decision=ReviewStatus.APPROVED)
    assert message.support_by_sector(public=True)[0] == ("Health", 4)


def test_support_from_another_programme_is_refused(programme, other_programme):
    elsewhere = make_contribution(other_programme)
    with pytest.raises(services.InsightRefused):
        services.key_message_create(programme=programme, title="T", body="B", contributions=[elsewhere])


def test_each_published_edit_keeps_the_previous_version(programme):
    message = services.key_message_create(programme=programme, title="Talk early", body="First wording")
    assert message.status == MessageStatus.DRAFT and message.versions.count() == 0
    assert not KeyMessage.objects.published().exists()

    services.key_message_update(message=message, title="Talk early", body="Second draft, not published")
    message = services.key_message_publish(message=message)
    assert message.version == 1
    assert list(KeyMessage.objects.published()) == [message]

    message = services.key_message_update(message=message, title="Talk early and often", body="Third wording")
    assert message.version == 2 and message.is_published
    assert [(v.number, v.title, v.body) for v in message.versions.all()] == [
        (2, "Talk early and often", "Third wording"),
        (1, "Talk early", "Second draft, not published"),
    ]

    services.key_message_withdraw(message=message)
    assert not KeyMessage.objects.published().exists()
    message = services.key_message_publish(message=message)
    assert message.version == 2 and message.versions.count() == 2


def test_slugs_are_unique(programme, other_programme):
    first = services.key_message_create(programme=programme, title="Share the plan", body="x")
    second = services.key_message_create(programme=other_programme, title="Share the plan", body="y")
    assert (first.slug, second.slug) == ("share-the-plan", "share-the-plan-2")
