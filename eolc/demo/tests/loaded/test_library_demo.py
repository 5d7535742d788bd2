"""Demo library: nine role pages, six faith guides, real files, a 90-minute plan and deliveries."""

import pytest

from eolc.library.models import (
    CareRole,
    DeliveredSession,
    FaithGuide,
    Resource,
    ResourceKind,
    SessionPlan,
    Status,
)
from eolc.library.uploads import sniff

pytestmark = pytest.mark.django_db

ROLE_SLUGS = {
    "person-receiving-care",
    "primary-carer",
    "district-nurse",
    "home-care-worker",
    "gp",
    "hospice-worker",
    "palliative-care-specialist",
    "social-worker",
    "care-home-worker",
}


def test_the_demo_library_has_everything_a_trainer_needs():
    assert set(CareRole.objects.published().values_list("slug", flat=True)) == ROLE_SLUGS
    for role in CareRole.objects.all():
        assert role.responsibilities.exists(), role
    assert set(FaithGuide.objects.published().values_list("slug", flat=True)) == {
        "jewish",
        "muslim",
        "hindu",
        "sikh",
        "christian",
        "non-religious",
    }
    for guide in FaithGuide.objects.all():
        assert len(guide.source_list) >= 4 and guide.review_date

    film = Resource.objects.get(kind=ResourceKind.FILM, status=Status.PUBLISHED)
    assert film.captions.startswith("WEBVTT") and film.transcript
    assert Resource.objects.filter(kind=ResourceKind.FILM, status=Status.DRAFT, captions="").exists()
    files = Resource.objects.exclude(file="")
    assert files.count() >= 8
    for resource in files:
        with resource.file.open("rb") as handle:
            assert sniff(handle).mime == resource.file_type

    plan = SessionPlan.objects.get()
    assert plan.minutes == 90 == sum(section.minutes for section in plan.sections.all())
    assert plan.linked_key_messages.published().count() >= 6
    assert DeliveredSession.objects.total_attendees() > 30
