"""The reminder email: one signed link per unfinished action, each good for a single update."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse


def _url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def reminder_send(*, plan, weeks, links) -> None:
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    context = {
        "person": plan.owner,
        "plan": plan,
        "weeks": weeks,
        "actions": [
            {"action": action, "url": _url("action_plans:link_update", token)} for action, token in links
        ],
        "plan_url": _url("action_plans:detail", plan.pk),
    }
    EmailMessage(
        subject=f"{prefix}How is your action plan going? {plan.title}",
        body=render_to_string("action_plans/emails/reminder.txt", context),
        to=[plan.owner.email],
    ).send()
