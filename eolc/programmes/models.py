"""Programmes, who runs them, when and where, and who holds which role in each."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from eolc.accounts.models import Area, Organisation


class Role(models.TextChoices):
    ADMIN = "admin", "Programme administrator"
    FACILITATOR = "facilitator", "Facilitator or trainer"
    CHAMPION = "champion", "Champion"
    MENTOR = "mentor", "Mentor"
    LEARNER = "learner", "Learner"
    COMMISSIONER = "commissioner", "Commissioner"


# Roles that see other people's personal data, so they must use MFA.
STAFF_ROLES = frozenset({Role.ADMIN, Role.FACILITATOR, Role.MENTOR})


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programmes a person may open: site admins see all, others those they belong to."""
        if not user.is_authenticated:
            return self.none()
        if user.is_site_admin:
            return self
        # A subquery, not a join: annotations over memberships must count every member.
        return self.filter(pk__in=Membership.objects.filter(person=user).values("programme"))

    def with_role(self, user, *roles):
        if not user.is_authenticated:
            return self.none()
        if user.is_site_admin:
            return self
        return self.filter(pk__in=Membership.objects.filter(person=user, role__in=roles).values("programme"))

    def active_on(self, day):
        return self.filter(phases__starts_on__lte=day, phases__ends_on__gte=day).distinct()


class Programme(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField()
    organisations = models.ManyToManyField(
        Organisation, through="ProgrammeOrganisation", related_name="programmes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        super().save(*args, **kwargs)


class OrganisationRelation(models.TextChoices):
    OWNER = "owner", "Owner"
    PARTNER = "partner", "Partner"
    FUNDER = "funder", "Funder"
    ACCREDITOR = "accreditor", "Accrediting body"


class ProgrammeOrganisation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="programme_links")
    relation = models.CharField(max_length=20, choices=OrganisationRelation.choices)

    class Meta:
        ordering = ["relation", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation", "relation"],
                name="programme_organisation_unique",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_relation_display()}) — {self.programme}"


class PhaseQuerySet(models.QuerySet):
    def current(self, day=None):
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Phase(models.Model):
    """A stretch of a programme with its own dates and target areas (e.g. boroughs)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField()
    target_areas = models.ManyToManyField(Area, blank=True, related_name="phases")

    objects = PhaseQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="phase_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.programme}: {self.name}"


class MembershipQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)

    def with_role(self, *roles):
        return self.filter(role__in=roles)


class Membership(models.Model):
    """A person's role in one programme. A person may hold several roles in the same programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "role"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "person", "role"], name="membership_unique_role")
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.programme}"
