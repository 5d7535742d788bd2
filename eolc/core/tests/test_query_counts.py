"""The main list pages make as many queries for 3N rows as for N: no query per row.

One data-driven test: each `Listing` names who looks, the page, and how to add `n` more rows it
shows. The test adds N rows, counts the queries of a request, adds 2N more, counts again, and
fails when the count grew, printing the queries of both requests so the repeated one is easy to
see. Add a row when a page lists something that grows with use.
"""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans.tests.factories import make_plan
from eolc.champions.models import ChampionStatus
from eolc.champions.services.noticeboard import thread_create
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.core.tests.kept import forget_kept
from eolc.core.tests.walk import World
from eolc.events.models import Registration, RegistrationStatus
from eolc.events.tests.access_table import event
from eolc.events.tests.factories import EventFactory, RegistrationFactory, SeriesFactory
from eolc.insights.models import ExampleStatus
from eolc.insights.tests.factories import PracticeExampleFactory, make_contribution
from eolc.library.tests.factories import ResourceFactory
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory, ProgrammeFactory

N = 2
_counter = itertools.count()


@dataclass
class Listing:
    viewer: str  # a role of the `people` fixture, or "anonymous"
    url: Callable  # world -> the page's address
    add: Callable  # (world, n) -> None: n more rows the page shows


def _start(w):
    """One start time for the calendar's events, a few days ahead, so they share a month."""
    return w.once("start", lambda: timezone.now() + datetime.timedelta(days=3))


def _series(w):
    return w.once("series", lambda: SeriesFactory(programme=w.programme))


def _sessions(w, n):
    for _ in range(n):
        session = EventFactory(programme=w.programme, series=_series(w), starts_at=_start(w))
        session.facilitators.add(w.people.facilitator)


def _first_session_url(w):
    first = w.once("first session", lambda: EventFactory(programme=w.programme, series=_series(w)))
    return reverse("events:detail", args=[first.pk])


def _calendar_url(w):
    return f"{reverse('events:calendar')}?month={timezone.localtime(_start(w)):%Y-%m}&view=list"


def _events(w, n):
    for _ in range(n):
        made = EventFactory(
            programme=w.programme, starts_at=_start(w), ends_at=_start(w) + datetime.timedelta(hours=1)
        )
        made.facilitators.add(w.people.facilitator)
        RegistrationFactory(event=made, person=UserFactory())


def _registrations(w, n):
    for _ in range(n):
        RegistrationFactory(event=event(w), person=UserFactory(), hopes="To learn", access_needs="Step-free")


def _members(w, n):
    for _ in range(n):
        MembershipFactory(programme=w.programme, person=UserFactory(), role=Role.LEARNER)


def _programmes(w, n):
    for _ in range(n):
        MembershipFactory(programme=ProgrammeFactory(), person=w.people.learner, role=Role.LEARNER)


def _resources(w, n):
    for _ in range(n):
        ResourceFactory()


def _plans(w, n):
    for _ in range(n):
        make_plan(w.people.learner, event=EventFactory(programme=w.programme), actions=2)


def _contributions(w, n):
    for _ in range(n):
        make_contribution(w.programme, approved=False, text=f"Pending contribution {next(_counter)}")


def _examples(w, n):
    for _ in range(n):
        PracticeExampleFactory(status=ExampleStatus.PUBLISHED, published_at=timezone.now())


def _network(w):
    def build():
        network = NetworkFactory(programme=w.programme)
        ChampionFactory(network=network, person=w.people.champion, status=ChampionStatus.ACTIVE)
        return network

    return w.once("network", build)


def _threads(w, n):
    """Threads by different champions, so authors' names are looked up too."""
    for _ in range(n):
        champion = ChampionFactory(network=_network(w), status=ChampionStatus.ACTIVE)
        thread_create(
            network=_network(w), author=champion.person, category="questions", title="A question", body="Body"
        )


LISTINGS = {
    "calendar": Listing("anonymous", _calendar_url, _events),
    "calendar for a facilitator": Listing("facilitator", _calendar_url, _events),
    "event page with its series' sessions": Listing("learner", _first_session_url, _sessions),
    "a session's registrations": Listing(
        "facilitator", lambda w: reverse("events:registrations", args=[event(w).pk]), _registrations
    ),
    "people of a programme": Listing("admin", lambda w: reverse("programmes:people"), _members),
    "dashboard": Listing("learner", lambda w: reverse("programmes:dashboard"), _programmes),
    "programme list": Listing("learner", lambda w: reverse("programmes:list"), _programmes),
    "library": Listing("learner", lambda w: reverse("library:index"), _resources),
    "my action plans": Listing("learner", lambda w: reverse("action_plans:mine"), _plans),
    "contributions to review": Listing("facilitator", lambda w: reverse("insights:review"), _contributions),
    "practice examples": Listing("anonymous", lambda w: reverse("insights:catalogue"), _examples),
    "noticeboard": Listing(
        "champion",
        lambda w: reverse("champions:noticeboard", args=[_network(w).programme.slug]),
        _threads,
    ),
    "API: events": Listing("learner", lambda w: "/api/v1/events", _events),
    "API: library resources": Listing("learner", lambda w: "/api/v1/library/resources", _resources),
    "API: my action plans": Listing("learner", lambda w: "/api/v1/plans", _plans),
}


def _count(client, url):
    forget_kept()  # count the work of rendering, not of reading what is kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries), [query["sql"] for query in queries.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTINGS)
def test_queries_do_not_grow_with_rows(people, programme, other_programme, name):
    listing = LISTINGS[name]
    world = World(people, programme, other_programme)
    client = Client()
    if listing.url(world).startswith("/api/"):
        client = Client(
            HTTP_AUTHORIZATION=f"Bearer {api_token_issue(person=getattr(people, listing.viewer))}"
        )
    elif listing.viewer != "anonymous":
        client.force_login(getattr(people, listing.viewer))
    listing.add(world, N)
    url = listing.url(world)
    client.get(url)  # the first request fills per-process caches (content types, sessions)
    few, few_sql = _count(client, url)
    listing.add(world, 2 * N)
    many, many_sql = _count(client, url)
    assert many == few, (
        f"{name}: {few} queries with {N} rows, {many} with {3 * N}. Queries with more rows:\n"
        + "\n".join(many_sql)
    )


# Booking and cancelling, with the writes that follow commit (stamps, email tasks) counted. A
# booking: the session with the stamps (the person's and the event's: `stamps.read_with`,
# `stamps.read_with_path`), the lock, the places taken and any place already held (one query),
# the insert, its stamps in one statement, its email and the session's message. Cancelling: the
# session with the stamps, the event locked and read, the registration and its update, the places
# taken, the first person waiting and their update, the stamps, two emails and the message.
BOOK_STATEMENTS = 7
CANCEL_STATEMENTS = 11


def _statements(queries) -> list[str]:
    """What was sent to the database, leaving out transaction control (which SQLite logs and
    PostgreSQL does not)."""
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
    return [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith(control)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_booking_and_cancelling_a_place_cost_the_same_few_queries_however_many_are_booked():
    """Committed for real, as on a server: a test's own transaction would hold the writes that
    follow commit, and keep the signed-in person from being kept."""
    counts = {}
    for others in (N, 3 * N):
        event = EventFactory(capacity=others + 1)
        RegistrationFactory.create_batch(others, event=event)
        RegistrationFactory.create_batch(
            others, event=event, status=RegistrationStatus.WAITLISTED, confirmed_at=None
        )
        client = Client()
        client.force_login(UserFactory())
        client.get(reverse("events:detail", args=[event.pk]))
        client.get(reverse("events:register", args=[event.pk]))
        with CaptureQueriesContext(connection) as booking:
            response = client.post(reverse("events:register", args=[event.pk]), {"hopes": "To learn"})
        assert response.status_code == 302
        booked = _statements(booking)  # before the next request empties the connection's log
        client.get(reverse("events:detail", args=[event.pk]))
        with CaptureQueriesContext(connection) as cancelling:
            response = client.post(reverse("events:cancel", args=[event.pk]))
        assert response.status_code == 302
        assert (
            Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
            == others + 1
        )
        counts[others] = (booked, _statements(cancelling))
    for few, many, limit in zip(counts[N], counts[3 * N], (BOOK_STATEMENTS, CANCEL_STATEMENTS), strict=True):
        assert (len(few), len(many)) == (limit, limit), "\n".join(many)
