"""Programme → Part → Module → Activity, and what people complete and earn.

A Completion is the only source of CE credit and certificates; its hours are copied
from the part when it is recorded, so later edits to a part never change a transcript.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
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


# --- Modules and activities -------------------------------------------------------------------


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Module(models.Model):
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(max_length=200)
    number = models.PositiveSmallIntegerField(default=1, help_text="Order within the part")
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    domains = models.ManyToManyField(Domain, blank=True, related_name="modules")

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["part", "number", "pk"]

    def __str__(self):
        return self.title


class ActivityKind(models.TextChoices):
    VIDEO = "video", "Video"
    EXERCISE = "exercise", "Interactive exercise"
    REFLECTION = "reflection", "Reflective question"
    RESOURCE = "resource", "Resource"
    POST_TEST = "post_test", "Post-test"


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """Published activities in published modules: what learners see."""
        return self.filter(status=Status.PUBLISHED, module__status=Status.PUBLISHED)

    def in_part(self, part):
        return self.filter(module__part=part)

    def required(self):
        return self.filter(required=True)


class Activity(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    number = models.PositiveSmallIntegerField(default=1, help_text="Order within the module")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    required = models.BooleanField(default=True, help_text="Needed to complete the part")
    domains = models.ManyToManyField(Domain, blank=True, related_name="activities")
    content_warning = models.CharField(
        max_length=300, blank=True, help_text="Shown before the content, e.g. “This story describes a death”"
    )
    body = models.TextField(blank=True, help_text="Introduction, instructions or the reflective question")
    video_url = models.CharField(max_length=500, blank=True, help_text="Address of the video file")
    captions = models.TextField(blank=True, help_text="Captions in WebVTT format")
    transcript = models.TextField(blank=True, help_text="A full transcript of the video")
    resource_url = models.URLField(max_length=500, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        default=80, validators=[MaxValueValidator(100)], help_text="Post-test: percentage needed to pass"
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["module", "number", "pk"]
        verbose_name_plural = "activities"
        constraints = [
            models.CheckConstraint(condition=models.Q(pass_mark__lte=100), name="activity_pass_mark_percent")
        ]

    def __str__(self):
        return self.title

    @property
    def part(self):
        return self.module.part

    @property
    def has_questions(self):
        return self.kind in (ActivityKind.EXERCISE, ActivityKind.POST_TEST)


class Question(models.Model):
    """A multiple-choice question of an exercise or post-test. In an exercise a choice may lead
    to another question, which makes a branching story."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(default=1)
    prompt = models.TextField()

    class Meta:
        ordering = ["activity", "number", "pk"]

    def __str__(self):
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    number = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=500)
    correct = models.BooleanField(default=False)
    feedback = models.TextField(blank=True, help_text="Shown after this choice is picked")
    leads_to = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Branching"
    )

    class Meta:
        ordering = ["question", "number", "pk"]

    def __str__(self):
        return self.text


# --- Learners ---------------------------------------------------------------------------------


class EnrolmentQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)


class Enrolment(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["enrolled_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["person", "part"], name="enrolment_once_per_part")]

    def __str__(self):
        return f"{self.person} enrolled on {self.part}"


class ProgressStatus(models.TextChoices):
    STARTED = "started", "Started"
    DONE = "done", "Done"


class ActivityProgressQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)

    def done(self):
        return self.filter(status=ProgressStatus.DONE)


class ActivityProgress(models.Model):
    """Where one person is with one activity. `draft` keeps a reflective answer as it is typed,
    so a validation error or an expired session never loses it."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.STARTED)
    draft = models.TextField(blank=True)
    answer = models.TextField(blank=True, help_text="Reflective answer; private to the learner")
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Post-test: best percentage")
    passed = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ActivityProgressQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "activity"], name="progress_once_per_activity")
        ]

    def __str__(self):
        return f"{self.person} — {self.activity}: {self.get_status_display()}"


# --- Credit -----------------------------------------------------------------------------------


class CreditScheme(models.Model):
    """A scheme under which hours count, e.g. NASW CE or Social Work England CPD."""

    name = models.CharField(max_length=120, unique=True)
    accrediting_body = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="credit_schemes"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartCredit(models.Model):
    """Hours a part earns under one scheme in one category. Hours are exact decimals."""

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="credits")
    scheme = models.ForeignKey(CreditScheme, on_delete=models.PROTECT, related_name="part_credits")
    category = models.CharField(max_length=120, help_text="e.g. Pain and symptom management")
    hours = models.DecimalField(max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])

    class Meta:
        ordering = ["part", "scheme__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["part", "scheme", "category"], name="part_credit_unique"),
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="part_credit_hours_not_negative"),
        ]

    def __str__(self):
        return f"{self.part}: {self.hours} {self.scheme} ({self.category})"


class CompletionCredit(models.Model):
    """A part's credit as it stood on the day of completion; names are copied, not linked."""

    completion = models.ForeignKey("Completion", on_delete=models.CASCADE, related_name="credits")
    scheme = models.CharField(max_length=120)
    category = models.CharField(max_length=120)
    hours = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["completion", "scheme", "pk"]

    def __str__(self):
        return f"{self.hours} {self.scheme} ({self.category})"


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


# --- Certificates and reflections -------------------------------------------------------------

# Crockford's base32 without look-alikes: codes are read aloud and typed from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def certificate_code_new() -> str:
    """80 random bits from `secrets`, shown as four groups of four characters."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    completion = models.OneToOneField(Completion, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(max_length=19, unique=True, default=certificate_code_new)
    issued_at = models.DateTimeField(default=timezone.now)
    accrediting_body = models.CharField(max_length=200, blank=True, help_text="Copied at issue")
    approval_number = models.CharField(max_length=100, blank=True, help_text="Copied at issue")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["issued_at", "pk"]

    def __str__(self):
        return self.code

    @property
    def is_valid(self):
        return self.revoked_at is None


class ReflectionQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)


class Reflection(models.Model):
    """A learner's written reflection on a completed activity or part: CPD evidence, private."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="reflections")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="reflections"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Reflection by {self.person} on {self.activity or self.part}"
