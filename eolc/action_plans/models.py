"""Action plans: what a person will do after a session, the reminders that follow it up, and buddies.

A plan is private to its owner. Reading it is decided in `eolc/programmes/access/`; follow-through
figures are computed over plans without identity (see `analytics.py`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eolc.accounts.models import JobRole
from eolc.events.models import Event

MAX_ACTIONS = 5
REMINDER_WEEK_CHOICES = [
    (2, "2 weeks"),
    (4, "4 weeks"),
    (6, "6 weeks"),
    (8, "8 weeks"),
    (12, "12 weeks"),
    (26, "26 weeks"),
]


def default_reminder_weeks():
    return [2, 6, 12]


def validate_reminder_weeks(value):
    allowed = {weeks for weeks, _ in REMINDER_WEEK_CHOICES}
    if not isinstance(value, list) or any(weeks not in allowed for weeks in value):
        raise ValidationError("Choose reminder intervals from the list.")


class PracticeCategory(models.TextChoices):
    EDUCATION = "education", "Education initiative"
    MEETING = "meeting", "Cross-sector meeting or working group"
    LIAISON = "liaison", "Liaison role"
    FORMAL_LINK = "formal_link", "Formal link between agencies"
    COMMISSIONING = "commissioning", "Joint commissioning"
    OTHER = "other", "Other"


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    STUCK = "stuck", "Stuck"


class StuckReason(models.TextChoices):
    TIME = "time", "No time or too much other work"
    MANAGER = "manager", "No support from my manager or organisation"
    PARTNER = "partner", "Could not reach the right person in another organisation"
    INFORMATION = "information", "Did not know how or where to start"
    FUNDING = "funding", "Funding or commissioning"
    POLICY = "policy", "Policy, data sharing or systems got in the way"
    OTHER = "other", "Something else"


class ActionPlanQuerySet(models.QuerySet):
    def owned_by(self, person):
        return self.filter(owner=person)

    def open(self):
        return self.filter(closed_at__isnull=True)

    def for_event(self, event):
        return self.filter(event=event)

    def in_programme(self, programme):
        return self.filter(event__programme=programme)

    def created_between(self, start=None, end=None):
        plans = self
        if start:
            plans = plans.filter(created_at__date__gte=start)
        if end:
            plans = plans.filter(created_at__date__lte=end)
        return plans

    def with_unfinished_actions(self):
        return self.filter(actions__in=Action.objects.unfinished()).distinct()

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class ActionPlan(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_plans")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_plans"
    )
    title = models.CharField(max_length=200)
    share_with_buddy = models.BooleanField(default=False)
    share_with_facilitators = models.BooleanField(default=False)
    # An empty list is a real choice: the person wants no reminders.
    reminder_weeks = models.JSONField(
        default=default_reminder_weeks, blank=True, validators=[validate_reminder_weeks]
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_closed(self):
        return self.closed_at is not None


class ActionQuerySet(models.QuerySet):
    def unfinished(self):
        return self.exclude(status=Status.DONE)

    def done(self):
        return self.filter(status=Status.DONE)


class Action(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField()
    description = models.TextField(max_length=1000)
    due_date = models.DateField()
    partners = models.CharField(max_length=300, blank=True)
    partner_roles = models.ManyToManyField(JobRole, blank=True, related_name="+")
    support_needed = models.TextField(max_length=1000, blank=True)
    barrier = models.CharField(max_length=300, blank=True)
    # What the action puts into practice, from the programme's insights (published messages and
    # approved, publishable barriers only; see the plan form).
    key_message = models.ForeignKey(
        "insights.KeyMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    barrier_contribution = models.ForeignKey(
        "insights.Contribution", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    category = models.CharField(
        max_length=20, choices=PracticeCategory.choices, default=PracticeCategory.OTHER
    )
    # The latest progress update's status, kept here so lists and reminders need no subquery.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="action_position_once_per_plan"),
            models.CheckConstraint(
                condition=Q(position__gte=1) & Q(position__lte=MAX_ACTIONS), name="action_position_1_to_5"
            ),
        ]

    def __str__(self):
        return self.description[:60]

    @property
    def is_done(self):
        return self.status == Status.DONE


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=20, choices=Status.choices)
    note = models.TextField(max_length=1000, blank=True)
    stuck_reasons = models.JSONField(default=list, blank=True)
    stuck_other = models.CharField(max_length=300, blank=True)
    via_link = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()}: {self.action}"


class PlanReminder(models.Model):
    """One reminder for one plan at one interval. The row is the claim, as for event reminders (ADR 006)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reminders")
    weeks = models.PositiveSmallIntegerField()
    claimed_at = models.DateTimeField()
    claim = models.CharField(max_length=32)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "weeks"], name="plan_reminder_once")]

    def __str__(self):
        return f"{self.weeks}-week reminder for {self.plan}"


class UpdateLink(models.Model):
    """The stored half of a signed update link: bound to one action, used once, until it expires."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="update_links")
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Update link for {self.action}"


class BuddyRequest(models.Model):
    """A participant of an event who would like a persistence buddy from it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="buddy_requests")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="buddy_request_once")]

    def __str__(self):
        return f"{self.person} would like a buddy from {self.event}"


class BuddyPairQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)

    def involving(self, person):
        return self.filter(Q(first=person) | Q(second=person))


class BuddyPair(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="buddy_pairs")
    first = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BuddyPairQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=~Q(first=models.F("second")), name="buddy_not_self")]

    def __str__(self):
        return f"{self.first} and {self.second}"

    def other(self, person):
        return self.second if person.pk == self.first_id else self.first


class PlanTemplate(models.Model):
    """What a facilitator suggests for plans written at one event: a title and ideas to start from."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="action_plan_template")
    title = models.CharField(max_length=200)
    introduction = models.TextField(max_length=2000, blank=True)
    suggestions = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"Plan template for {self.event}"
