"""Branching stories: a scenario is nodes joined by choices, with feedback on each choice.

What learners do is kept only as counts (how often each choice was taken, each node reached,
each complete path followed), never linked to a person.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from eolc.programmes.models import Programme


class RoleTag(models.TextChoices):
    """Roles in end-of-life care; the library's role pages use the same slugs."""

    PERSON = "person-receiving-care", "Person receiving care"
    CARER = "primary-carer", "Primary carer"
    DISTRICT_NURSE = "district-nurse", "District nurse"
    HOME_CARE_WORKER = "home-care-worker", "Home care worker"
    GP = "gp", "GP"
    HOSPICE_WORKER = "hospice-worker", "Hospice worker"
    SPECIALIST = "palliative-care-specialist", "Palliative care specialist"
    SOCIAL_WORKER = "social-worker", "Social worker"
    CARE_HOME_WORKER = "care-home-worker", "Care home worker"


class ScenarioStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ScenarioQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ScenarioStatus.PUBLISHED)

    def in_programmes(self, programmes):
        return self.filter(programme__in=programmes)


class Scenario(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="scenarios")
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="Shown before the story starts")
    content_warning = models.CharField(
        max_length=300, blank=True, help_text="For example, “This story describes a death at home”"
    )
    start_node = models.ForeignKey(
        "Node",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the story begins",
    )
    status = models.CharField(max_length=20, choices=ScenarioStatus.choices, default=ScenarioStatus.DRAFT)
    plays_started = models.PositiveIntegerField(default=0)
    plays_finished = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == ScenarioStatus.PUBLISHED


class NodeQuerySet(models.QuerySet):
    def for_role(self, slug):
        """Steps of published scenarios tagged with a role, for the library's role pages to link to."""
        return self.published().filter(role_tags__role=slug).distinct()

    def published(self):
        return self.filter(scenario__status=ScenarioStatus.PUBLISHED)

    def endings(self):
        return self.filter(is_end=True)


class Node(models.Model):
    """One step of the story: what happens, told from one or more roles' point of view."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="nodes")
    number = models.PositiveSmallIntegerField(default=1, help_text="Order in the editor")
    title = models.CharField(max_length=200, help_text="The page heading learners see")
    text = models.TextField()
    question = models.CharField(
        max_length=300, blank=True, help_text="What the learner decides, for example “What do you do next?”"
    )
    media_url = models.URLField(blank=True, help_text="Optional film or audio clip")
    transcript = models.TextField(blank=True, help_text="Required when there is a film or audio clip")
    is_end = models.BooleanField(default=False, help_text="The story ends here")
    times_reached = models.PositiveIntegerField(default=0)

    objects = NodeQuerySet.as_manager()

    class Meta:
        ordering = ["scenario", "number", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The step in the player; role pages in the library link here."""
        return reverse("scenarios:step", args=[self.scenario_id, self.pk])

    def role_slugs(self) -> list[str]:
        return [tag.role for tag in self.role_tags.all()]

    def role_labels(self) -> list[str]:
        labels = dict(RoleTag.choices)
        return [labels[slug] for slug in self.role_slugs() if slug in labels]


class NodeRole(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="role_tags")
    role = models.CharField(max_length=40, choices=RoleTag.choices)

    class Meta:
        ordering = ["node", "role"]
        constraints = [models.UniqueConstraint(fields=["node", "role"], name="node_role_once")]

    def __str__(self):
        return f"{self.node}: {self.get_role_display()}"


class Choice(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="choices")
    number = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=300)
    leads_to = models.ForeignKey(
        Node, null=True, blank=True, on_delete=models.SET_NULL, related_name="arrivals"
    )
    feedback = models.TextField(
        blank=True, help_text="Shown after this choice: why it helps or what it risks"
    )
    key_messages = models.ManyToManyField("insights.KeyMessage", blank=True, related_name="scenario_choices")
    times_chosen = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["node", "number", "pk"]

    def __str__(self):
        return self.text


class PathCount(models.Model):
    """How many times learners followed one complete route from the start to an ending."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="path_counts")
    path = models.CharField(max_length=500, help_text="Node ids from start to end, joined by '>'")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-count", "pk"]
        constraints = [models.UniqueConstraint(fields=["scenario", "path"], name="path_count_once")]

    def __str__(self):
        return f"{self.path} × {self.count}"

    def node_ids(self) -> list[int]:
        return [int(part) for part in self.path.split(">") if part.isdigit()]
