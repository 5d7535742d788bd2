"""Rollups: summary rows the dashboard reads instead of scanning attendances (ADR 009).

Every fact table is written only by `rollups`: rebuilt per programme from the raw rows, or brought
up to date for just what changed (ADR 019). A `RollupChange` row is written in the same transaction
as any change to the raw data, so a refresh within the minute brings the facts level with it again.

People are counted once per programme, at their first attended session (`people_new`): summed
over any set of cells, that gives the people whose first session falls in the set, and over a
whole programme it is exactly the number of distinct people reached.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from eolc.accounts.models import Area, JobRole
from eolc.events.models import Event
from eolc.programmes.models import Programme

# Mix index bands on the dashboard: 0.0–0.1, 0.1–0.2, … 0.9–1.0.
MIX_BANDS = 10


class ChangeKind(models.TextChoices):
    """What a change note is about, which says which facts a refresh must bring up to date."""

    EVERYTHING = "", "Anything (rebuild the programme)"
    SESSION = "session", "A session's own fields"
    ATTENDANCE = "attendance", "One person's attendance at a session"
    PROFILE = "profile", "A person's sector, job role or work area"
    CREDIT = "credit", "A completion"
    OUTCOME = "outcome", "A submitted survey response"
    PLAN = "plan", "An action plan or action"


class RollupChange(models.Model):
    """A note that a programme's raw data changed; written inside the changing transaction.

    Insert-only, so concurrent writers never wait on each other; a refresh deletes the notes it
    has acted on.
    """

    # Plain ids, not foreign keys: a programme being deleted still sends its events' signals.
    programme_id = models.PositiveBigIntegerField(db_index=True)
    kind = models.CharField(max_length=20, blank=True, choices=ChangeKind.choices)
    event_id = models.PositiveBigIntegerField(null=True)
    person_id = models.PositiveBigIntegerField(null=True)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Change in {self.programme_id} at {self.changed_at:%H:%M:%S}"


class RollupState(models.Model):
    """When a programme's facts were last rebuilt, and how long that took."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="rollup_state")
    refreshed_at = models.DateTimeField()
    seconds = models.FloatField(default=0)

    def __str__(self):
        return f"{self.programme} refreshed {self.refreshed_at:%Y-%m-%d %H:%M}"


class FactQuerySet(models.QuerySet):
    def in_programmes(self, programmes):
        return self.filter(programme__in=programmes)

    def months(self, start=None, end=None):
        rows = self
        if start is not None:
            rows = rows.filter(month__gte=start)
        if end is not None:
            rows = rows.filter(month__lte=end)
        return rows


class SessionFactQuerySet(FactQuerySet):
    def held(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now())

    def planned(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now())


class SessionFact(models.Model):
    """One published session of a programme, with its attendance and how mixed it was."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    month = models.DateField(help_text="First day of the month it starts in (UK time)")
    kind = models.CharField(max_length=30)
    area = models.ForeignKey(Area, null=True, on_delete=models.CASCADE, related_name="+")
    time_of_day = models.CharField(max_length=20)
    attendances = models.PositiveIntegerField(default=0)
    sectors = models.PositiveSmallIntegerField(default=0, help_text="Distinct sectors among attendees")
    mix_index = models.FloatField(null=True, help_text="0 = one sector, 1 = as even as possible")
    mix_band = models.PositiveSmallIntegerField(null=True)

    objects = SessionFactQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["programme", "month"])]

    def __str__(self):
        return f"Session fact for event {self.event_id}"


class SectorAttendance(models.Model):
    """Attendances at one session by attendees' sector, with the people first reached there."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    kind = models.CharField(max_length=30)
    area = models.ForeignKey(Area, null=True, on_delete=models.CASCADE, related_name="+")
    time_of_day = models.CharField(max_length=20)
    sector = models.CharField(max_length=20, help_text="Empty when the person has not said")
    attendances = models.PositiveIntegerField()
    people_new = models.PositiveIntegerField()

    objects = FactQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["programme", "month"])]

    def __str__(self):
        return f"{self.attendances} from {self.sector or 'unknown'} at {self.event_id}"


class AttendeeFact(models.Model):
    """One attended session of one person as the facts last counted it (ADR 019).

    The attendance facts are sums of these rows, so a refresh that knows which people changed
    compares their rows here with the raw data and moves only the difference into the facts,
    without re-ranking the whole programme. Plain ids, not foreign keys: the rows must outlive a
    deleted session or person until the refresh has taken them out of the sums.
    """

    programme_id = models.PositiveBigIntegerField()
    event_id = models.PositiveBigIntegerField(db_index=True)
    person_id = models.PositiveBigIntegerField()
    month = models.DateField()
    kind = models.CharField(max_length=30)
    area_id = models.PositiveBigIntegerField(null=True)
    time_of_day = models.CharField(max_length=20)
    sector = models.CharField(max_length=20)
    job_role_id = models.PositiveBigIntegerField(null=True)
    home_area_id = models.PositiveBigIntegerField(null=True)
    first_session = models.PositiveSmallIntegerField(help_text="1 on the person's first attended session")

    class Meta:
        indexes = [models.Index(fields=["programme_id", "person_id"])]

    def __str__(self):
        return f"Person {self.person_id} at {self.event_id}"


class ProfileDimension(models.TextChoices):
    ROLE = "role", "Job role"
    HOME_AREA = "home_area", "Area people work in"


class ProfileAttendance(models.Model):
    """Attendances per month by attendees' job role or work area (one dimension per row)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sector = models.CharField(max_length=20)
    dimension = models.CharField(max_length=20, choices=ProfileDimension.choices)
    job_role = models.ForeignKey(JobRole, null=True, on_delete=models.CASCADE, related_name="+")
    home_area = models.ForeignKey(Area, null=True, on_delete=models.CASCADE, related_name="+")
    attendances = models.PositiveIntegerField()
    people_new = models.PositiveIntegerField()

    objects = FactQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["programme", "dimension", "month"])]

    def __str__(self):
        return f"{self.dimension} fact for {self.programme_id} {self.month}"


class CreditFact(models.Model):
    """Completions and the CE hours they carried, per month and sector."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sector = models.CharField(max_length=20)
    completions = models.PositiveIntegerField()
    ce_hours = models.DecimalField(max_digits=14, decimal_places=2)

    objects = FactQuerySet.as_manager()

    def __str__(self):
        return f"{self.ce_hours} hours in {self.programme_id} {self.month}"


class PlanFact(models.Model):
    """Action-plan follow-through per practice category; an empty category is every action."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=40, blank=True)
    people = models.PositiveIntegerField()
    plans = models.PositiveIntegerField()
    actions = models.PositiveIntegerField()
    done = models.PositiveIntegerField()

    objects = FactQuerySet.as_manager()

    def __str__(self):
        return f"{self.done}/{self.actions} done in {self.programme_id} {self.category or 'all'}"


class OutcomeFact(models.Model):
    """Paired before-and-after answers summed per measure, session month, kind, area and sector.

    A pair is one person's "before" and "after" answers to one measure (evaluation/analytics.py);
    its month, kind and area are those of the session the "after" answer was about (the area as on
    the other facts: the session's own), its sector the respondent's. Sums of answers, changes and
    squared changes give each cell's mean change and its confidence interval after summing any set
    of cells.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    comparison = models.CharField(max_length=20, help_text="The kind of survey compared with before")
    measure = models.SlugField(max_length=60)
    month = models.DateField(null=True, help_text="Empty when the session is no longer published")
    kind = models.CharField(max_length=30, blank=True)
    area = models.ForeignKey(Area, null=True, on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(max_length=20, blank=True)
    pairs = models.PositiveIntegerField()
    pre_sum = models.BigIntegerField()
    post_sum = models.BigIntegerField()
    change_sum = models.BigIntegerField()
    change_squares = models.BigIntegerField()

    objects = FactQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["programme", "comparison", "month"])]

    def __str__(self):
        return f"{self.pairs} pairs for {self.measure} in {self.programme_id} {self.month}"


class LearningPoints(models.Model):
    """What the programme lead says the programme learned: the report's closing section."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="learning_points")
    text = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Learning points for {self.programme}"
