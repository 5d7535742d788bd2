"""GET /api/v1/events serves pages from memory (eolc.api.pages): never another person's, never stale.

Each change runs its on-commit callbacks, as a real commit would: that is what moves the stamp.
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from ninja.responses import NinjaJSONEncoder

from eolc.accounts.services import api_token_issue
from eolc.accounts.tests.factories import UserFactory
from eolc.api.events import EventPages, _summary
from eolc.events import services
from eolc.events.models import Event, EventStatus, RegistrationStatus
from eolc.events.tests.factories import EventFactory, RegistrationFactory, SeriesFactory, in_days
from eolc.programmes.models import Membership, Role
from eolc.programmes.tests.factories import MembershipFactory

EVENTS = "/api/v1/events"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change's on-commit callbacks, as its commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def listing(client, person, query=""):
    token = api_token_issue(person=person)
    response = client.get(f"{EVENTS}?{query}", headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.content
    return response.json()


def ids(client, person, query=""):
    return [row["id"] for row in listing(client, person, query)["items"]]


@pytest.fixture
def events(db, programme, other_programme):
    """A published event, a draft of `programme` and a draft of the other programme."""
    published = EventFactory(programme=programme, starts_at=in_days(3))
    draft = EventFactory(programme=programme, status=EventStatus.DRAFT, starts_at=in_days(4))
    elsewhere = EventFactory(programme=other_programme, status=EventStatus.DRAFT, starts_at=in_days(5))
    return published, draft, elsewhere


@pytest.mark.django_db
@pytest.mark.parametrize("first", ["learner", "facilitator", "site_admin", "other_admin"])
def test_each_person_sees_their_own_drafts_whoever_asked_first(client, people, events, first):
    published, draft, elsewhere = events
    listing(client, getattr(people, first))
    assert ids(client, people.learner) == [published.pk]
    assert ids(client, people.champion) == [published.pk]
    assert ids(client, people.facilitator) == [published.pk, draft.pk]
    assert ids(client, people.admin) == [published.pk, draft.pk]
    assert ids(client, people.other_admin) == [published.pk, elsewhere.pk]
    assert ids(client, people.site_admin) == [published.pk, draft.pk, elsewhere.pk]


@pytest.mark.django_db
def test_a_named_facilitator_sees_their_draft_and_nobody_else_does(client, people, events):
    published, draft, _ = events
    named, colleague = UserFactory(), UserFactory()
    draft.facilitators.add(named)
    assert ids(client, colleague) == [published.pk]
    assert ids(client, named) == [published.pk, draft.pk]
    assert ids(client, colleague) == [published.pk]


@pytest.mark.django_db
def test_a_change_to_an_event_shows_at_once(client, people, events, commit):
    published, draft, _ = events
    assert ids(client, people.learner) == [published.pk]
    with commit():
        services.event_update(event=draft, by=people.admin, status=EventStatus.PUBLISHED, title="Now open")
    items = [(row["id"], row["title"]) for row in listing(client, people.learner)["items"]]
    assert items == [(published.pk, published.title), (draft.pk, "Now open")]


@pytest.mark.django_db
def test_a_registration_shows_in_the_counts_at_once(client, people, events, commit):
    published = events[0]
    assert listing(client, people.learner)["items"][0]["confirmed_count"] == 0
    with commit():
        RegistrationFactory(event=published)
    assert listing(client, people.learner)["items"][0]["confirmed_count"] == 1


@pytest.mark.django_db
def test_gaining_and_losing_a_role_shows_at_once(client, people, programme, events, commit):
    published, draft, _ = events
    assert ids(client, people.learner) == [published.pk]
    with commit():
        MembershipFactory(programme=programme, person=people.learner, role=Role.FACILITATOR)
    assert ids(client, people.learner) == [published.pk, draft.pk]
    with commit():
        Membership.objects.get(programme=programme, person=people.learner, role=Role.FACILITATOR).delete()
    assert ids(client, people.learner) == [published.pk]


@pytest.mark.django_db
def test_being_named_and_unnamed_on_an_event_shows_at_once(client, people, events, commit):
    published, draft, _ = events
    assert ids(client, people.learner) == [published.pk]
    with commit():
        draft.facilitators.add(people.learner)
    assert ids(client, people.learner) == [published.pk, draft.pk]
    with commit():
        draft.facilitators.remove(people.learner)
    assert ids(client, people.learner) == [published.pk]


@pytest.mark.django_db
def test_becoming_a_site_admin_shows_without_any_other_change(client, people, events):
    published, draft, elsewhere = events
    assert ids(client, people.outsider) == [published.pk]
    people.outsider.is_staff = True
    people.outsider.save(update_fields=["is_staff"])
    assert ids(client, people.outsider) == [published.pk, draft.pk, elsewhere.pk]


@pytest.mark.django_db
def test_an_event_drops_out_the_moment_it_ends(client, people):
    with freeze_time(timezone.now()) as clock:
        ending = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
        ending.ends_at = timezone.now() + datetime.timedelta(seconds=20)
        ending.save()
        later = EventFactory(starts_at=in_days(3))
        assert ids(client, people.learner) == [ending.pk, later.pk]
        clock.tick(datetime.timedelta(seconds=21))
        assert ids(client, people.learner) == [later.pk]


@pytest.mark.django_db
def test_queries_differ_by_their_parameters(client, people, events):
    published, draft, _ = events
    assert ids(client, people.admin, "limit=1") == [published.pk]
    assert ids(client, people.admin, "limit=1&offset=1") == [draft.pk]
    assert ids(client, people.admin, "kind=webinar") == []
    assert listing(client, people.admin, "limit=1")["count"] == 2


@pytest.mark.django_db
def test_a_cached_page_is_the_page_ninja_would_have_built(client, people, events):
    """The body is written without validating it against the schema: it must come out the same."""
    session = EventFactory(series=SeriesFactory(capacity=7), starts_at=in_days(6))
    RegistrationFactory(event=None, series=session.series)
    RegistrationFactory(event=events[0], status=RegistrationStatus.WAITLISTED)
    token = api_token_issue(person=people.admin)
    headers = {"authorization": f"Bearer {token}"}
    first = client.get(EVENTS, headers=headers)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(EVENTS, headers=headers)
    shown = [events[0].pk, events[1].pk, session.pk]
    page = Event.objects.filter(pk__in=shown).with_place_counts().chronological()
    built = EventPages.Output.model_validate({"items": [_summary(event) for event in page], "count": 3})
    assert [item.capacity for item in built.items] == [10, 10, 7]
    assert [(item.confirmed_count, item.waitlisted_count) for item in built.items] == [(0, 1), (0, 0), (1, 0)]
    assert first.content == again.content == json.dumps(built.model_dump(), cls=NinjaJSONEncoder).encode()
    assert first["Content-Type"] == again["Content-Type"] == "application/json; charset=utf-8"
    # The token with its person, and the stamp.
    assert len(queries) == 2, [query["sql"] for query in queries]
