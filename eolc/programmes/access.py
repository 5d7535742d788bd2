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


# --- Mentoring --------------------------------------------------------------------------------
# Mentoring models are looked up through the app registry: mentoring depends on events.
# A group is seen by its mentor, its mentees and the programme's administrators. Session notes
# are seen by the mentor who wrote them and by nobody else, administrators included.


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


# --- Reports ----------------------------------------------------------------------------------
# Dashboards and programme reports are aggregates without identity. Programme administrators and
# commissioners see their programmes' figures; site admins see every programme and all of them
# together. Commissioners see counts under 5 suppressed, and no report page lists a person.

REPORT_ROLES = (Role.ADMIN, Role.COMMISSIONER)


def report_programmes_for(user):
    return Programme.objects.with_role(user, *REPORT_ROLES)


def can_view_any_reports(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or report_programmes_for(user).exists())


def can_view_all_reports(user) -> bool:
    """The dashboard across every programme is for site staff."""
    return user.is_authenticated and user.is_site_admin


def get_report_programme_or_404(user, slug) -> Programme:
    """404 for programmes a person cannot see; 403 for members whose role has no reports."""
    programme = get_programme_or_404(user, slug)
    if not can_view_reports(user, programme):
        raise PermissionDenied("Only programme administrators and commissioners can see reports.")
    return programme


def reports_suppressed_for(user, programme=None) -> bool:
    """Small numbers are hidden from everyone but site admins and the programme's administrators."""
    if user.is_site_admin:
        return False
    return programme is None or not can_manage_programme(user, programme)


def get_learning_points_programme_or_404(user, slug) -> Programme:
    programme = get_report_programme_or_404(user, slug)
    if not can_manage_programme(user, programme):
        raise PermissionDenied("Only programme administrators can write the learning points.")
    return programme


# --- Library and trainer pack -----------------------------------------------------------------
# Library models are looked up through the app registry: the library depends on programmes.
# Published resources are read by everyone signed in (site-wide ones) or by members of their
# programme; programme administrators and trainers (facilitators) add and change their
# programme's resources and session plans; site administrators look after site-wide resources
# and the role and faith guides. Delivered-session records are seen by their trainer and by
# the programme's administrators and commissioners, who report on them.

TRAINER_ROLES = (Role.ADMIN, Role.FACILITATOR)
DELIVERY_REPORT_ROLES = (Role.ADMIN, Role.COMMISSIONER)


def _library(model_name):
    return apps.get_model("library", model_name)


def library_programmes_for(user):
    """Programmes whose resources, session plans and delivered sessions a person may add to."""
    return Programme.objects.with_role(user, *TRAINER_ROLES)


def is_trainer(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or library_programmes_for(user).exists())


def managed_resources(user):
    Resource = _library("Resource")
    if not user.is_authenticated:
        return Resource.objects.none()
    if user.is_site_admin:
        return Resource.objects.all()
    return Resource.objects.filter(programme__in=library_programmes_for(user).values("pk"))


def resources_for(user):
    """Published resources shared site-wide or with a person's programmes, plus every one they manage."""
    Resource = _library("Resource")
    if not user.is_authenticated:
        return Resource.objects.none()
    shared = Q(programme__isnull=True) | Q(programme__in=programmes_for(user).values("pk"))
    return Resource.objects.filter(
        (Q(status="published") & shared) | Q(pk__in=managed_resources(user).values("pk"))
    )


def get_resource_or_404(user, pk):
    return get_object_or_404(resources_for(user).select_related("programme"), pk=pk)


def get_managed_resource_or_404(user, pk):
    """A resource the person may change; 404 if they cannot see it, 403 if they can but may not change it."""
    resource = get_resource_or_404(user, pk)
    if not managed_resources(user).filter(pk=resource.pk).exists():
        raise PermissionDenied("Only the programme's trainers and administrators can change this resource.")
    return resource


def can_add_resources(user) -> bool:
    return is_trainer(user)


def care_roles_for(user):
    CareRole = _library("CareRole")
    if not user.is_authenticated:
        return CareRole.objects.none()
    return CareRole.objects.all() if user.is_site_admin else CareRole.objects.published()


def get_care_role_or_404(user, slug):
    return get_object_or_404(care_roles_for(user), slug=slug)


def faith_guides_for(user):
    FaithGuide = _library("FaithGuide")
    if not user.is_authenticated:
        return FaithGuide.objects.none()
    return FaithGuide.objects.all() if user.is_site_admin else FaithGuide.objects.published()


def get_faith_guide_or_404(user, slug):
    return get_object_or_404(faith_guides_for(user), slug=slug)


def session_plans_for(user):
    """Session plans are shared among a programme's trainers, who build and run them together."""
    SessionPlan = _library("SessionPlan")
    if not user.is_authenticated:
        return SessionPlan.objects.none()
    return SessionPlan.objects.in_programmes(library_programmes_for(user).values("pk"))


def get_session_plan_or_404(user, pk):
    plans = session_plans_for(user).select_related("programme").prefetch_related("sections__resources")
    return get_object_or_404(plans, pk=pk)


def plan_key_messages_for(user):
    """Key messages a trainer may build a session on: the published ones of programmes they train in."""
    return published_key_messages().filter(programme__in=library_programmes_for(user).values("pk"))


def delivery_report_programmes_for(user):
    return Programme.objects.with_role(user, *DELIVERY_REPORT_ROLES)


def delivered_sessions_for(user):
    """Records a person may read: their own, and all in programmes they administer or commission."""
    DeliveredSession = _library("DeliveredSession")
    if not user.is_authenticated:
        return DeliveredSession.objects.none()
    return DeliveredSession.objects.filter(
        Q(trainer=user) | Q(programme__in=delivery_report_programmes_for(user).values("pk"))
    )


def get_own_delivered_session_or_404(user, pk):
    """Only the trainer who recorded a session changes it."""
    DeliveredSession = _library("DeliveredSession")
    if not user.is_authenticated:
        raise Http404("No such session")
    return get_object_or_404(DeliveredSession.objects.by_trainer(user).select_related("programme"), pk=pk)


# --- Insights ---------------------------------------------------------------------------------
# Contributions, themes, key messages and practice examples are looked up through the app registry:
# insights depends on events. A contribution is seen by the person who made it and by the programme
# team (administrators and facilitators) of its programme or the facilitators of its event; nobody
# else, until it is approved and then only through key messages and exports that honour consent.

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
        user.is_site_admin or insight_programmes_for(user).exists() or managed_events(user).exists()
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


# --- Evaluation -------------------------------------------------------------------------------
# Survey models are looked up through the app registry: evaluation depends on events.
# Programme administrators and facilitators build and send surveys; they and commissioners see
# results as figures without names. A person's invitations and answers are theirs alone: anyone
# else gets 404, staff included.

SURVEY_BUILDER_ROLES = (Role.ADMIN, Role.FACILITATOR)
SURVEY_RESULTS_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.COMMISSIONER)


def _evaluation(model_name):
    return apps.get_model("evaluation", model_name)


def survey_programmes_for(user):
    """Programmes in which a person may build and send surveys."""
    return Programme.objects.with_role(user, *SURVEY_BUILDER_ROLES)


def survey_results_programmes_for(user):
    return Programme.objects.with_role(user, *SURVEY_RESULTS_ROLES)


def can_build_surveys(user, programme=None) -> bool:
    programmes = survey_programmes_for(user)
    return (
        user.is_authenticated and (programmes.filter(pk=programme.pk) if programme else programmes).exists()
    )


def can_see_survey_results(user, programme=None) -> bool:
    programmes = survey_results_programmes_for(user)
    return (
        user.is_authenticated and (programmes.filter(pk=programme.pk) if programme else programmes).exists()
    )


def get_survey_programme_or_404(user, slug):
    """A programme whose surveys the person may see; 403 if they may see it but not its surveys."""
    programme = get_programme_or_404(user, slug)
    if not can_see_survey_results(user, programme):
        raise PermissionDenied("Only the programme team and commissioners can see its surveys.")
    return programme


def get_built_survey_or_404(user, pk):
    """A programme survey the person may change (404 outside their programmes, 403 for commissioners)."""
    Survey = _evaluation("Survey")
    survey = get_object_or_404(
        Survey.objects.filter(programme__in=survey_results_programmes_for(user)).select_related("programme"),
        pk=pk,
    )
    if not can_build_surveys(user, survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return survey


def get_survey_results_or_404(user, pk):
    Survey = _evaluation("Survey")
    return get_object_or_404(
        Survey.objects.filter(programme__in=survey_results_programmes_for(user)).select_related("programme"),
        pk=pk,
    )


def get_built_question_or_404(user, pk):
    Question = _evaluation("Question")
    question = get_object_or_404(
        Question.objects.filter(survey__programme__in=survey_results_programmes_for(user)).select_related(
            "survey__programme"
        ),
        pk=pk,
    )
    if not can_build_surveys(user, question.survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return question


def get_built_schedule_or_404(user, pk):
    Schedule = _evaluation("Schedule")
    schedule = get_object_or_404(
        Schedule.objects.filter(survey__programme__in=survey_results_programmes_for(user)).select_related(
            "survey__programme"
        ),
        pk=pk,
    )
    if not can_build_surveys(user, schedule.survey.programme):
        raise PermissionDenied("Only programme administrators and facilitators can change surveys.")
    return schedule


def survey_templates():
    """Templates are public knowledge within the service: anyone who builds surveys may copy one."""
    return _evaluation("Survey").objects.templates()


def own_invitations(user):
    Invitation = _evaluation("Invitation")
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.sent().for_person(user)


def get_own_invitation_or_404(user, pk):
    return get_object_or_404(own_invitations(user).select_related("survey", "event", "schedule"), pk=pk)


# --- Imports ----------------------------------------------------------------------------------
# Programme administrators import people and attendance into their programmes. An uploaded file
# holds personal data, so only its uploader sees its preview (404 for anyone else).


def import_programmes_for(user):
    return managed_programmes(user)


def can_import(user) -> bool:
    return user.is_authenticated and import_programmes_for(user).exists()


def get_import_batch_or_404(user, pk):
    ImportBatch = apps.get_model("imports", "ImportBatch")
    if not user.is_authenticated:
        raise Http404("No such import")
    batches = ImportBatch.objects.uploaded_by(user).filter(programme__in=import_programmes_for(user))
    return get_object_or_404(batches.select_related("programme"), pk=pk)


def import_events_for(user, programme):
    """Events whose attendance a person may import: those they run in the programme."""
    return managed_events(user).filter(programme=programme)


# --- Champions network ------------------------------------------------------------------------
# Champion models are looked up through the app registry: champions depend on events.
# The directory, noticeboard and consultations of a network are for its champions and its
# programme team (administrators and facilitators): another member of the programme gets 403,
# anyone else 404. What a champion shares is read from the consent ledger on every request.

NETWORK_STAFF_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _champions(model_name):
    return apps.get_model("champions", model_name)


def network_programmes_for(user):
    """Programmes whose network a person may open: as an active champion or on the programme team."""
    return Programme.objects.with_role(user, Role.CHAMPION, *NETWORK_STAFF_ROLES)


def network_staff_programmes_for(user):
    return Programme.objects.with_role(user, *NETWORK_STAFF_ROLES)


def can_open_champion_networks(user) -> bool:
    """Whether the header shows the champions link: members of a programme with a network, and champions."""
    if not user.is_authenticated:
        return False
    return member_networks_for(user).exists() or _champions("Champion").objects.of_person(user).exists()


def is_network_staff(user, programme) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or bool(roles_in(user, programme) & set(NETWORK_STAFF_ROLES))
    )


def get_open_invitation_or_404(slug):
    """Anyone may read a network's invitation while it is open."""
    Network = _champions("Network")
    return get_object_or_404(
        Network.objects.select_related("programme"), programme__slug=slug, invitation_open=True
    )


def get_network_or_404(user, slug):
    """A network the person belongs to: 404 outside the programme, 403 for members who are not in it."""
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The champions network is open to its champions and the programme team.")
    return network


def get_staff_network_or_404(user, slug):
    network = get_network_or_404(user, slug)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can do this.")
    return network


def get_managed_network_or_404(user, slug):
    """Approving champions and sharing invitation links: programme administrators."""
    network = get_network_or_404(user, slug)
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can do this.")
    return network


def own_champion(user, network):
    """The person's own place in a network (pending or active), or None."""
    if not user.is_authenticated:
        return None
    return _champions("Champion").objects.filter(network=network, person=user).first()


def get_own_champion_or_404(user, slug):
    Champion = _champions("Champion")
    if not user.is_authenticated:
        raise Http404("No such champion")
    return get_object_or_404(
        Champion.objects.select_related("network__programme", "person"),
        network__programme__slug=slug,
        person=user,
    )


def viewer_audiences(user, network) -> list[str]:
    """Which consent audiences a viewer belongs to. Champions and the team are also programme members."""
    from eolc.champions.models import Audience  # champions depend on programmes: import when called

    if network_programmes_for(user).filter(pk=network.programme_id).exists():
        return [Audience.CHAMPIONS, Audience.MEMBERS]
    if can_view_programme(user, network.programme):
        return [Audience.MEMBERS]
    return []


def directory_champions_for(user, network):
    """Active champions of a network as this viewer may see them, with `shares_<field>` from the ledger."""
    Champion = _champions("Champion")
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The directory is open to champions and the programme team.")
    return (
        Champion.objects.filter(network=network)
        .active()
        .with_sharing(viewer_audiences(user, network))
        .select_related("person__area", "person__job_role", "person__organisation")
    )


def get_member_network_or_404(user, slug):
    """A network of a programme the person belongs to in any role (404 otherwise)."""
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    return network


def member_networks_for(user):
    """Networks of every programme the person belongs to, whatever their role."""
    return (
        _champions("Network").objects.filter(programme__in=programmes_for(user)).select_related("programme")
    )


def visible_champions_for(user, network):
    """Champions a person may look up: the whole directory for champions and the team; for other
    members of the programme, only champions who shared something with everyone signed in."""
    from eolc.champions.models import Audience, ConsentField  # champions depend on programmes

    if network_programmes_for(user).filter(pk=network.programme_id).exists():
        return directory_champions_for(user, network)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    shared_something = Q(pk__in=[])
    for field in ConsentField.values:
        shared_something |= Q(**{f"shares_{field}": True})
    return (
        _champions("Champion")
        .objects.filter(network=network)
        .active()
        .with_sharing([Audience.MEMBERS])
        .filter(shared_something)
        .select_related("person__area", "person__job_role", "person__organisation")
    )


def get_directory_champion_or_404(user, network, pk):
    return get_object_or_404(visible_champions_for(user, network), pk=pk)


def messages_for(user, network):
    """Relayed messages a person sent or received in a network."""
    ContactMessage = _champions("ContactMessage")
    if not user.is_authenticated:
        return ContactMessage.objects.none()
    return ContactMessage.objects.filter(network=network).involving(user)


def get_message_or_404(user, network, pk):
    return get_object_or_404(messages_for(user, network).select_related("sender", "recipient"), pk=pk)


def pending_champions_for(user, network):
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can approve champions.")
    return _champions("Champion").objects.filter(network=network).pending()


def get_pending_champion_or_404(user, network, pk):
    return get_object_or_404(pending_champions_for(user, network), pk=pk)


def own_championships(user):
    """The networks a person joined, pending or active."""
    if not user.is_authenticated:
        return _champions("Champion").objects.none()
    return _champions("Champion").objects.of_person(user).select_related("network__programme")


def get_network_home_or_404(user, slug):
    """A network's home page: for its champions (pending too) and for those who may open the network.

    Returns (network, the person's own champion record or None).
    """
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    champion = own_champion(user, network)
    if champion is None:
        network = get_network_or_404(user, slug)
    return network, champion


def champion_events_for(user, programme):
    """The programme's champion events the person may see, soonest first."""
    from eolc.events.models import EventKind  # events depend on programmes: import when called

    return (
        events_for(user)
        .filter(programme=programme, kind=EventKind.CHAMPION_EVENT)
        .published()
        .chronological()
    )


def champion_events_attended(user, programme):
    """Champion events of the programme at which the person was recorded as attending."""
    from eolc.events.models import EventKind  # events depend on programmes: import when called

    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.none()
    went = _events("Attendance").objects.filter(person=user, attended=True).values("event")
    return Event.objects.filter(programme=programme, kind=EventKind.CHAMPION_EVENT, pk__in=went).order_by(
        "-starts_at"
    )


def threads_for(user, network):
    """Noticeboard threads a person may read: the team also sees hidden ones, to moderate them."""
    Thread = _champions("Thread")
    threads = Thread.objects.in_network(network)
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The noticeboard is open to champions and the programme team.")
    return threads if is_network_staff(user, network.programme) else threads.visible()


def get_thread_or_404(user, network, pk):
    return get_object_or_404(threads_for(user, network).select_related("author"), pk=pk)


def get_post_or_404(user, network, pk):
    """A post on a thread the person can read; hidden posts only for the team."""
    Post = _champions("Post")
    posts = Post.objects.filter(thread__in=threads_for(user, network).values("pk"))
    if not is_network_staff(user, network.programme):
        posts = posts.filter(is_hidden=False)
    return get_object_or_404(posts.select_related("thread"), pk=pk)


def get_moderated_post_or_404(user, network, pk):
    post = get_post_or_404(user, network, pk)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can moderate the noticeboard.")
    return post


def get_moderated_thread_or_404(user, network, pk):
    thread = get_thread_or_404(user, network, pk)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can moderate the noticeboard.")
    return thread


def open_reports_for(user, network):
    Report = _champions("Report")
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can see reports.")
    return Report.objects.open().filter(post__thread__network=network)


def own_noticeboard_preference(user, network) -> str:
    """How often the person hears about new posts ("none" until they choose)."""
    preference = _champions("NoticeboardPreference").objects.filter(network=network, person=user).first()
    return preference.frequency if preference else "none"


def network_champions_for_staff(user, network):
    """Every champion of a network, pending too, for the team's figures and approvals."""
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can see the network's growth.")
    return _champions("Champion").objects.filter(network=network)


# Groups and consultations hang off the programme (another app may consult on its own drafts),
# so a programme without a champions network can still run them. The team (administrators and
# facilitators) runs them; consultees see the ones sent to them; everyone else gets 404.


def can_run_consultations(user, programme) -> bool:
    return is_network_staff(user, programme)


def get_consultation_programme_or_404(user, slug):
    """A programme whose consultations the person may list: the team, group members and champions."""
    programme = get_programme_or_404(user, slug)
    if not (can_run_consultations(user, programme) or consultations_for(user, programme).exists()):
        raise PermissionDenied("Consultations are for the groups they are sent to and the programme team.")
    return programme


def consultations_for(user, programme):
    Consultation = _champions("Consultation")
    if not user.is_authenticated:
        return Consultation.objects.none()
    consultations = Consultation.objects.in_programme(programme)
    return consultations if can_run_consultations(user, programme) else consultations.sent_to(user)


def get_consultation_or_404(user, programme, pk):
    return get_object_or_404(
        consultations_for(user, programme).select_related("opened_by", "decided_by"), pk=pk
    )


def get_run_consultation_or_404(user, programme, pk):
    consultation = get_consultation_or_404(user, programme, pk)
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can respond and record the outcome.")
    return consultation


def can_respond_to_consultation(user, consultation) -> bool:
    return consultation.consultee_people().filter(pk=user.pk).exists()


def group_memberships_for(user, programme):
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can change the groups.")
    return _champions("GroupMembership").objects.in_programme(programme).select_related("person")


def get_group_membership_or_404(user, programme, pk):
    return get_object_or_404(group_memberships_for(user, programme), pk=pk)


def group_candidates_for(user, programme):
    """People who may be given a seat on a group: members of the programme."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can change the groups.")
    return User.objects.active().filter(
        pk__in=Membership.objects.filter(programme=programme).values("person")
    )


def managed_champions_for(user, network):
    """Every champion of a network, for administrators recording consent on someone's behalf."""
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can do this.")
    return _champions("Champion").objects.filter(network=network).select_related("person")


def get_managed_champion_or_404(user, network, pk):
    return get_object_or_404(managed_champions_for(user, network), pk=pk)


# --- Audit log --------------------------------------------------------------------------------


def can_read_audit_log(user) -> bool:
    """Only site administrators: the log shows who did what across every programme."""
    return user.is_authenticated and user.is_site_admin


def audit_events_for(user):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    return AuditEvent.objects.newest_first() if can_read_audit_log(user) else AuditEvent.objects.none()


# --- Scenarios --------------------------------------------------------------------------------
# Scenario models are looked up through the app registry: scenarios depend on programmes.
# Programme administrators and facilitators write and publish scenarios; anyone signed in may
# play a published one. What learners choose is kept only as counts.

SCENARIO_EDITOR_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _scenarios(model_name):
    return apps.get_model("scenarios", model_name)


def scenario_programmes_for(user):
    """Programmes in which a person may write scenarios."""
    return Programme.objects.with_role(user, *SCENARIO_EDITOR_ROLES)


def can_write_scenarios(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or scenario_programmes_for(user).exists())


def editable_scenarios(user):
    Scenario = _scenarios("Scenario")
    if not user.is_authenticated:
        return Scenario.objects.none()
    return Scenario.objects.filter(programme__in=scenario_programmes_for(user).values("pk"))


def get_editable_scenario_or_404(user, pk):
    return get_object_or_404(editable_scenarios(user).select_related("programme", "start_node"), pk=pk)


def get_editable_node_or_404(user, pk):
    Node = _scenarios("Node")
    return get_object_or_404(
        Node.objects.filter(scenario__in=editable_scenarios(user).values("pk")).select_related("scenario"),
        pk=pk,
    )


def get_editable_choice_or_404(user, pk):
    Choice = _scenarios("Choice")
    return get_object_or_404(
        Choice.objects.filter(node__scenario__in=editable_scenarios(user).values("pk")).select_related(
            "node__scenario", "leads_to"
        ),
        pk=pk,
    )


def scenario_key_messages(scenario):
    """Key messages a scenario's choices may be linked to: those of its programme, drafts included."""
    return apps.get_model("insights", "KeyMessage").objects.in_programme(scenario.programme).in_order()


def playable_scenarios(user):
    """Published scenarios, for anyone signed in."""
    Scenario = _scenarios("Scenario")
    if not user.is_authenticated:
        return Scenario.objects.none()
    return Scenario.objects.published()


def get_playable_scenario_or_404(user, pk):
    return get_object_or_404(playable_scenarios(user).select_related("start_node"), pk=pk)


def get_playable_node_or_404(user, scenario, pk):
    return get_object_or_404(scenario.nodes.prefetch_related("choices", "role_tags"), pk=pk)


def get_playable_choice_or_404(user, scenario, pk):
    Choice = _scenarios("Choice")
    return get_object_or_404(
        Choice.objects.filter(node__scenario=scenario, leads_to__isnull=False).select_related(
            "node", "leads_to"
        ),
        pk=pk,
    )
