"""People, the organisations they work for and the areas they work in."""

import hashlib
import secrets
import zoneinfo

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class Sector(models.TextChoices):
    SOCIAL_CARE = "social_care", "Social care"
    HEALTH = "health", "Health"
    VOLUNTARY = "voluntary", "Voluntary and community"
    PRIVATE = "private", "Private and independent"
    UNPAID_CARER = "unpaid_carer", "Unpaid carer"
    EDUCATION = "education", "Education"
    OTHER = "other", "Other"


class WorkSetting(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    COMMUNITY = "community", "Community"
    HOSPICE = "hospice", "Hospice"
    CARE_HOME = "care_home", "Care home"
    HOME_CARE = "home_care", "Home care"
    PRIMARY_CARE = "primary_care", "Primary care"
    OTHER = "other", "Other"


def time_zone_choices():
    """IANA zones people pick from; built at run time so tzdata updates need no migration."""
    zones = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/"))
    )
    return [(name, name.replace("_", " ")) for name in zones]


class JobRoleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class JobRole(models.Model):
    """A managed list, so administrators can add roles without a release."""

    slug = models.SlugField(unique=True, max_length=60)
    name = models.CharField(max_length=120)
    sort_order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField(default=True)

    objects = JobRoleQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    NHS = "nhs", "NHS body"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    VOLUNTARY = "voluntary", "Charity or voluntary organisation"
    PRIVATE = "private", "Private or independent provider"
    EDUCATION = "education", "Education or training provider"
    PROFESSIONAL_BODY = "professional_body", "Professional or accrediting body"
    FUNDER = "funder", "Funder"
    OTHER = "other", "Other"


class OrganisationQuerySet(models.QuerySet):
    def search(self, text):
        return self.filter(name__icontains=text) if text else self


class Organisation(models.Model):
    """An employer, partner, funder or accrediting body; its role in a programme lives there."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    website = models.URLField(blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AreaKind(models.TextChoices):
    COUNTRY = "country", "Country"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    STATE = "state", "State"


class AreaQuerySet(models.QuerySet):
    def local_authorities(self):
        return self.filter(kind=AreaKind.LOCAL_AUTHORITY)

    def places_people_work(self):
        """Areas a person can pick as where they work: local authorities and US states."""
        return self.filter(kind__in=[AreaKind.LOCAL_AUTHORITY, AreaKind.STATE])

    def within(self, area):
        """The area itself and everything below it (the tree is at most three deep)."""
        return self.filter(models.Q(pk=area.pk) | models.Q(parent=area) | models.Q(parent__parent=area))


class Area(models.Model):
    """Country, region, local authority (or US state): a tree of at most three levels."""

    name = models.CharField(max_length=120)
    code = models.CharField(max_length=20, unique=True, help_text="ONS or postal code")
    kind = models.CharField(max_length=20, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="area_unique_name_in_parent")]

    def __str__(self):
        return self.name


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_sector(self, sector):
        return self.filter(sector=sector)

    def in_area(self, area):
        return self.filter(area__in=Area.objects.within(area))

    def search(self, text):
        if not text:
            return self
        return self.filter(models.Q(full_name__icontains=text) | models.Q(email__icontains=text))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Email is the sign-in name."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    job_role = models.ForeignKey(
        JobRole, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    sector = models.CharField(max_length=20, choices=Sector.choices, blank=True)
    work_setting = models.CharField(max_length=20, choices=WorkSetting.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="people")
    time_zone = models.CharField(max_length=64, default="Europe/London")
    is_staff = models.BooleanField(
        default=False, help_text="Site administrator: stands above every programme."
    )
    is_active = models.BooleanField(default=True)
    is_demo = models.BooleanField(default=False, help_text="Demo account with a published password.")
    date_joined = models.DateTimeField(default=timezone.now)
    deletion_requested_at = models.DateTimeField(null=True, blank=True)
    deletion_reason = models.TextField(blank=True, help_text="What the person said when asking to leave.")

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_site_admin(self):
        return self.is_active and (self.is_staff or self.is_superuser)


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a hash is stored, so a database leak reveals no token."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    def __str__(self):
        return f"API token {self.pk} for {self.user}"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)
