"""Writes for the noticeboard: threads, replies, moderation, email preferences and digests."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eolc.champions import emails, tasks
from eolc.champions.models import (
    Category,
    Frequency,
    Network,
    NoticeboardPreference,
    Post,
    Report,
    Thread,
)
from eolc.core.outbox import enqueue_on_commit

DIGEST_INTERVAL = timedelta(days=7)


class ThreadLocked(Exception):
    """Replies are closed on this thread."""


@transaction.atomic
def thread_create(*, network: Network, author, category: str, title: str, body: str, now=None) -> Thread:
    if category not in Category.values:
        raise ValidationError({"category": "Choose a category"})
    title, body = title.strip(), body.strip()
    if not title:
        raise ValidationError({"title": "Give your post a title"})
    if not body:
        raise ValidationError({"body": "Write your post"})
    now = now or timezone.now()
    thread = Thread.objects.create(
        network=network, category=category, title=title, author=author, created_at=now, last_post_at=now
    )
    post = Post.objects.create(thread=thread, author=author, body=body, created_at=now)
    enqueue_on_commit(tasks.post_notify, post.pk)
    return thread


@transaction.atomic
def post_reply(*, thread: Thread, author, body: str, now=None) -> Post:
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if thread.is_locked or thread.is_hidden:
        raise ThreadLocked("This thread is closed to new replies.")
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write your reply"})
    now = now or timezone.now()
    post = Post.objects.create(thread=thread, author=author, body=body, created_at=now)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    enqueue_on_commit(tasks.post_notify, post.pk)
    return post


@transaction.atomic
def post_report(*, post: Post, reporter, reason: str) -> Report:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Tell us what is wrong with this post"})
    report, _ = Report.objects.get_or_create(post=post, reporter=reporter, defaults={"reason": reason})
    return report


@transaction.atomic
def post_hide(*, post: Post, by, hidden: bool = True, now=None) -> Post:
    """Hide (or show again) a post; hiding resolves its open reports."""
    now = now or timezone.now()
    post.is_hidden = hidden
    post.hidden_by = by if hidden else None
    post.hidden_at = now if hidden else None
    post.save(update_fields=["is_hidden", "hidden_by", "hidden_at"])
    if hidden:
        post.reports.open().update(resolved_at=now, resolved_by=by)
    return post


@transaction.atomic
def reports_dismiss(*, post: Post, by, now=None) -> int:
    """The team looked and the post stays."""
    return post.reports.open().update(resolved_at=now or timezone.now(), resolved_by=by)


@transaction.atomic
def thread_moderate(*, thread: Thread, locked: bool | None = None, hidden: bool | None = None) -> Thread:
    fields = []
    if locked is not None:
        thread.is_locked = locked
        fields.append("is_locked")
    if hidden is not None:
        thread.is_hidden = hidden
        fields.append("is_hidden")
    if fields:
        thread.save(update_fields=fields)
    return thread


@transaction.atomic
def noticeboard_preference_set(
    *, network: Network, person, frequency: str, now=None
) -> NoticeboardPreference:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": "Choose how often to hear about new posts"})
    preference, _ = NoticeboardPreference.objects.get_or_create(network=network, person=person)
    if preference.frequency != frequency:
        preference.frequency = frequency
        # A new weekly subscriber's first digest covers the week from now, not the whole board.
        preference.digest_sent_at = (now or timezone.now()) if frequency == Frequency.WEEKLY else None
        preference.save(update_fields=["frequency", "digest_sent_at"])
    return preference


def digests_send(*, now=None) -> int:
    """Send each weekly digest that is due. A digest is claimed by a conditional UPDATE first, so two
    runs at once cannot both send it; a week with no new posts sends nothing but still moves on."""
    now = now or timezone.now()
    due = NoticeboardPreference.objects.wanting(Frequency.WEEKLY).filter(
        Q(digest_sent_at__isnull=True) | Q(digest_sent_at__lte=now - DIGEST_INTERVAL)
    )
    sent = 0
    for preference in due.select_related("network__programme", "person"):
        since = preference.digest_sent_at or now - DIGEST_INTERVAL
        claimed = NoticeboardPreference.objects.filter(
            pk=preference.pk, digest_sent_at=preference.digest_sent_at
        ).update(digest_sent_at=now)
        if claimed and emails.digest_send(preference=preference, since=since):
            sent += 1
    return sent
