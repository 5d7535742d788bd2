"""Programme → Part → Module → Activity, and what people complete and earn.

A Completion is the only source of CE credit and certificates; its hours are copied
from the part when it is recorded, so later edits to a part never change a transcript.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from eolc.accounts.models import Organisation
from eolc.programmes.models import Programme


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Domain(models.Model):
    """One of the eight domains of palliative care (seeded by migration)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    number = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return self.name


class PartKind(models.TextChoices):
    SELF_PACED = "self_paced", "Self-paced online"
    LIVE = "live", "Live instructor-led"
    SERIES = "series", "Live series"
    MENTORSHIP = "mentorship", "Mentorship"


class PartQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def in_programme(self, programme):
        return self.filter(programme=programme)


class Part(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="parts")
    title = models.CharField(max_length=200)
    number = models.PositiveSmallIntegerField(default=1, help_text="Order within the programme")
    kind = models.CharField(max_length=20, choices=PartKind.choices)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    ce_hours = models.DecimalField(
        max_digits=6, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    requires = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by", help_text="Parts to complete first"
    )
    required_meetings = models.PositiveSmallIntegerField(
        default=0, help_text="Mentorship: meetings to attend for completion (0 = every scheduled one)"
    )
    accrediting_body = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="accredited_parts"
    )
    approval_number = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PartQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "number", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ce_hours__gte=0), name="part_ce_hours_not_negative")
        ]

    def __str__(self):
        return self.title


class CompletionSource(models.TextChoices):
    SELF_PACED = "self_paced", "Online activities and post-test"
    ATTENDANCE = "attendance", "Attendance"
    IMPORTED = "imported", "Recorded by a programme administrator"


class CompletionQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)


class Completion(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions")
    part = models.ForeignKey(Part, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()
    source = models.CharField(max_length=20, choices=CompletionSource.choices)
    ce_hours = models.DecimalField(
        max_digits=6, decimal_places=2, help_text="Copied from the part when recorded"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompletionQuerySet.as_manager()

    class Meta:
        ordering = ["completed_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["person", "part"], name="completion_once_per_part")]

    def __str__(self):
        return f"{self.person} completed {self.part}"
