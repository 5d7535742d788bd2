"""A programme's project and strategic groups, and consultations on drafts."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eolc.accounts.models import User
from eolc.champions.models.network import Champion
from eolc.programmes.models import Programme


class Group(models.TextChoices):
    PROJECT = "project", "Project group"
    STRATEGIC = "strategic", "Strategic group"


class Consultees(models.TextChoices):
    """Who a consultation can be sent to: the two groups, or the whole champions network."""

    CHAMPIONS = "champions", "All active champions"
    PROJECT = "project", "Project group"
    STRATEGIC = "strategic", "Strategic group"


class GroupMembershipQuerySet(models.QuerySet):
    def in_programme(self, programme):
        return self.filter(programme=programme)

    def of_group(self, group):
        return self.filter(group=group)


class GroupMembership(models.Model):
    """A person's seat on a programme's project group or strategic group."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="group_memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=20, choices=Group.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "person", "group"], name="group_membership_once")
        ]

    def __str__(self):
        return f"{self.person} — {self.get_group_display()} — {self.programme}"


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved as it is"
    AMENDED = "amended", "Approved with changes"
    REWORK = "rework", "Sent back for more work"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ConsultationQuerySet(models.QuerySet):
    def in_programme(self, programme):
        return self.filter(programme=programme)

    def sent_to(self, person):
        """Consultations whose consultees include the person, through a group seat or as a champion."""
        seats = GroupMembership.objects.filter(person=person)
        championed = Champion.objects.active().filter(person=person).values("network__programme")
        return self.filter(
            Q(to_project_group=True, programme__in=seats.filter(group=Group.PROJECT).values("programme"))
            | Q(
                to_strategic_group=True, programme__in=seats.filter(group=Group.STRATEGIC).values("programme")
            )
            | Q(to_champions=True, programme__in=championed)
        )

    def open_on(self, day):
        return self.filter(closes_on__gte=day, outcome="")

    def about(self, subject):
        content_type = ContentType.objects.get_for_model(subject)
        return self.filter(subject_type=content_type, subject_id=subject.pk)

    def newest_first(self):
        return self.order_by("-opened_at", "-pk")


class Consultation(models.Model):
    """A draft sent to chosen groups for comments until a closing date, then an outcome.

    `subject` optionally points at the draft in another app (a key message, a resource), so that
    app can read the outcome back with `services.consultation_outcome(subject=...)`.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(max_length=200)
    body = models.TextField(
        blank=True, help_text="The draft itself, or what to look at in the linked document"
    )
    document_url = models.URLField(blank=True, help_text="A link to the draft document or resource")
    to_champions = models.BooleanField(default=False, help_text="Sent to all active champions")
    to_project_group = models.BooleanField(default=False)
    to_strategic_group = models.BooleanField(default=False)
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    closes_on = models.DateField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    team_response = models.TextField(blank=True, help_text="The programme team's answer to the comments")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return self.title

    def is_open(self, today=None) -> bool:
        return not self.outcome and (today or timezone.localdate()) <= self.closes_on

    @property
    def consultees(self) -> list[str]:
        flags = [
            (Consultees.CHAMPIONS, self.to_champions),
            (Consultees.PROJECT, self.to_project_group),
            (Consultees.STRATEGIC, self.to_strategic_group),
        ]
        return [value.value for value, chosen in flags if chosen]

    def consultee_people(self):
        """The people it is sent to, now: group members and, if chosen, the active champions."""
        who = Q(pk__in=[])
        groups = [group for group in self.consultees if group in Group.values]
        if groups:
            seats = GroupMembership.objects.in_programme(self.programme).filter(group__in=groups)
            who |= Q(pk__in=seats.values("person"))
        if Consultees.CHAMPIONS in self.consultees:
            who |= Q(pk__in=Champion.objects.in_programme(self.programme).active().values("person"))
        return User.objects.active().filter(who)

    def consultee_labels(self):
        return [Consultees(value).label for value in self.consultees if value in Consultees.values]


class Stance(models.TextChoices):
    ENDORSE = "endorse", "I endorse this draft"
    CHANGES = "changes", "I request changes"
    COMMENT = "comment", "A comment only"


class ConsultationResponse(models.Model):
    """One consultee's view; they can change it until the consultation closes."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stance = models.CharField(max_length=20, choices=Stance.choices)
    comment = models.TextField(blank=True, max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "person"], name="consultation_response_once")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_stance_display()}"
