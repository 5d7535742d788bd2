"""The consent ledger (ADR 015): what each champion agreed to share, and with whom.

Rows are only ever added, and what a person shares *now* is the latest row for each field and
audience. Every page, export and API response reads it through
`ChampionQuerySet.with_sharing()`, so a withdrawal takes effect on the next request.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class ConsentField(models.TextChoices):
    EMAIL = "email", "Email address"
    PHONE = "phone", "Phone number"
    ORGANISATION = "organisation", "Organisation"
    JOB_TITLE = "job_title", "Job title"
    BIO = "bio", "Short bio"
    MESSAGES = "messages", "Messages through the platform"


class Audience(models.TextChoices):
    CHAMPIONS = "champions", "Other champions and the programme team"
    MEMBERS = "members", "Everyone signed in to the programme"


class ConsentMethod(models.TextChoices):
    WEB = "web", "Web form"
    API = "api", "API"
    ADMIN = "admin", "Recorded by the programme team on the person's behalf"


# The exact sentence a person saw, by version. A version is never edited once used: new wording
# gets a new key, and the ledger keeps pointing at what was shown.
CONSENT_WORDING = {
    "2026-11": (
        "I agree that {audience_lower} may see my {field_lower} in the champions network of "
        "{programme}. I can withdraw this at any time and it stops being shown straight away."
    ),
}
MESSAGES_WORDING = {
    "2026-11": (
        "I agree that {audience_lower} may send me messages through {programme}'s champions network. "
        "My email address stays hidden unless I choose to reply with it."
    ),
}
CURRENT_WORDING_VERSION = "2026-11"


def consent_wording(*, field: str, audience: str, programme, version: str = CURRENT_WORDING_VERSION) -> str:
    template = (MESSAGES_WORDING if field == ConsentField.MESSAGES else CONSENT_WORDING)[version]
    return template.format(
        audience_lower=Audience(audience).label.lower(),
        field_lower=ConsentField(field).label.lower(),
        programme=programme,
    )


class ConsentRecordQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-recorded_at", "-pk")

    def for_champion(self, champion):
        return self.filter(champion=champion)

    def update(self, **kwargs):
        raise TypeError("Consent records are append-only; record a new one instead")

    def delete(self):
        raise TypeError("Consent records are append-only; they go only when the champion is deleted")


class ConsentRecord(models.Model):
    """One decision: this champion gave (or withdrew) this field to this audience, at this time."""

    # Named by string: Champion's queryset reads this ledger, so the network module imports this one.
    champion = models.ForeignKey("champions.Champion", on_delete=models.CASCADE, related_name="consents")
    field = models.CharField(max_length=20, choices=ConsentField.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    granted = models.BooleanField()
    wording_version = models.CharField(max_length=20)
    method = models.CharField(max_length=10, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["champion", "field", "audience", "-recorded_at"])]

    def __str__(self):
        verb = "gave" if self.granted else "withdrew"
        return f"{self.champion.person} {verb} {self.field} to {self.audience} at {self.recorded_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Consent records are append-only; record a new one instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Consent records are append-only")

    @property
    def wording(self):
        return consent_wording(
            field=self.field,
            audience=self.audience,
            programme=self.champion.network.programme,
            version=self.wording_version,
        )
