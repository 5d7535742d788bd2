"""Contributions, themes and key messages for tests, made through the services as the pages make them."""

import factory
from factory.django import DjangoModelFactory

from eolc.insights import services
from eolc.insights.models import Consent, ContributionKind, PracticeCategory, PracticeExample, ReviewStatus


def make_contribution(
    programme,
    *,
    text="Having one number to ring at night made the difference",
    kind=ContributionKind.WHAT_WORKED,
    consent=Consent.ANONYMOUS,
    sector="health",
    approved=True,
    reviewer=None,
    **fields,
):
    contribution = services.contribution_create(
        programme=programme, text=text, kind=kind, consent=consent, sector=sector, **fields
    )
    if approved:
        contribution = services.contribution_review(
            contribution=contribution, by=reviewer, decision=ReviewStatus.APPROVED
        )
    return contribution


class PracticeExampleFactory(DjangoModelFactory):
    class Meta:
        model = PracticeExample

    title = factory.Sequence(lambda n: f"Hospice and home care link worker {n}")
    category = PracticeCategory.LIAISON
    summary = "A named hospice nurse visits each home care agency once a month."
    outcomes = "Fewer crisis calls at night; home care workers know whom to ask."
