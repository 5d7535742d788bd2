"""Who may erase whom from the staff pages (a person erases themselves by closing their account)."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from eolc.accounts.models import User
from eolc.programmes.models import STAFF_ROLES, Membership, Role


def erasable_people_for(user):
    """People this staff member may erase now.

    Site admins: anyone not yet erased except site admins (themselves included). Programme
    admins: only people whose every membership is in programmes they administer and who hold no
    staff role anywhere, so no admin can erase someone another programme still works with.
    """
    if not user.is_authenticated:
        return User.objects.none()
    people = User.objects.filter(erasure__isnull=True, is_superuser=False, is_staff=False).exclude(pk=user.pk)
    if user.is_site_admin:
        return people
    administered = Membership.objects.filter(person=user, role=Role.ADMIN).values("programme")
    if not administered.exists():
        return User.objects.none()
    elsewhere = Membership.objects.filter(person=OuterRef("pk")).exclude(programme__in=administered)
    staff = Membership.objects.filter(person=OuterRef("pk"), role__in=STAFF_ROLES)
    return (
        people.filter(memberships__programme__in=administered)
        .exclude(Exists(elsewhere))
        .exclude(Exists(staff))
        .distinct()
    )


def get_erasable_person_or_404(user, pk):
    return get_object_or_404(erasable_people_for(user), pk=pk)


def with_erasable_flag(people, user):
    """`people` with `can_erase` on each row, in the same query (the people list's erase links)."""
    return people.annotate(can_erase=Exists(erasable_people_for(user).filter(pk=OuterRef("pk"))))
