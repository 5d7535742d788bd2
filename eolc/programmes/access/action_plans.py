"""Who may see action plans, buddy pairs and follow-through figures.

Action plan models are looked up through the app registry: action plans depend on programmes.
A plan is private to its owner; a buddy or the event's facilitators see it only when the owner
shares it. Everyone else gets 404. Follow-through figures are aggregates without identity.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from eolc.programmes.access.events import _events, events_for, managed_events, registrations_for
from eolc.programmes.models import Programme, Role

FOLLOW_THROUGH_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.COMMISSIONER)


def _action_plans(model_name):
    return apps.get_model("action_plans", model_name)


def own_action_plans(user):
    ActionPlan = _action_plans("ActionPlan")
    if not user.is_authenticated:
        return ActionPlan.objects.none()
    return ActionPlan.objects.owned_by(user)


def shared_action_plans(user):
    """Plans other people chose to share with this person, as their buddy or their event's facilitator."""
    ActionPlan = _action_plans("ActionPlan")
    BuddyPair = _action_plans("BuddyPair")
    if not user.is_authenticated:
        return ActionPlan.objects.none()
    pairs = BuddyPair.objects.active().involving(user)
    buddies = Q(owner__in=pairs.values("first")) | Q(owner__in=pairs.values("second"))
    buddy_events = Q(event__in=pairs.values("event"))
    facilitated = Q(pk__in=[])
    if user.is_site_admin:
        facilitated = Q(event__isnull=False)
    else:
        Event = _events("Event")
        named = Event.facilitators.through.objects.filter(user=user).values("event")
        programmes = Programme.objects.with_role(user, Role.FACILITATOR).values("pk")
        facilitated = Q(event__in=named) | Q(event__programme__in=programmes)
    return (
        ActionPlan.objects.exclude(owner=user)
        .filter(
            (Q(share_with_buddy=True) & buddies & buddy_events)
            | (Q(share_with_facilitators=True) & facilitated)
        )
        .distinct()
    )


def action_plans_for(user):
    """Plans a person may read: their own and those shared with them."""
    ActionPlan = _action_plans("ActionPlan")
    return ActionPlan.objects.filter(
        Q(pk__in=own_action_plans(user).values("pk")) | Q(pk__in=shared_action_plans(user).values("pk"))
    )


def plan_events(user):
    """Events where the person had a confirmed place: the sessions a plan or a buddy can come from."""
    taken_part = registrations_for(user).for_person(user).confirmed().values("event")
    return events_for(user).filter(pk__in=taken_part)


def get_action_plan_or_404(user, pk):
    return get_object_or_404(action_plans_for(user).select_related("owner", "event"), pk=pk)


def get_own_action_plan_or_404(user, pk):
    """Only the owner changes a plan; anyone else, even someone it is shared with, gets 404."""
    return get_object_or_404(own_action_plans(user).select_related("owner", "event"), pk=pk)


def get_own_action_or_404(user, pk):
    Action = _action_plans("Action")
    return get_object_or_404(
        Action.objects.filter(plan__in=own_action_plans(user)).select_related("plan"), pk=pk
    )


def buddy_pairs_for(user):
    BuddyPair = _action_plans("BuddyPair")
    if not user.is_authenticated:
        return BuddyPair.objects.none()
    return BuddyPair.objects.involving(user)


def get_buddy_pair_or_404(user, pk):
    return get_object_or_404(buddy_pairs_for(user).select_related("first", "second", "event"), pk=pk)


def follow_through_programmes_for(user):
    """Programmes whose follow-through figures a person may see: admins, facilitators, commissioners."""
    if not user.is_authenticated:
        return Programme.objects.none()
    if user.is_site_admin:
        return Programme.objects.all()
    return Programme.objects.with_role(user, *FOLLOW_THROUGH_ROLES)


def follow_through_events_for(user):
    """Events whose figures a person may see: those of their programmes and those they facilitate."""
    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.none()
    return Event.objects.filter(
        Q(programme__in=follow_through_programmes_for(user).values("pk"))
        | Q(pk__in=managed_events(user).values("pk"))
    )


def can_view_follow_through(user) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or follow_through_programmes_for(user).exists() or managed_events(user).exists()
    )


def action_plans_in_scope(user, *, programme=None, event=None):
    """Every plan (shared or not) in a programme or event the person may see figures for, for aggregates."""
    ActionPlan = _action_plans("ActionPlan")
    if not can_view_follow_through(user):
        raise PermissionDenied("Only programme teams and commissioners can see follow-through figures.")
    if event is not None:
        return ActionPlan.objects.for_event(get_object_or_404(follow_through_events_for(user), pk=event.pk))
    if programme is not None:
        return ActionPlan.objects.in_programme(
            get_object_or_404(follow_through_programmes_for(user), pk=programme.pk)
        )
    return ActionPlan.objects.filter(event__in=follow_through_events_for(user).values("pk"))
