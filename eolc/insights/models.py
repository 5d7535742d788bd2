"""Learning from each other: contributions, themes, key messages and practice examples.

A contribution is what someone said at an event (or on their own): what worked, what didn't, a
barrier or a solution. It is hidden until a facilitator reviews it, and its consent decides where
it may go: a contribution marked not for publication is read by the programme team only and never
reaches a public page or an export (`publishable()`). Themes group reviewed contributions; key
messages are drafted from themes and contributions and keep every published wording.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from eolc.accounts.models import Area, JobRole, Organisation, Sector
from eolc.events.models import Event
from eolc.programmes.models import Programme


class ContributionKind(models.TextChoices):
    WHAT_WORKED = "what_worked", "What worked"
    WHAT_DIDNT = "what_didnt", "What didn't work"
    BARRIER = "barrier", "Barrier"
    SOLUTION = "solution", "Solution"


class Consent(models.TextChoices):
    ANONYMOUS = "anonymous", "Use anonymously in reports"
    QUOTE = "quote", "May be quoted (without my name)"
    PRIVATE = "private", "Not for publication: for the programme team only"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class ContributionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReviewStatus.PENDING)

    def approved(self):
        return self.filter(status=ReviewStatus.APPROVED)

    def publishable(self):
        """Reviewed and approved, and the contributor did not ask to keep it out of publications."""
        return self.approved().exclude(consent=Consent.PRIVATE)

    def quotable(self):
        return self.approved().filter(consent=Consent.QUOTE)

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def in_sector(self, sector):
        return self.filter(sector=sector) if sector else self

    def in_programme(self, programme):
        return self.filter(programme=programme)

    def at_event(self, event):
        return self.filter(event=event)

    def by(self, person):
        return self.filter(contributor=person)

    def without_theme(self):
        return self.filter(themes__isnull=True)

    def barriers(self):
        return self.filter(kind=ContributionKind.BARRIER)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Contribution(models.Model):
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="contributions"
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    kind = models.CharField(max_length=20, choices=ContributionKind.choices)
    text = models.TextField(max_length=2000)
    barrier = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solutions",
        limit_choices_to={"kind": ContributionKind.BARRIER},
        help_text="For a solution: the barrier it answers",
    )
    # Copied from the profile (or chosen by the facilitator typing it in), so later profile changes
    # do not rewrite what was said where.
    sector = models.CharField(max_length=20, choices=Sector.choices, blank=True)
    job_role = models.ForeignKey(JobRole, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    consent = models.CharField(max_length=20, choices=Consent.choices)
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the identifying-details check flagged when the text was saved anyway, for the reviewer.
    flagged = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return self.text[:60]

    @property
    def is_publishable(self):
        return self.status == ReviewStatus.APPROVED and self.consent != Consent.PRIVATE


class ThemeQuerySet(models.QuerySet):
    def in_programme(self, programme):
        return self.filter(programme=programme)


class Theme(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    contributions = models.ManyToManyField(Contribution, blank=True, related_name="themes")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="theme_title_once_per_programme")
        ]

    def __str__(self):
        return self.title


class SuggestionStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class SuggestionRunQuerySet(models.QuerySet):
    def in_programme(self, programme):
        return self.filter(programme=programme)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class SuggestionRun(models.Model):
    """One background run of theme suggestion over a programme's reviewed contributions."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="theme_suggestion_runs")
    status = models.CharField(
        max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    method = models.CharField(max_length=20, blank=True)
    # [{"terms": [...], "contributions": [ids], "representatives": [ids]}, ...], largest first.
    clusters = models.JSONField(default=list, blank=True)
    accepted = models.JSONField(default=list, blank=True, help_text="Indexes of clusters made into themes")
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = SuggestionRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Theme suggestions for {self.programme} ({self.get_status_display()})"

    @property
    def is_working(self):
        return self.status in (SuggestionStatus.QUEUED, SuggestionStatus.RUNNING)


class MessageStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class KeyMessageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=MessageStatus.PUBLISHED)

    def drafts(self):
        return self.filter(status=MessageStatus.DRAFT)

    def in_programme(self, programme):
        return self.filter(programme=programme)

    def in_order(self):
        return self.order_by("position", "title")


class KeyMessage(models.Model):
    """A short message for the workforce, traced back to the themes and contributions behind it.

    `body` is the current wording; each published wording is kept as a KeyMessageVersion.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="key_messages")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    body = models.TextField(max_length=5000)
    position = models.PositiveSmallIntegerField(default=100, help_text="Order among the programme's messages")
    status = models.CharField(max_length=20, choices=MessageStatus.choices, default=MessageStatus.DRAFT)
    themes = models.ManyToManyField(Theme, blank=True, related_name="key_messages")
    contributions = models.ManyToManyField(Contribution, blank=True, related_name="key_messages")
    version = models.PositiveIntegerField(default=0, help_text="Number of the latest published wording")
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = KeyMessageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == MessageStatus.PUBLISHED

    def supporting_contributions(self):
        """Approved contributions behind the message: linked directly or through a supporting theme."""
        return Contribution.objects.approved().filter(
            Q(pk__in=self.contributions.values("pk"))
            | Q(
                pk__in=Theme.contributions.through.objects.filter(theme__in=self.themes.all()).values(
                    "contribution"
                )
            )
        )

    def support_by_sector(self, *, public: bool) -> list[tuple[str, int]]:
        """How many contributions from each sector support the message, largest first.

        Public counts leave out contributions whose authors asked for them not to be published.
        """
        contributions = self.supporting_contributions()
        if public:
            contributions = contributions.publishable()
        labels = dict(Sector.choices)
        rows = contributions.values("sector").annotate(count=Count("pk")).order_by("-count", "sector")
        return [(labels.get(row["sector"], "Not recorded"), row["count"]) for row in rows]


class KeyMessageVersion(models.Model):
    """A published wording of a key message, kept when it is edited and published again."""

    message = models.ForeignKey(KeyMessage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=5000)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["message", "-number"]
        constraints = [models.UniqueConstraint(fields=["message", "number"], name="key_message_version_once")]

    def __str__(self):
        return f"{self.message} (version {self.number})"


class PracticeCategory(models.TextChoices):
    EDUCATION = "education", "Education initiative"
    MEETING = "meeting", "Cross-sector meeting or working group"
    LIAISON = "liaison", "Liaison role"
    FORMAL_LINK = "formal_link", "Formal link between agencies"
    COMMISSIONING = "commissioning", "Joint commissioning"
    OTHER = "other", "Other"


class ExampleStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Not published"


class PracticeExampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ExampleStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=ExampleStatus.PENDING)

    def in_category(self, category):
        return self.filter(category=category) if category else self

    def in_area(self, area):
        return self.filter(area__in=Area.objects.within(area)) if area else self

    def involving(self, organisation):
        return self.filter(organisations=organisation).distinct() if organisation else self

    def search(self, text):
        if not text:
            return self
        query = Q()
        for word in text.split()[:8]:
            query &= (
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(outcomes__icontains=word)
                | Q(other_organisations__icontains=word)
            )
        return self.filter(query)

    def newest_first(self):
        return self.order_by("-published_at", "-created_at", "-pk")


class PracticeExample(models.Model):
    """A new project or collaboration others can learn from, published after review."""

    title = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=PracticeCategory.choices)
    summary = models.TextField(max_length=3000)
    outcomes = models.TextField(max_length=3000)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="practice_examples")
    other_organisations = models.CharField(max_length=300, blank=True)
    # Shown only when the contact agreed to be contacted by readers.
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_consent = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=ExampleStatus.choices, default=ExampleStatus.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeExampleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_consent=True) | (Q(contact_name="") & Q(contact_email="")),
                name="practice_contact_only_with_consent",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == ExampleStatus.PUBLISHED
