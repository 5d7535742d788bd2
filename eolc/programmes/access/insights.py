"""Who may see and review contributions, themes, key messages and practice examples.

Contributions, themes, key messages and practice examples are looked up through the app registry:
insights depends on events. A contribution is seen by the person who made it and by the programme
team (administrators and facilitators) of its programme or the facilitators of its event; nobody
else, until it is approved and then only through key messages and exports that honour consent.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from eolc.programmes.access.events import _events, events_for, managed_events, registrations_for
from eolc.programmes.access.roles import get_programme_or_404, has_role_anywhere, programmes_for
from eolc.programmes.models import Programme, Role

INSIGHT_MANAGER_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _insights(model_name):
    return apps.get_model("insights", model_name)


def insight_programmes_for(user):
    """Programmes whose contributions, themes and key messages a person looks after."""
    return Programme.objects.with_role(user, *INSIGHT_MANAGER_ROLES)


def get_insight_programme_or_404(user, slug):
    """A programme a person looks after insights for; 404 for programmes they cannot see, 403 otherwise."""
    programme = get_programme_or_404(user, slug)
    if not insight_programmes_for(user).filter(pk=programme.pk).exists():
        raise PermissionDenied("Only the programme's administrators and facilitators can do this.")
    return programme


def can_review_contributions(user) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or has_role_anywhere(user, INSIGHT_MANAGER_ROLES) or managed_events(user).exists()
    )


def managed_contributions(user):
    """Contributions a person reviews: in programmes they look after or at events they run."""
    Contribution = _insights("Contribution")
    if not user.is_authenticated:
        return Contribution.objects.none()
    if user.is_site_admin:
        return Contribution.objects.all()
    return Contribution.objects.filter(
        Q(programme__in=insight_programmes_for(user).values("pk"))
        | Q(event__in=managed_events(user).values("pk"))
    )


def get_managed_contribution_or_404(user, pk):
    return get_object_or_404(
        managed_contributions(user).select_related("programme", "event", "job_role", "barrier"), pk=pk
    )


def own_contributions(user):
    Contribution = _insights("Contribution")
    if not user.is_authenticated:
        return Contribution.objects.none()
    return Contribution.objects.by(user)


def contribution_events_for(user):
    """Events a person can say something about: those they had a place at, and those they run."""
    if not user.is_authenticated:
        return _events("Event").objects.none()
    attended = registrations_for(user).filter(person=user).values("event")
    return events_for(user).filter(Q(pk__in=attended) | Q(pk__in=managed_events(user).values("pk")))


def linkable_barriers_for(user, programme=None):
    """Barriers a solution may answer: approved, publishable ones of the person's programmes."""
    Contribution = _insights("Contribution")
    barriers = Contribution.objects.publishable().barriers()
    if user.is_authenticated and user.is_site_admin:
        return barriers
    programmes = programmes_for(user).values("pk") if programme is None else [programme.pk]
    return barriers.filter(programme__in=programmes)


def managed_themes(user):
    Theme = _insights("Theme")
    if not user.is_authenticated:
        return Theme.objects.none()
    return Theme.objects.filter(programme__in=insight_programmes_for(user).values("pk"))


def get_managed_theme_or_404(user, pk):
    return get_object_or_404(managed_themes(user).select_related("programme"), pk=pk)


def get_suggestion_run_or_404(user, pk):
    SuggestionRun = _insights("SuggestionRun")
    runs = SuggestionRun.objects.filter(programme__in=insight_programmes_for(user).values("pk"))
    return get_object_or_404(runs.select_related("programme"), pk=pk)


def managed_key_messages(user):
    KeyMessage = _insights("KeyMessage")
    if not user.is_authenticated:
        return KeyMessage.objects.none()
    return KeyMessage.objects.filter(programme__in=insight_programmes_for(user).values("pk"))


def get_managed_key_message_or_404(user, pk):
    return get_object_or_404(managed_key_messages(user).select_related("programme"), pk=pk)


def published_key_messages():
    """Published key messages: anyone may read these, signed in or not."""
    return _insights("KeyMessage").objects.published()


def get_published_key_message_or_404(slug):
    return get_object_or_404(published_key_messages().select_related("programme"), slug=slug)


def can_review_practice_examples(user) -> bool:
    """Site admins and anyone who runs a programme or its events review submitted practice examples."""
    return user.is_authenticated and (user.is_site_admin or insight_programmes_for(user).exists())


def practice_examples_for(user):
    """Published examples for everyone; a person's own submissions; every submission for reviewers."""
    PracticeExample = _insights("PracticeExample")
    published = PracticeExample.objects.published()
    if not user.is_authenticated:
        return published
    if can_review_practice_examples(user):
        return PracticeExample.objects.all()
    return PracticeExample.objects.filter(Q(pk__in=published.values("pk")) | Q(submitted_by=user))


def get_practice_example_or_404(user, pk):
    return get_object_or_404(practice_examples_for(user).select_related("area"), pk=pk)


def get_reviewable_practice_example_or_404(user, pk):
    if not can_review_practice_examples(user):
        raise PermissionDenied("Only programme teams review practice examples.")
    return get_practice_example_or_404(user, pk)
