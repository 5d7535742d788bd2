"""Writes about people. Views and the API call these; they never save users directly."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from eolc.accounts.models import ApiToken, User
from eolc.audit.models import Action
from eolc.audit.services import audit_record


class PersonExists(Exception):
    pass


@transaction.atomic
def person_create(*, email, full_name, sector, job_role=None, area=None, organisation=None) -> User:
    """An account made by staff for someone else: unusable password until they reset it."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise PersonExists(f"A person with the email {email} already exists")
    person = User(
        email=email,
        full_name=full_name,
        sector=sector,
        job_role=job_role,
        area=area,
        organisation=organisation,
    )
    person.set_unusable_password()
    person.save()
    return person


@transaction.atomic
def profile_update(*, person: User, **fields) -> User:
    for name, value in fields.items():
        setattr(person, name, value)
    person.save(update_fields=list(fields))
    return person


@transaction.atomic
def deletion_request(*, person: User, reason: str = "") -> User:
    """Record the request and close the account at once; staff complete the erasure."""
    person.deletion_requested_at = timezone.now()
    person.deletion_reason = reason
    person.is_active = False
    person.save(update_fields=["deletion_requested_at", "deletion_reason", "is_active"])
    # The reason is the person's own words: it stays on their record, not in the log.
    audit_record(actor=person, action=Action.ERASURE_REQUESTED, target=person)
    return person


@transaction.atomic
def api_token_issue(*, person: User) -> str:
    """Returns the token once; only its hash is kept."""
    key = ApiToken.new_key()
    ApiToken.objects.create(user=person, key_hash=ApiToken.hash_key(key))
    return key


def api_token_user(key: str) -> User | None:
    token = ApiToken.objects.usable().select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None:
        return None
    if token.user.is_demo and not settings.DEMO_SIGN_INS_ALLOWED:
        # Like sessions (see backends.py), demo tokens stop working once demo sign-ins are off.
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
