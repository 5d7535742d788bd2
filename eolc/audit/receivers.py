"""Thin receivers for the sign-in signals of Django, allauth and the admin: each records one event.

Signals are the only hook these libraries offer; the receivers hold no logic beyond picking the
action, so the rule "no business logic in signals" still holds.
"""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.db.models.signals import post_save
from django.dispatch import receiver

from eolc.audit.models import Action
from eolc.audit.services import audit_record


@receiver(auth_signals.user_logged_in)
def signed_in(sender, request, user, **kwargs):
    audit_record(actor=user, action=Action.SIGN_IN, target=user, request=request)


@receiver(auth_signals.user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action=Action.SIGN_OUT, target=user, request=request)


@receiver(auth_signals.user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    """Who was tried, if the account exists; never the address typed or the password."""
    email = (credentials.get("email") or credentials.get("username") or "").strip()
    person = get_user_model().objects.filter(email__iexact=email).first() if email else None
    audit_record(
        actor=None,
        action=Action.SIGN_IN_FAILED,
        target=person,
        detail={"account": "known" if person else "unknown"},
        request=request,
    )


@receiver(account_signals.password_changed)
@receiver(account_signals.password_set)
def password_changed(sender, request, user, **kwargs):
    audit_record(actor=user, action=Action.PASSWORD_CHANGED, target=user, request=request)


@receiver(account_signals.password_reset)
def password_reset(sender, request, user, **kwargs):
    audit_record(actor=user, action=Action.PASSWORD_RESET, target=user, request=request)


@receiver(mfa_signals.authenticator_added)
def mfa_added(sender, request, user, authenticator, **kwargs):
    audit_record(
        actor=user, action=Action.MFA_ADDED, target=user, detail={"type": authenticator.type}, request=request
    )


@receiver(mfa_signals.authenticator_removed)
def mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        actor=user,
        action=Action.MFA_REMOVED,
        target=user,
        detail={"type": authenticator.type},
        request=request,
    )


ROLE_MODELS = {"programmes.membership"}


@receiver(post_save, sender=LogEntry)
def admin_changed(sender, instance, created, **kwargs):
    """Changes made by hand in the Django admin, including roles (memberships) and staff flags."""
    if not created:
        return
    label = (
        f"{instance.content_type.app_label}.{instance.content_type.model}" if instance.content_type else ""
    )
    verb = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}.get(instance.action_flag, "changed")
    audit_record(
        actor=instance.user,
        action=Action.ROLE_CHANGED if label in ROLE_MODELS else Action.ADMIN_CHANGE,
        target=f"{label}:{instance.object_id}",
        detail={"change": verb},
    )
