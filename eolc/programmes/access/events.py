"""Who may see, run and book events, registrations and calendar feeds.

Event models are looked up through the app registry: events depend on programmes.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from eolc.programmes.access.curriculum import _curriculum
from eolc.programmes.access.roles import has_role_anywhere, programme_ids_with_role
from eolc.programmes.models import Membership, Programme, Role

EVENT_MANAGER_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _events(model_name):
    return apps.get_model("events", model_name)


def event_programmes_for(user):
    """Programmes in which a person may schedule and run events."""
    return Programme.objects.with_role(user, *EVENT_MANAGER_ROLES)


def can_schedule_events(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or has_role_anywhere(user, EVENT_MANAGER_ROLES))


def managed_series(user):
    """Series a person may add sessions to: those of programmes where they run events."""
    Series = _events("Series")
    if not user.is_authenticated:
        return Series.objects.none()
    if user.is_site_admin:
        return Series.objects.all()
    return Series.objects.filter(programme__in=event_programmes_for(user).values("pk"))


def _runs(user) -> Q:
    """Events in programmes where the person administers or facilitates, or where they are named.

    Programme ids come from the remembered memberships rather than a subquery: a page asks this
    several times, and building the nested query cost more than running it."""
    Event = _events("Event")
    named = Q(pk__in=Event.facilitators.through.objects.filter(user=user).values("event"))
    programmes = programme_ids_with_role(user, EVENT_MANAGER_ROLES)
    return Q(programme_id__in=programmes) | named if programmes else named


def managed_events(user):
    """Events a person runs: in programmes where they administer or facilitate, or named on."""
    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_site_admin:
        return Event.objects.all()
    return Event.objects.filter(_runs(user))


def public_events():
    """Published events: anyone may see these, signed in or not."""
    return _events("Event").objects.published()


def events_for(user):
    """Events a person may see: every published or cancelled one, plus drafts they run."""
    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.listed()
    if user.is_site_admin:
        return Event.objects.all()
    return Event.objects.filter(Q(status__in=Event.LISTED_STATUSES) | _runs(user))


def _is_named(user, event) -> bool:
    """Whether the person is one of the event's facilitators: read from the facilitators loaded
    with the event when they were (the event page does), else asked of the database."""
    if "facilitators" in getattr(event, "_prefetched_objects_cache", {}):
        return any(person.pk == user.pk for person in event.facilitators.all())
    return event.facilitators.filter(pk=user.pk).exists()


def events_scope(user):
    """What `events_for` shows a person depends on, as a value for a cache key: people with equal
    scopes see the same events. Most people share the scope of the listed events; those who run
    events in programmes share it with others running the same ones; a named facilitator's is their
    own. Change it whenever `events_for` changes."""
    if not user.is_authenticated:
        return "listed"
    if user.is_site_admin:
        return "all"
    named = _events("Event").facilitators.through.objects.filter(user=user).exists()
    return ("runs", tuple(programme_ids_with_role(user, EVENT_MANAGER_ROLES)), user.pk if named else None)


def can_manage_event(user, event) -> bool:
    """The same answer as `managed_events`, for one event already loaded: its programme is checked
    against the remembered roles, so only a person who runs no programme of it costs a query."""
    if not user.is_authenticated:
        return False
    if user.is_site_admin or event.programme_id in programme_ids_with_role(user, EVENT_MANAGER_ROLES):
        return True
    return _is_named(user, event)


def can_see_event(user, event) -> bool:
    """The same answer as `events_for`, for one event already loaded."""
    return event.status in _events("Event").LISTED_STATUSES or can_manage_event(user, event)


def get_event_or_404(user, pk, *, with_place_counts=False):
    """An event the person can see, or 404; `with_place_counts` adds its confirmed and waitlisted counts."""
    events = events_for(user).select_related("area", "host", "programme", "series")
    return get_object_or_404(events.with_place_counts() if with_place_counts else events, pk=pk)


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


def own_registrations(user):
    """A person's own registrations: always theirs to see, so no wider scope needs building."""
    Registration = _events("Registration")
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.for_person(user)


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
