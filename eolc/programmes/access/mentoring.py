"""Who may see mentoring parts, groups, meetings, session notes and feedback.

Mentoring models are looked up through the app registry: mentoring depends on events.
A group is seen by its mentor, its mentees and the programme's administrators. Session notes
are seen by the mentor who wrote them and by nobody else, administrators included.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from eolc.programmes.access.curriculum import parts_for
from eolc.programmes.access.events import _events
from eolc.programmes.access.roles import can_manage_programme, managed_programmes


def _mentoring(model_name):
    return apps.get_model("mentoring", model_name)


def mentorship_parts_for(user):
    return parts_for(user).filter(kind="mentorship", status="published")


def get_mentorship_part_or_404(user, pk):
    return get_object_or_404(mentorship_parts_for(user).select_related("programme"), pk=pk)


def get_managed_mentorship_part_or_404(user, pk):
    part = get_mentorship_part_or_404(user, pk)
    if not can_manage_programme(user, part.programme):
        raise PermissionDenied("Only programme administrators can manage mentoring.")
    return part


def managed_mentors(user):
    """Mentor offers in programmes the person administers."""
    Mentor = _mentoring("Mentor")
    if not user.is_authenticated:
        return Mentor.objects.none()
    return Mentor.objects.filter(programme__in=managed_programmes(user).values("pk"))


def get_managed_mentor_or_404(user, pk):
    return get_object_or_404(managed_mentors(user).select_related("person", "programme"), pk=pk)


def mentoring_groups_for(user):
    """Groups a person leads, belongs to, or whose programme they administer."""
    Group = _mentoring("MentoringGroup")
    if not user.is_authenticated:
        return Group.objects.none()
    return Group.objects.filter(
        Q(mentor__person=user)
        | Q(pk__in=Group.objects.with_mentee(user).values("pk"))
        | Q(programme__in=managed_programmes(user).values("pk"))
    )


def get_mentoring_group_or_404(user, pk):
    return get_object_or_404(
        mentoring_groups_for(user).select_related("mentor__person", "programme", "part", "series", "area"),
        pk=pk,
    )


def is_group_mentor(user, group) -> bool:
    return user.is_authenticated and group.mentor.person_id == user.pk


def can_manage_mentoring_group(user, group) -> bool:
    """The group's mentor and the programme's administrators see members and feedback."""
    return is_group_mentor(user, group) or can_manage_programme(user, group.programme)


def get_led_group_or_404(user, pk):
    """A group the person leads as its mentor: 404 if they cannot see it, 403 if they only may see it."""
    group = get_mentoring_group_or_404(user, pk)
    if not is_group_mentor(user, group):
        raise PermissionDenied("Only the group's mentor can do this.")
    return group


def get_group_meeting_or_404(group, pk):
    return get_object_or_404(_events("Event").objects.filter(series=group.series), pk=pk)


def own_session_notes(user):
    """Notes the person wrote on groups they lead. There is no wider view of notes."""
    SessionNote = _mentoring("SessionNote")
    if not user.is_authenticated:
        return SessionNote.objects.none()
    return SessionNote.objects.filter(author=user, group__mentor__person=user)


def get_own_session_note_or_404(user, pk):
    return get_object_or_404(own_session_notes(user).select_related("group", "meeting"), pk=pk)


def own_mentee_places(user):
    Mentee = _mentoring("Mentee")
    if not user.is_authenticated:
        return Mentee.objects.none()
    return Mentee.objects.filter(person=user)


def can_lead_mentoring(user, part) -> bool:
    """Approved mentors of the part's programme may schedule their own groups; admins any group."""
    if can_manage_programme(user, part.programme):
        return True
    return _mentoring("Mentor").objects.approved().filter(programme=part.programme, person=user).exists()


def mentors_for_scheduling(user, part):
    Mentor = _mentoring("Mentor")
    mentors = Mentor.objects.approved().filter(programme=part.programme).select_related("person")
    if can_manage_programme(user, part.programme):
        return mentors
    return mentors.filter(person=user)


def own_mentor_offers(user):
    Mentor = _mentoring("Mentor")
    if not user.is_authenticated:
        return Mentor.objects.none()
    return Mentor.objects.filter(person=user)


def managed_mentees(user):
    """Sign-ups for mentorship parts in programmes the person administers."""
    Mentee = _mentoring("Mentee")
    if not user.is_authenticated:
        return Mentee.objects.none()
    return Mentee.objects.filter(part__programme__in=managed_programmes(user).values("pk"))


def own_mentoring_feedback(user):
    Feedback = _mentoring("Feedback")
    if not user.is_authenticated:
        return Feedback.objects.none()
    return Feedback.objects.filter(person=user)
