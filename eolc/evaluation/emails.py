"""The survey invitation and the one reminder, each built from the database when it is sent."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse


def _send(*, invitation, template, subject):
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    context = {
        "person": invitation.person,
        "survey": invitation.survey,
        "event": invitation.event,
        "url": settings.SITE_URL.rstrip("/") + reverse("evaluation:answer", args=[invitation.pk]),
    }
    EmailMessage(
        subject=f"{prefix}{subject}",
        body=render_to_string(template, context),
        to=[invitation.person.email],
    ).send()


def invitation_send(*, invitation) -> None:
    _send(
        invitation=invitation,
        template="evaluation/emails/invitation.txt",
        subject=f"A few questions about {invitation.event.title}",
    )


def reminder_send(*, invitation) -> None:
    _send(
        invitation=invitation,
        template="evaluation/emails/reminder.txt",
        subject=f"Reminder: a few questions about {invitation.event.title}",
    )
