"""The noticeboard: threads, posts, reports to the programme team, and email preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from eolc.champions.models.network import Network


class Category(models.TextChoices):
    EVENTS = "events", "Events"
    PRACTICE = "practice", "Practice examples"
    QUESTIONS = "questions", "Questions"
    LEARNING = "learning", "Learning fed back from sessions"


class ThreadQuerySet(models.QuerySet):
    def in_network(self, network):
        return self.filter(network=network)

    def visible(self):
        return self.filter(is_hidden=False)

    def in_category(self, category):
        return self.filter(category=category)

    def latest_first(self):
        return self.order_by("-last_post_at", "-pk")


class Thread(models.Model):
    """A conversation on a network's noticeboard. Its address is its number: no names in URLs."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="threads")
    category = models.CharField(max_length=20, choices=Category.choices)
    title = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_locked = models.BooleanField(default=False, help_text="No more replies")
    is_hidden = models.BooleanField(default=False, help_text="Hidden by the programme team")

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_post_at", "-pk"]

    def __str__(self):
        return self.title


class PostQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False, thread__is_hidden=False)

    def in_network(self, network):
        return self.filter(thread__network=network)

    def since(self, moment):
        return self.filter(created_at__gt=moment)


class Post(models.Model):
    """The first post of a thread is its opening message; the rest are replies."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_hidden = models.BooleanField(default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Post {self.pk} in {self.thread}"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """Someone asked the programme team to look at a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="report_once_per_person")]

    def __str__(self):
        return f"Report on post {self.post_id}"


class Frequency(models.TextChoices):
    NONE = "none", "No emails"
    EACH = "each", "An email for each new post"
    WEEKLY = "weekly", "A weekly digest"


class NoticeboardPreferenceQuerySet(models.QuerySet):
    def wanting(self, frequency):
        return self.filter(frequency=frequency)


class NoticeboardPreference(models.Model):
    """How a person hears about new posts; no row means no emails."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="preferences")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.NONE)
    digest_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the last weekly digest was claimed for sending"
    )

    objects = NoticeboardPreferenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "person"], name="noticeboard_preference_once")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_frequency_display()}"
