"""Mentors, the monthly groups they lead, who is matched to them, and what is said there.

A group's meetings are ordinary events (kind "mentoring") in an events Series, so places,
calendars, reminders and attendance work as they do everywhere else. Session notes belong to
the mentor who wrote them and nobody else: not mentees, not other mentors, not administrators.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eolc.accounts.models import Area, WorkSetting
from eolc.curriculum.models import Domain, Part
from eolc.events.models import Event, Series, TimeOfDay
from eolc.programmes.models import Programme


def validate_settings(value):
    if not isinstance(value, list) or not set(value) <= set(WorkSetting.values):
        raise ValidationError("Choose work settings from the list.")


def validate_times(value):
    if not isinstance(value, list) or not value or not set(value) <= set(TimeOfDay.values):
        raise ValidationError("Choose at least one time of day.")


class MentorStatus(models.TextChoices):
    APPLIED = "applied", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Not approved"


class MentorQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MentorStatus.APPROVED)

    def waiting(self):
        return self.filter(status=MentorStatus.APPLIED)

    def in_programme(self, programme):
        return self.filter(programme=programme)


class Mentor(models.Model):
    """An experienced practitioner who offered to mentor in a programme; admins approve them."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="mentors")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_roles"
    )
    status = models.CharField(max_length=20, choices=MentorStatus.choices, default=MentorStatus.APPLIED)
    capacity = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text="How many mentees you can support at once, across all your groups",
    )
    work_settings = models.JSONField(default=list, blank=True, validators=[validate_settings])
    specialisms = models.ManyToManyField(Domain, blank=True, related_name="mentors")
    experience = models.TextField(help_text="Your palliative care practice and what you can offer")
    applied_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MentorQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "person__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "person"], name="mentor_once_per_programme")
        ]

    def __str__(self):
        return f"{self.person} — mentor in {self.programme}"

    @property
    def is_approved(self):
        return self.status == MentorStatus.APPROVED

    def setting_labels(self) -> list[str]:
        labels = dict(WorkSetting.choices)
        return [labels[value] for value in self.work_settings if value in labels]


class GroupQuerySet(models.QuerySet):
    def for_part(self, part):
        return self.filter(part=part)

    def led_by(self, person):
        return self.filter(mentor__person=person)

    def with_mentee(self, person):
        return self.filter(pk__in=Mentee.objects.placed().filter(person=person).values("group"))

    def with_member_counts(self):
        return self.annotate(
            member_count=models.Count("mentees", filter=Q(mentees__status="placed"), distinct=True)
        )


class MentoringGroup(models.Model):
    """A small group that meets monthly with one mentor; its meetings are a Series of events."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="mentoring_groups")
    part = models.ForeignKey(Part, on_delete=models.PROTECT, related_name="mentoring_groups")
    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="groups")
    series = models.OneToOneField(Series, on_delete=models.PROTECT, related_name="mentoring_group")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(2), MaxValueValidator(20)])
    work_setting = models.CharField(
        max_length=20, choices=WorkSetting.choices, blank=True, help_text="Focus of the group; blank for any"
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Blank for anywhere",
    )
    online = models.BooleanField(default=True)
    time_of_day = models.CharField(max_length=20, choices=TimeOfDay.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def meetings(self):
        return Event.objects.filter(series=self.series).chronological()


class MenteeStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for a group"
    PLACED = "placed", "In a group"
    LEFT = "left", "Left"


class MenteeQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=MenteeStatus.WAITING)

    def placed(self):
        return self.filter(status=MenteeStatus.PLACED)

    def for_part(self, part):
        return self.filter(part=part)

    def first_come(self):
        return self.order_by("created_at", "pk")


class Mentee(models.Model):
    """A person's sign-up for a mentorship part, with what matching needs, and their group once placed."""

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="mentees")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_places"
    )
    status = models.CharField(max_length=20, choices=MenteeStatus.choices, default=MenteeStatus.WAITING)
    times = models.JSONField(validators=[validate_times], help_text="Times of day the person can meet")
    online_ok = models.BooleanField(default=True)
    work_setting = models.CharField(max_length=20, choices=WorkSetting.choices, blank=True)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey(
        MentoringGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentees"
    )
    created_at = models.DateTimeField(default=timezone.now)
    placed_at = models.DateTimeField(null=True, blank=True)

    objects = MenteeQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["part", "person"], name="mentee_once_per_part"),
            models.CheckConstraint(
                condition=~Q(status=MenteeStatus.PLACED) | Q(group__isnull=False),
                name="mentee_placed_has_group",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.part} ({self.get_status_display()})"

    def time_labels(self) -> list[str]:
        labels = dict(TimeOfDay.choices)
        return [labels[value] for value in self.times if value in labels]


class SessionNoteQuerySet(models.QuerySet):
    def by(self, person):
        return self.filter(author=person)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class SessionNote(models.Model):
    """A mentor's own notes on a group or one meeting. Only the author may ever read them."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="notes")
    meeting = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = SessionNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Note on {self.group} ({self.created_at:%Y-%m-%d})"


class Feedback(models.Model):
    """What a mentee thought of one meeting. Mentors and administrators see it without names."""

    meeting = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentoring_feedback")
    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    useful = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="feedback_once_per_meeting"),
            models.CheckConstraint(
                condition=Q(useful__gte=1) & Q(useful__lte=5), name="feedback_useful_1_to_5"
            ),
        ]

    def __str__(self):
        return f"Feedback on {self.meeting}"
