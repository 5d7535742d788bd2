"""Writes for programmes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from eolc.programmes.models import Membership, Programme, Role


@transaction.atomic
def programme_create(*, title: str, summary: str, created_by) -> Programme:
    """A new programme, run by the person who created it."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Enter a title"})
    base = slugify(title)[:190] or "programme"
    slug, n = base, 2
    while Programme.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    programme = Programme.objects.create(title=title, slug=slug, summary=summary.strip())
    Membership.objects.create(programme=programme, person=created_by, role=Role.ADMIN)
    return programme


@transaction.atomic
def membership_add(*, programme: Programme, person, role: str) -> tuple[Membership, bool]:
    """Give a person a role in a programme; `(membership, created)`. Adding it again changes nothing."""
    if role not in Role.values:
        raise ValidationError({"role": f"{role!r} is not a programme role"})
    return Membership.objects.get_or_create(programme=programme, person=person, role=role)


@transaction.atomic
def membership_revoke(*, programme: Programme, person, role: str) -> int:
    """Take a role away; other roles the person holds in the programme stay."""
    deleted, _ = Membership.objects.filter(programme=programme, person=person, role=role).delete()
    return deleted
