"""Who may do what. Every view and API endpoint asks here; nothing else decides access.

Functions take the acting user first and answer with a bool or a scoped queryset.
`get_*_or_404` helpers raise Http404 rather than 403 for objects outside a person's
reach, so that the existence of private records is not revealed.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.models import STAFF_ROLES, Membership, Programme, Role


def roles_in(user, programme) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(person=user, programme=programme).values_list("role", flat=True))


def all_roles(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(person=user).values_list("role", flat=True))


def has_staff_role(user) -> bool:
    """Site admins and anyone who can see other people's personal data (they need MFA)."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or Membership.objects.filter(person=user, role__in=STAFF_ROLES).exists()


def can_view_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or bool(roles_in(user, programme)))


def can_manage_programme(user, programme) -> bool:
    return user.is_authenticated and (user.is_site_admin or Role.ADMIN in roles_in(user, programme))


def can_manage_people(user) -> bool:
    """Creating accounts for others: site admins and administrators of any programme."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or Membership.objects.filter(person=user, role=Role.ADMIN).exists()


def can_view_reports(user, programme) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or bool(roles_in(user, programme) & {Role.ADMIN, Role.COMMISSIONER})
    )


def programmes_for(user):
    return Programme.objects.visible_to(user)


def get_programme_or_404(user, slug) -> Programme:
    return get_object_or_404(programmes_for(user), slug=slug)


def get_managed_programme_or_404(user, slug) -> Programme:
    programme = get_programme_or_404(user, slug)
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can change this programme.")
    return programme


# --- Curriculum -------------------------------------------------------------------------------
# Curriculum models are looked up through the app registry: the curriculum app depends on
# programmes, so this module must not import it at load time.


def _curriculum(model_name):
    return apps.get_model("curriculum", model_name)


def managed_programmes(user):
    return Programme.objects.with_role(user, Role.ADMIN)


def parts_for(user):
    """Published parts of programmes a person belongs to, plus every part of those they run."""
    Part = _curriculum("Part")
    if not user.is_authenticated:
        return Part.objects.none()
    visible = Part.objects.filter(programme__in=programmes_for(user))
    return visible.filter(Q(status="published") | Q(programme__in=managed_programmes(user)))


def modules_for(user):
    Module = _curriculum("Module")
    parts = parts_for(user)
    return Module.objects.filter(part__in=parts).filter(
        Q(status="published") | Q(part__programme__in=managed_programmes(user))
    )


def activities_for(user):
    Activity = _curriculum("Activity")
    return Activity.objects.filter(module__in=modules_for(user)).filter(
        Q(status="published") | Q(module__part__programme__in=managed_programmes(user))
    )


def get_part_or_404(user, pk):
    return get_object_or_404(parts_for(user).select_related("programme"), pk=pk)


def get_module_or_404(user, pk):
    return get_object_or_404(modules_for(user).select_related("part__programme"), pk=pk)


def get_activity_or_404(user, pk):
    return get_object_or_404(activities_for(user).select_related("module__part__programme"), pk=pk)


def can_manage_part(user, part) -> bool:
    return can_manage_programme(user, part.programme)


def _require_manager(user, programme):
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can change the curriculum.")


def get_managed_part_or_404(user, pk):
    part = get_part_or_404(user, pk)
    _require_manager(user, part.programme)
    return part


def get_managed_module_or_404(user, pk):
    module = get_module_or_404(user, pk)
    _require_manager(user, module.part.programme)
    return module


def get_managed_activity_or_404(user, pk):
    activity = get_activity_or_404(user, pk)
    _require_manager(user, activity.module.part.programme)
    return activity


def can_see_learning_record(user, person) -> bool:
    """A transcript is seen by the person, site admins and administrators of their programmes."""
    if not user.is_authenticated:
        return False
    if user.pk == person.pk or user.is_site_admin:
        return True
    return Membership.objects.filter(
        person=person, programme__in=managed_programmes(user).values("pk")
    ).exists()


def get_person_record_or_404(user, pk):
    """A person whose learning record `user` may see (404 for anyone else)."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    person = get_object_or_404(User, pk=pk, is_active=True)
    if not can_see_learning_record(user, person):
        raise Http404("No such person")
    return person


def can_enrol_others(user, part) -> bool:
    return can_manage_programme(user, part.programme)


def get_enrollable_person_or_404(user, part, pk):
    """Someone a programme administrator may enrol or credit: a member of that programme."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    _require_manager(user, part.programme)
    return get_object_or_404(
        User.objects.filter(is_active=True, memberships__programme=part.programme).distinct(), pk=pk
    )


def certificates_for(user):
    """Certificates a person may download: their own, or any in programmes they run."""
    Certificate = _curriculum("Certificate")
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.is_site_admin:
        return Certificate.objects.all()
    return Certificate.objects.filter(
        Q(completion__person=user) | Q(completion__part__programme__in=managed_programmes(user))
    )


def get_certificate_or_404(user, code):
    return get_object_or_404(
        certificates_for(user).select_related("completion__part__programme", "completion__person"),
        code=code,
    )


# --- Events -----------------------------------------------------------------------------------
# Event models are looked up through the app registry: events depend on programmes.

EVENT_MANAGER_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _events(model_name):
    return apps.get_model("events", model_name)


def event_programmes_for(user):
    """Programmes in which a person may schedule and run events."""
    return Programme.objects.with_role(user, *EVENT_MANAGER_ROLES)


def can_schedule_events(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or event_programmes_for(user).exists())


def managed_series(user):
    """Series a person may add sessions to: those of programmes where they run events."""
    Series = _events("Series")
    if not user.is_authenticated:
        return Series.objects.none()
    if user.is_site_admin:
        return Series.objects.all()
    return Series.objects.filter(programme__in=event_programmes_for(user).values("pk"))


def managed_events(user):
    """Events a person runs: in programmes where they administer or facilitate, or named on."""
    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_site_admin:
        return Event.objects.all()
    return Event.objects.filter(
        Q(programme__in=event_programmes_for(user).values("pk"))
        | Q(pk__in=Event.facilitators.through.objects.filter(user=user).values("event"))
    )


def public_events():
    """Published events: anyone may see these, signed in or not."""
    return _events("Event").objects.published()


def events_for(user):
    """Events a person may see: every published or cancelled one, plus drafts they run."""
    Event = _events("Event")
    listed = Event.objects.listed()
    if not user.is_authenticated:
        return listed
    return Event.objects.filter(Q(pk__in=listed.values("pk")) | Q(pk__in=managed_events(user).values("pk")))


def can_manage_event(user, event) -> bool:
    return managed_events(user).filter(pk=event.pk).exists()


def get_event_or_404(user, pk):
    return get_object_or_404(events_for(user).select_related("area", "host", "programme", "series"), pk=pk)


def get_managed_event_or_404(user, pk):
    """An event the person runs; 404 if they cannot see it, 403 if they can but do not run it."""
    event = get_event_or_404(user, pk)
    if not can_manage_event(user, event):
        raise PermissionDenied("Only the event's facilitators and programme administrators can do this.")
    return event


def registrations_for(user):
    """Registrations a person may see or change: their own and those at events they run."""
    Registration = _events("Registration")
    if not user.is_authenticated:
        return Registration.objects.none()
    if user.is_site_admin:
        return Registration.objects.all()
    events = managed_events(user)
    return Registration.objects.filter(
        Q(person=user)
        | Q(event__in=events.values("pk"))
        | Q(series__in=events.filter(series__isnull=False).values("series"))
    )


def get_registration_or_404(user, pk):
    return get_object_or_404(registrations_for(user).select_related("event", "series", "person"), pk=pk)


def bookable_people_for(user, event):
    """People a facilitator may register for an event: members of its programme (everyone for site admins)."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    people = User.objects.filter(is_active=True)
    if user.is_site_admin:
        return people
    if event.programme_id is None:
        return people.filter(pk__in=event.registrations.values("person"))
    return people.filter(pk__in=Membership.objects.filter(programme_id=event.programme_id).values("person"))


def get_bookable_person_or_404(user, event, pk):
    if not can_manage_event(user, event):
        raise PermissionDenied("Only the event's facilitators can register other people.")
    return get_object_or_404(bookable_people_for(user, event), pk=pk)


def get_verifiable_certificate_or_404(code):
    """Anyone may verify a certificate by its code; only its public facts are shown."""
    Certificate = _curriculum("Certificate")
    code = code.strip().upper().replace("\x00", "")[:19]
    return get_object_or_404(
        Certificate.objects.select_related("completion__person", "completion__part__programme"), code=code
    )


def get_calendar_feed_or_404(token):
    """The owner of a personal calendar address; the secret token is the credential."""
    CalendarFeed = _events("CalendarFeed")
    feeds = CalendarFeed.objects.select_related("person").filter(person__is_active=True)
    return get_object_or_404(feeds, token=token)


# --- Action plans -----------------------------------------------------------------------------
# Action plan models are looked up through the app registry: action plans depend on programmes.
# A plan is private to its owner; a buddy or the event's facilitators see it only when the owner
# shares it. Everyone else gets 404. Follow-through figures are aggregates without identity.

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


# --- Allocation -------------------------------------------------------------------------------
# Allocation models are looked up through the app registry: allocation depends on events.
# A request round, its requests and its allocations belong to whoever runs every one of its
# sessions; anyone else gets 404.


def _allocation(model_name):
    return apps.get_model("allocation", model_name)


def managed_rounds(user):
    """Rounds all of whose sessions the person runs (site administrators: every round)."""
    RequestRound = _allocation("RequestRound")
    if not user.is_authenticated:
        return RequestRound.objects.none()
    if user.is_site_admin:
        return RequestRound.objects.all()
    not_mine = _events("Event").objects.exclude(pk__in=managed_events(user).values("pk"))
    return (
        RequestRound.objects.filter(events__in=managed_events(user).values("pk"))
        .exclude(events__in=not_mine.values("pk"))
        .distinct()
    )


def get_managed_round_or_404(user, pk):
    return get_object_or_404(managed_rounds(user), pk=pk)


def get_managed_allocation_or_404(user, pk):
    Allocation = _allocation("Allocation")
    return get_object_or_404(
        Allocation.objects.filter(round__in=managed_rounds(user).values("pk")).select_related("round"), pk=pk
    )


def get_requestable_round_or_404(user, event_pk):
    """The open round an event a person can see is taking requests in (the newest, if several)."""
    event = get_event_or_404(user, event_pk)
    request_round = _allocation("RequestRound").objects.open().including(event).newest_first().first()
    if request_round is None:
        raise Http404("This event is not taking requests for places")
    return event, request_round
