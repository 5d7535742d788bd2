"""A programme's champions network, its tracked invitation links, and the people who join it."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from eolc.accounts.models import Area
from eolc.champions.models.consent import ConsentField, ConsentRecord
from eolc.curriculum.models import Domain
from eolc.programmes.models import Programme


class Network(models.Model):
    """A programme's champions network; its invitation is public only while it is open."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="champion_network")
    invitation_open = models.BooleanField(default=True)
    invitation_text = models.TextField(
        blank=True, help_text="Shown on the public invitation page, under what a champion does"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Champions network — {self.programme}"


class InvitationSource(models.Model):
    """Where an invitation link was shared (a mailing, a newsletter), so staff see what works."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="sources")
    code = models.SlugField(max_length=40, help_text="Appears in the link as ?src=<code>")
    label = models.CharField(max_length=120)
    visits = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["label"]
        constraints = [models.UniqueConstraint(fields=["network", "code"], name="invitation_source_unique")]

    def __str__(self):
        return self.label


class Motivation(models.TextChoices):
    EXPERIENCE = "experience", "Experience: I have cared for someone or worked with people at the end of life"
    EXPERTISE = "expertise", "Expertise: end-of-life care is part of my professional role"
    ENTHUSIASM = "enthusiasm", "Enthusiasm: I want to help improve care where I live or work"


class ChampionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACTIVE = "active", "Active"
    LEFT = "left", "Left the network"


class Activation(models.TextChoices):
    ATTENDANCE = "attendance", "Attended a champion event"
    APPROVAL = "approval", "Approved by the programme team"


class ChampionQuerySet(models.QuerySet):
    def in_programme(self, programme):
        return self.filter(network__programme=programme)

    def active(self):
        return self.filter(status=ChampionStatus.ACTIVE)

    def pending(self):
        return self.filter(status=ChampionStatus.PENDING)

    def of_person(self, person):
        return self.filter(person=person)

    def in_area(self, area):
        return self.filter(person__area__in=Area.objects.within(area))

    def in_sector(self, sector):
        return self.filter(person__sector=sector)

    def with_job_role(self, job_role):
        return self.filter(person__job_role=job_role)

    def interested_in(self, domain):
        return self.filter(interests=domain)

    def search(self, text):
        return self.filter(person__full_name__icontains=text) if text else self

    def with_sharing(self, audiences):
        """Annotate `shares_<field>` (bool) for each field: granted to any of `audiences` right now.

        The value is the newest ledger row per field and audience, computed in the same query as
        the list, so there is nothing to go stale. No row at all means not shared.
        """
        latest, shares = {}, {}
        for field in ConsentField.values:
            granted_to_any = Q(pk__in=[])
            for audience in audiences:
                name = f"_latest_{field}_{audience}"
                latest[name] = Subquery(
                    ConsentRecord.objects.filter(champion=OuterRef("pk"), field=field, audience=audience)
                    .newest_first()
                    .values("granted")[:1]
                )
                granted_to_any |= Q(**{name: True})
            shares[f"shares_{field}"] = models.Case(
                models.When(granted_to_any, then=True), default=False, output_field=models.BooleanField()
            )
        return self.annotate(**latest).annotate(**shares)

    def directory_order(self):
        return self.order_by("person__full_name", "pk")


class Champion(models.Model):
    """A person in a programme's champions network. They may join only once per programme."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="champions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="championships"
    )
    status = models.CharField(max_length=20, choices=ChampionStatus.choices, default=ChampionStatus.PENDING)
    motivations = models.JSONField(default=list, help_text="Experience, expertise or enthusiasm")
    statement = models.TextField(blank=True, help_text="What the person brings, in their own words")
    interests = models.ManyToManyField(Domain, blank=True, related_name="champions")
    phone = models.CharField(max_length=30, blank=True)
    job_title = models.CharField(max_length=120, blank=True, help_text="In the person's own words")
    bio = models.CharField(max_length=500, blank=True)
    source = models.ForeignKey(
        InvitationSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="champions"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    activated_at = models.DateTimeField(null=True, blank=True)
    activated_by = models.CharField(max_length=20, choices=Activation.choices, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    left_at = models.DateTimeField(null=True, blank=True)

    objects = ChampionQuerySet.as_manager()

    class Meta:
        ordering = ["person__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["network", "person"], name="champion_once_per_network")
        ]

    def __str__(self):
        return f"{self.person} — {self.network.programme}"

    @property
    def is_active(self):
        return self.status == ChampionStatus.ACTIVE

    @property
    def has_left(self):
        return self.status == ChampionStatus.LEFT

    def motivation_labels(self):
        return [Motivation(value).label for value in self.motivations if value in Motivation.values]
