"""The emails the champions network sends, built from the database at sending time.

Relayed messages never carry the other person's address (no From, Reply-To or body mention),
unless the sender ticked "share my email address" on that message.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from eolc.accounts.models import User
from eolc.champions.models import (
    Consultation,
    ContactMessage,
    Frequency,
    Network,
    NoticeboardPreference,
    Post,
)
from eolc.programmes import access


def _url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _send(*, to, subject, template, context):
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    EmailMessage(subject=f"{prefix}{subject}", body=render_to_string(template, context), to=[to]).send()


def contact_message_send(*, message_id: int) -> bool:
    message = (
        ContactMessage.objects.select_related("sender", "recipient", "network__programme")
        .filter(pk=message_id)
        .first()
    )
    if message is None or not message.recipient.is_active:
        return False
    programme = message.network.programme
    _send(
        to=message.recipient.email,
        subject=f"A message from {message.sender} in the {programme} champions network",
        template="champions/emails/contact_message.txt",
        context={
            "message": message,
            "programme": programme,
            "reply_url": _url("champions:message", programme.slug, message.pk),
        },
    )
    return True


def _still_in_network(person, network) -> bool:
    """People who left the network or the programme team stop getting its emails at once."""
    return person.is_active and access.network_programmes_for(person).filter(pk=network.programme_id).exists()


def post_notifications_send(*, post_id: int) -> int:
    """Tell everyone who asked for each post, except its author. Hidden posts are not sent."""
    post = (
        Post.objects.visible()
        .select_related("thread__network__programme", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return 0
    network = post.thread.network
    preferences = (
        NoticeboardPreference.objects.filter(network=network)
        .wanting(Frequency.EACH)
        .exclude(person_id=post.author_id)
        .select_related("person")
    )
    sent = 0
    for preference in preferences:
        if not _still_in_network(preference.person, network):
            continue
        _send(
            to=preference.person.email,
            subject=f"New on the {network.programme} noticeboard: {post.thread.title}",
            template="champions/emails/post.txt",
            context={
                "person": preference.person,
                "post": post,
                "programme": network.programme,
                "thread_url": _url("champions:thread", network.programme.slug, post.thread_id),
                "preferences_url": _url("champions:preferences", network.programme.slug),
            },
        )
        sent += 1
    return sent


def digest_send(*, preference, since) -> bool:
    """One person's weekly digest of visible posts since `since`. False when there is nothing new."""
    network = preference.network
    if not _still_in_network(preference.person, network):
        return False
    posts = (
        Post.objects.visible()
        .in_network(network)
        .since(since)
        .exclude(author=preference.person)
        .select_related("thread", "author")
        .order_by("thread__title", "created_at")
    )
    if not posts:
        return False
    _send(
        to=preference.person.email,
        subject=f"This week on the {network.programme} noticeboard",
        template="champions/emails/digest.txt",
        context={
            "person": preference.person,
            "posts": posts,
            "programme": network.programme,
            "noticeboard_url": _url("champions:noticeboard", network.programme.slug),
            "preferences_url": _url("champions:preferences", network.programme.slug),
        },
    )
    return True


def consultation_invitations_send(*, consultation_id: int) -> int:
    """Ask each consultee for their view; the link works for them only (they must sign in)."""
    consultation = Consultation.objects.select_related("programme").filter(pk=consultation_id).first()
    if consultation is None or not consultation.is_open():
        return 0
    url = _url("champions:consultation", consultation.programme.slug, consultation.pk)
    sent = 0
    for person in consultation.consultee_people():
        _send(
            to=person.email,
            subject=f"Your views please, by {consultation.closes_on:%-d %B}: {consultation.title}",
            template="champions/emails/consultation.txt",
            context={"person": person, "consultation": consultation, "url": url},
        )
        sent += 1
    return sent


def invitations_send(*, network_id: int, addresses: list[str], source_id, note: str, sender_id: int) -> int:
    network = Network.objects.select_related("programme").filter(pk=network_id, invitation_open=True).first()
    sender = User.objects.filter(pk=sender_id, is_active=True).first()
    if network is None or sender is None:
        return 0
    url = _url("champions:invitation", network.programme.slug)
    source = network.sources.filter(pk=source_id).first() if source_id else None
    if source is not None:
        url += "?" + urlencode({"src": source.code})
    for address in addresses:
        _send(
            to=address,
            subject=f"Become an end-of-life care champion with {network.programme}",
            template="champions/emails/invitation.txt",
            context={"programme": network.programme, "sender": sender, "note": note, "url": url},
        )
    return len(addresses)
