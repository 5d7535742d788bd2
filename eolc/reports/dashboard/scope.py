"""What a dashboard page shows: the programmes, the filters, and the labels every table uses.

`Scope` hands each figure its fact rows already narrowed to the programmes, months, area, kind and
sector asked for, and applies small-number suppression when the reader is a commissioner.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from eolc.accounts.models import Area, Sector
from eolc.core.charts import suppress
from eolc.events.models import EventKind, TimeOfDay
from eolc.programmes.models import Phase
from eolc.reports.models import (
    CreditFact,
    OutcomeFact,
    ProfileAttendance,
    SectorAttendance,
    SessionFact,
)

NOT_RECORDED = "Not recorded"
SECTOR_LABELS = dict(Sector.choices)
KIND_LABELS = dict(EventKind.choices)
TIME_LABELS = dict(TimeOfDay.choices)


@dataclass
class Scope:
    """Which programmes, and which slice of their data, a page shows."""

    programme_ids: list[int]
    suppress_small: bool
    phase: Phase | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    area: Area | None = None
    sector: str = ""
    kind: str = ""
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def months(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The month range: the phase's months, narrowed by any dates given (a date picks its month)."""
        start, end = self.start, self.end
        if self.phase is not None:
            start = max(filter(None, [start, self.phase.starts_on]))
            end = min(filter(None, [end, self.phase.ends_on]))
        return (start.replace(day=1) if start else None, end.replace(day=1) if end else None)

    @property
    def filters_events(self) -> bool:
        return bool(self.area or self.kind)

    def _base(self, model):
        return model.objects.in_programmes(self.programme_ids).months(*self.months)

    def sessions(self):
        rows = self._base(SessionFact)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return rows

    def attendance(self):
        rows = self._base(SectorAttendance)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return self._sector(rows)

    def profiles(self, dimension):
        return self._sector(self._base(ProfileAttendance).filter(dimension=dimension))

    def credits(self):
        return self._sector(self._base(CreditFact))

    def outcomes(self, comparison):
        rows = self._base(OutcomeFact).filter(comparison=comparison)
        if self.kind:
            rows = rows.filter(kind=self.kind)
        if self.area is not None:
            rows = rows.filter(area__in=Area.objects.within(self.area))
        return self._sector(rows)

    def _sector(self, rows):
        return rows.filter(sector="" if self.sector == "unknown" else self.sector) if self.sector else rows

    def count(self, value):
        return suppress(value) if self.suppress_small else value


def sector_label(slug) -> str:
    return SECTOR_LABELS.get(slug, NOT_RECORDED) if slug else NOT_RECORDED


def in_order(order, key, label):
    def labels(rows):
        by_value = {row[key]: row for row in rows}
        ordered = [value for value in order if value in by_value]
        ordered += [value for value in by_value if value not in order]
        return [(label(value), by_value[value]) for value in ordered]

    return labels
