"""Writes for the curriculum. Later apps (events, mentoring) call these to complete parts."""

import datetime

from django.db import IntegrityError, transaction

from eolc.curriculum.models import Completion, CompletionSource, Part, PartKind


def prerequisites_missing(*, person, part: Part) -> list[Part]:
    """Parts `part` requires that `person` has not completed, in programme order."""
    done = Completion.objects.filter(person=person).values("part")
    return list(part.requires.exclude(pk__in=done).order_by("number", "pk"))


@transaction.atomic
def part_complete(*, person, part: Part, on: datetime.date, source: str, recorded_by=None) -> Completion:
    """Record a completion once; a second call returns the first (double clicks, retries)."""
    existing = Completion.objects.filter(person=person, part=part).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Completion.objects.create(
                person=person,
                part=part,
                completed_on=on,
                source=source,
                ce_hours=part.ce_hours,
                recorded_by=recorded_by,
            )
    except IntegrityError:
        return Completion.objects.get(person=person, part=part)


@transaction.atomic
def part_attendance_record(
    *, person, part: Part, sessions_attended: int, sessions_total: int, on: datetime.date
) -> Completion | None:
    """Called by the events app after attendance changes for a session linked to `part`.

    Live and series parts complete when every session was attended; mentorship parts when
    the configured number of meetings (or every scheduled one) was attended.
    """
    if part.kind == PartKind.MENTORSHIP and part.required_meetings:
        needed = part.required_meetings
    elif part.kind in (PartKind.LIVE, PartKind.SERIES, PartKind.MENTORSHIP):
        needed = sessions_total
    else:
        return None
    if needed <= 0 or sessions_attended < needed:
        return None
    return part_complete(person=person, part=part, on=on, source=CompletionSource.ATTENDANCE)
