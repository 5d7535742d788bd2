"""Requests for places and the allocations that turn them into mixed groups.

A facilitator opens a request round over several sessions; each person says which of them they
could attend (one request per person per round). An allocation is one run of the engine over the
round's requests: its proposal is stored as JSON, with the first-come-first-served result beside
it, until a facilitator confirms it and registrations are made through the events app.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from eolc.events.models import Event


class RoundStatus(models.TextChoices):
    OPEN = "open", "Taking requests"
    CLOSED = "closed", "Places confirmed"


class RequestRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RoundStatus.OPEN)

    def including(self, event):
        return self.filter(events=event)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def due_for_allocation(self, now):
        """Open rounds whose cut-off has passed with no run since it: groups are proposed then."""
        return self.open().filter(cut_off__lte=now).exclude(allocations__created_at__gte=models.F("cut_off"))


class RequestRound(models.Model):
    title = models.CharField(max_length=200)
    events = models.ManyToManyField(Event, related_name="request_rounds")
    cut_off = models.DateTimeField(null=True, blank=True, help_text="When requests close")
    status = models.CharField(max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    min_sectors = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Ask every session for at least this many sectors"
    )
    max_sector_share = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="No sector above this percentage of a session's places"
    )
    pins = models.JSONField(
        default=dict, blank=True, help_text="Person id (as text) to the event id a facilitator put them in"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = RequestRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status == RoundStatus.OPEN

    def accepts_requests(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_open and (self.cut_off is None or now < self.cut_off)


class PlaceRequestQuerySet(models.QuerySet):
    def in_round(self, request_round):
        return self.filter(round=request_round)

    def first_come(self):
        return self.order_by("created_at", "pk")

    def by(self, person):
        return self.filter(person=person)


class PlaceRequest(models.Model):
    round = models.ForeignKey(RequestRound, on_delete=models.CASCADE, related_name="requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="place_requests"
    )
    available_events = models.ManyToManyField(Event, related_name="place_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PlaceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="one_request_per_round")]

    def __str__(self):
        return f"{self.person} in {self.round}"


class AllocationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    FAILED = "failed", "Failed"


class AllocationQuerySet(models.QuerySet):
    def for_round(self, request_round):
        return self.filter(round=request_round)

    def proposed(self):
        return self.filter(status=AllocationStatus.DONE)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Allocation(models.Model):
    round = models.ForeignKey(RequestRound, on_delete=models.CASCADE, related_name="allocations")
    status = models.CharField(
        max_length=20, choices=AllocationStatus.choices, default=AllocationStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done")
    phase = models.CharField(max_length=120, blank=True, help_text="What the allocator is doing now")
    result = models.JSONField(default=dict, blank=True)
    score = models.FloatField(null=True, blank=True, help_text="Mean sector evenness of the proposal")
    baseline_score = models.FloatField(
        null=True, blank=True, help_text="The same for first come, first served"
    )
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Allocation {self.pk} of {self.round}"
