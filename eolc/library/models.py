"""The training pack: library resources, role pages, faith guides, session plans and delivered sessions.

Roles and faith guides are reference content written once and read by everyone signed in; resources
and session plans belong to a programme (or, for resources, to the whole site); a delivered session
is a trainer's record of a learning session run outside the platform's events, read by reports.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone

from eolc.accounts.models import Area, Sector
from eolc.curriculum.models import Domain
from eolc.library import search
from eolc.library.uploads import FileType
from eolc.programmes.models import Programme


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


# --- Understanding roles ----------------------------------------------------------------------


class CareRoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class CareRole(models.Model):
    """A role in end-of-life care (the person receiving care counts as one), with its guide page.

    Slugs are shared vocabulary: scenario nodes are tagged with them.
    """

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    number = models.PositiveSmallIntegerField(default=1, help_text="Order in lists and the matrix")
    summary = models.CharField(max_length=300, help_text="One sentence for lists")
    what_they_do = models.TextField()
    when_involved = models.TextField()
    needs_from_others = models.TextField()
    how_to_reach = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CareRoleQuerySet.as_manager()

    class Meta:
        ordering = ["number", "name"]

    def __str__(self):
        return self.name


class CareTask(models.TextChoices):
    """The columns of the "who does what" matrix: the work around a person at the end of life."""

    WISHES = "wishes", "Talking about wishes and planning ahead"
    SYMPTOMS = "symptoms", "Managing symptoms and medicines"
    PERSONAL_CARE = "personal_care", "Personal care day to day"
    NOTICING = "noticing", "Noticing changes and raising concerns"
    CARER_SUPPORT = "carer_support", "Supporting family and carers"
    FUNDING = "funding", "Arranging care packages and funding"
    EQUIPMENT = "equipment", "Equipment and adaptations at home"
    BEREAVEMENT = "bereavement", "Bereavement support"


class Involvement(models.TextChoices):
    LEADS = "leads", "Leads"
    SUPPORTS = "supports", "Supports"


class Responsibility(models.Model):
    """One cell of the matrix: how a role is involved in a task. No row means not usually involved."""

    role = models.ForeignKey(CareRole, on_delete=models.CASCADE, related_name="responsibilities")
    task = models.CharField(max_length=30, choices=CareTask.choices)
    involvement = models.CharField(max_length=20, choices=Involvement.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role", "task"], name="library_one_cell_per_role_task")
        ]

    def __str__(self):
        return f"{self.role}: {self.get_task_display()} ({self.get_involvement_display()})"


# --- Faith and culture perspectives -----------------------------------------------------------


class FaithGuideQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class FaithGuide(models.Model):
    """A short guide for non-specialist staff supporting someone of a faith or belief and their family."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    number = models.PositiveSmallIntegerField(default=1)
    introduction = models.TextField()
    talking_about_death = models.TextField()
    care_before_death = models.TextField()
    at_time_of_death = models.TextField()
    after_death = models.TextField(help_text="After death and bereavement")
    practical_points = models.TextField(help_text="Practical points for non-specialist staff")
    sources = models.TextField(help_text="One source per line: titles of well-known public sources")
    review_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FaithGuideQuerySet.as_manager()

    class Meta:
        ordering = ["number", "title"]

    def __str__(self):
        return self.title

    @property
    def review_overdue(self) -> bool:
        return self.review_date < timezone.localdate()

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


# --- Resources --------------------------------------------------------------------------------


class ResourceKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    FILM = "film", "Film"
    ROLE_GUIDE = "role_guide", "Role guide"
    FAITH_GUIDE = "faith_guide", "Faith perspective guide"
    SESSION_PLAN = "session_plan", "Session plan"
    BEST_PRACTICE = "best_practice", "Best practice guide"
    EVALUATION = "evaluation", "Evaluation report"
    LINK = "link", "Link"


# What a file of each kind may be, checked by content (see uploads.py). Links carry no file.
ALLOWED_FILE_TYPES = {
    ResourceKind.FILM: (FileType.MP4, FileType.WEBM),
    ResourceKind.LINK: (),
}
DOCUMENT_FILE_TYPES = (FileType.PDF, FileType.DOCX)


def allowed_file_types(kind) -> tuple:
    return ALLOWED_FILE_TYPES.get(kind, DOCUMENT_FILE_TYPES)


class Audience(models.TextChoices):
    FRONT_LINE = "front_line", "Front-line workers"
    TRAINER = "trainer", "Trainers"
    MANAGER = "manager", "Managers"


class Licence(models.TextChoices):
    OGL = "ogl-3", "Open Government Licence v3.0"
    CC_BY = "cc-by-4", "Creative Commons Attribution 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0"
    PROGRAMME_ONLY = "programme-only", "For use within this programme only"
    ALL_RIGHTS = "all-rights", "All rights reserved (link only)"


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_audience(self, audience):
        return self.filter(**{f"for_{audience}": True})

    def in_domain(self, domain):
        return self.filter(domains=domain)

    def for_role(self, role):
        return self.filter(roles=role)

    def in_programme(self, programme):
        return self.filter(programme=programme)

    def search(self, text):
        """Resources matching every word, by title, summary, body or transcript; best first on PostgreSQL."""
        return search.matching(self, text)

    def most_downloaded(self):
        return self.order_by("-download_count", "title")


def _stored_name(instance, filename):
    """A name we choose: the uploader's file name never reaches the file system."""
    return f"library/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{instance.file_extension}"


class Resource(models.Model):
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    summary = models.CharField(max_length=300, help_text="One or two sentences shown in search results")
    body = models.TextField(blank=True, help_text="What it is, who it is for and how to use it")
    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resources",
        help_text="Empty: shared with everyone signed in",
    )
    for_front_line = models.BooleanField(default=False)
    for_trainer = models.BooleanField(default=False)
    for_manager = models.BooleanField(default=False)
    domains = models.ManyToManyField(Domain, blank=True, related_name="resources")
    roles = models.ManyToManyField(CareRole, blank=True, related_name="resources")
    licence = models.CharField(max_length=30, choices=Licence.choices, default=Licence.PROGRAMME_ONLY)
    content_warning = models.CharField(max_length=300, blank=True)
    version = models.CharField(max_length=30, default="1.0")
    review_date = models.DateField(null=True, blank=True)
    file = models.FileField(upload_to=_stored_name, max_length=200, blank=True)
    file_name = models.CharField(max_length=120, blank=True, help_text="Safe name offered on download")
    file_type = models.CharField(max_length=100, blank=True, help_text="Media type found by content")
    file_size = models.PositiveBigIntegerField(default=0)
    url = models.URLField(max_length=500, blank=True, help_text="For links and films hosted elsewhere")
    captions = models.TextField(blank=True, help_text="Films: captions in WebVTT format")
    transcript = models.TextField(blank=True, help_text="Films: a full transcript")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    download_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            # The rule services enforce, held by the database too: no published film without access aids.
            models.CheckConstraint(
                condition=~Q(kind=ResourceKind.FILM, status=Status.PUBLISHED)
                | (~Q(captions="") & ~Q(transcript="")),
                name="library_published_film_has_captions_and_transcript",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def file_extension(self) -> str:
        found = FileType.from_mime(self.file_type)
        return found.extension if found else ""

    @property
    def review_overdue(self) -> bool:
        return self.review_date is not None and self.review_date < timezone.localdate()

    @property
    def audiences(self) -> list[str]:
        return [label for value, label in Audience.choices if getattr(self, f"for_{value}")]

    def publish_problems(self) -> list[str]:
        """Why this resource cannot be published yet (empty when it can)."""
        problems = []
        if self.kind == ResourceKind.LINK and not self.url:
            problems.append("Add the address the link points to.")
        elif self.kind == ResourceKind.FILM:
            if not self.file and not self.url:
                problems.append("Upload the film or give the address where it is hosted.")
            if not self.captions.strip():
                problems.append("Add captions: a film cannot be published without them.")
            if not self.transcript.strip():
                problems.append("Add a transcript: a film cannot be published without one.")
        elif self.kind != ResourceKind.LINK and not self.file and not self.url:
            problems.append("Upload the document or give the address where it is published.")
        if not (self.for_front_line or self.for_trainer or self.for_manager):
            problems.append("Choose at least one audience.")
        return problems


# --- Trainer pack: session plans ----------------------------------------------------------------


class SessionPlanQuerySet(models.QuerySet):
    def in_programmes(self, programmes):
        return self.filter(programme__in=programmes)


class SessionPlan(models.Model):
    """A timed plan for the learning session; its sections must add up to its length."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="session_plans")
    title = models.CharField(max_length=200)
    minutes = models.PositiveSmallIntegerField(default=90, help_text="Length of the session")
    aim = models.TextField(blank=True)
    linked_key_messages = models.ManyToManyField(
        "insights.KeyMessage", blank=True, related_name="session_plans", help_text="Key messages it teaches"
    )
    key_messages = models.TextField(blank=True, help_text="Other messages, one per line")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def key_message_list(self) -> list[str]:
        return [line.strip() for line in self.key_messages.splitlines() if line.strip()]


class PlanSection(models.Model):
    plan = models.ForeignKey(SessionPlan, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    minutes = models.PositiveSmallIntegerField()
    activity = models.TextField(help_text="What happens and what people do")
    notes = models.TextField(blank=True, help_text="Notes for the trainer")
    resources = models.ManyToManyField(Resource, blank=True, related_name="plan_sections")

    class Meta:
        ordering = ["plan", "number"]

    def __str__(self):
        return self.title


# --- Trainer pack: delivered sessions -------------------------------------------------------------

# Attendee counts are kept per sector (the domain's sector slugs), one column each.
SECTOR_COUNT_FIELDS = {sector.value: f"attendees_{sector.value}" for sector in Sector}


class DeliveredSessionQuerySet(models.QuerySet):
    def for_programme(self, programme):
        return self.filter(programme=programme)

    def by_trainer(self, person):
        return self.filter(trainer=person)

    def between(self, start=None, end=None):
        sessions = self
        if start is not None:
            sessions = sessions.filter(delivered_on__gte=start)
        if end is not None:
            sessions = sessions.filter(delivered_on__lte=end)
        return sessions

    def in_area(self, area):
        return self.filter(area__in=Area.objects.within(area))

    def totals_by_sector(self) -> dict[str, int]:
        """Attendees per sector slug across these sessions (every sector present, zero if none)."""
        sums = self.aggregate(**{sector: Sum(field) for sector, field in SECTOR_COUNT_FIELDS.items()})
        return {sector: sums[sector] or 0 for sector in SECTOR_COUNT_FIELDS}

    def total_attendees(self) -> int:
        return sum(self.totals_by_sector().values())


class DeliveredSession(models.Model):
    """A learning session a trainer ran outside the platform's events, counted in reports."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="delivered_sessions")
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delivered_sessions"
    )
    plan = models.ForeignKey(
        SessionPlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    delivered_on = models.DateField()
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="delivered_sessions")
    venue = models.CharField(max_length=200, blank=True)
    attendees_social_care = models.PositiveIntegerField(default=0)
    attendees_health = models.PositiveIntegerField(default=0)
    attendees_voluntary = models.PositiveIntegerField(default=0)
    attendees_private = models.PositiveIntegerField(default=0)
    attendees_unpaid_carer = models.PositiveIntegerField(default=0)
    attendees_education = models.PositiveIntegerField(default=0)
    attendees_other = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveredSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-delivered_on", "-pk"]

    def __str__(self):
        return f"{self.delivered_on:%d %b %Y}, {self.area}"

    @property
    def attendees_by_sector(self) -> dict[str, int]:
        return {sector: getattr(self, field) for sector, field in SECTOR_COUNT_FIELDS.items()}

    @property
    def total_attendees(self) -> int:
        return sum(self.attendees_by_sector.values())
