import datetime
from decimal import Decimal

import pytest

from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum import services
from eolc.curriculum.models import Completion, CompletionSource, Domain, PartKind
from eolc.curriculum.tests.factories import PartFactory

DAY = datetime.date(2026, 11, 23)


@pytest.mark.django_db
def test_the_eight_domains_are_seeded():
    assert Domain.objects.count() == 8
    assert Domain.objects.first().name == "Structure and processes of care"


@pytest.mark.django_db
def test_prerequisites_missing_names_the_parts_not_yet_completed():
    person = UserFactory()
    part_one = PartFactory(title="Part I")
    mentorship = PartFactory(programme=part_one.programme, kind=PartKind.MENTORSHIP, title="Mentorship")
    mentorship.requires.add(part_one)
    assert services.prerequisites_missing(person=person, part=mentorship) == [part_one]
    services.part_complete(person=person, part=part_one, on=DAY, source=CompletionSource.IMPORTED)
    assert services.prerequisites_missing(person=person, part=mentorship) == []


@pytest.mark.django_db
def test_a_completion_is_recorded_once_and_keeps_the_hours_of_the_day():
    person = UserFactory()
    part = PartFactory(ce_hours=Decimal("2.50"))
    first = services.part_complete(person=person, part=part, on=DAY, source=CompletionSource.IMPORTED)
    part.ce_hours = Decimal("3.00")
    part.save()
    again = services.part_complete(person=person, part=part, on=DAY, source=CompletionSource.IMPORTED)
    assert first.pk == again.pk
    assert Completion.objects.get().ce_hours == Decimal("2.50")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "required_meetings", "attended", "total", "completes"),
    [
        (PartKind.LIVE, 0, 1, 1, True),
        (PartKind.SERIES, 0, 1, 2, False),
        (PartKind.SERIES, 0, 2, 2, True),
        (PartKind.MENTORSHIP, 3, 2, 12, False),
        (PartKind.MENTORSHIP, 3, 3, 12, True),
        (PartKind.LIVE, 0, 0, 0, False),
        (PartKind.SELF_PACED, 0, 1, 1, False),
    ],
)
def test_attendance_completes_live_series_and_mentorship_parts(
    kind, required_meetings, attended, total, completes
):
    person = UserFactory()
    part = PartFactory(kind=kind, required_meetings=required_meetings)
    result = services.part_attendance_record(
        person=person, part=part, sessions_attended=attended, sessions_total=total, on=DAY
    )
    assert (result is not None) == completes
    assert Completion.objects.filter(person=person, part=part).exists() == completes
