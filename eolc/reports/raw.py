"""The dashboard's figures computed straight from the raw rows, as GROUP BY queries.

This is the reference the rollups must equal (tests/test_rollups.py) and the baseline the
benchmark times the dashboard against (scripts/bench/reports.py). Pages never use it.
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from eolc.curriculum.models import Completion
from eolc.evaluation.analytics import confidence_change_summary
from eolc.events.models import Attendance, Event, EventStatus


def attended(programme_id):
    return Attendance.objects.filter(
        attended=True, event__programme_id=programme_id, event__status=EventStatus.PUBLISHED
    )


def _by(rows, key, **figures):
    return {row.pop(key): row for row in rows.values(key).annotate(**figures)}


def figures(programme_id, now=None) -> dict:
    """Every aggregate the dashboard shows for one unfiltered programme."""
    now = now or timezone.now()
    rows = attended(programme_id)
    people = Count("person", distinct=True)
    sessions = Count("event", distinct=True)
    attendances = Count("pk")
    months = rows.annotate(month=TruncMonth("event__starts_at"))
    events = Event.objects.filter(programme_id=programme_id, status=EventStatus.PUBLISHED)
    return {
        "totals": rows.aggregate(people=people, sessions=sessions, attendances=attendances),
        "sector": _by(rows, "person__sector", people=people, sessions=sessions, attendances=attendances),
        "month": {
            month.date(): row
            for month, row in _by(months, "month", sessions=sessions, attendances=attendances).items()
        },
        "kind": _by(rows, "event__kind", sessions=sessions, attendances=attendances),
        "time_of_day": _by(rows, "event__time_of_day", sessions=sessions, attendances=attendances),
        "session_area": _by(rows, "event__area__name", sessions=sessions, attendances=attendances),
        "role": _by(rows, "person__job_role__name", people=people, attendances=attendances),
        "home_area": _by(rows, "person__area__name", people=people, attendances=attendances),
        "coverage": _by(
            events.filter(area__isnull=False),
            "area_id",
            held=Count("pk", distinct=True, filter=Q(starts_at__lt=now, attendances__attended=True)),
            planned=Count("pk", distinct=True, filter=Q(starts_at__gte=now)),
        ),
        "event_sectors": list(
            rows.exclude(person__sector="").values("event_id", "person__sector").annotate(n=attendances)
        ),
        "planned": events.filter(starts_at__gte=now).count(),
        "credits": Completion.objects.filter(part__programme_id=programme_id).aggregate(
            completions=Count("pk"), hours=Sum("ce_hours")
        ),
        "outcomes": confidence_change_summary(programme=programme_id),
    }
