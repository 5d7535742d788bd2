"""The catalogue's content, kept rendered per person (eolc/curriculum/catalogue.py): rendered again
only when something it shows changes, and then at once; never for a booking or an event edit.

The tests commit for real: inside a test's transaction every change would leave its stamp
"changing", and the kept content would never be used."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from conftest import give_totp
from eolc.curriculum import services
from eolc.curriculum.catalogue import catalogue_content
from eolc.curriculum.models import PartKind, Status
from eolc.curriculum.tests.factories import ActivityFactory, ModuleFactory, PartFactory
from eolc.events import services as events
from eolc.events.tests.factories import EventFactory
from eolc.programmes.models import Membership, Role
from eolc.programmes.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
CONTENT = "curriculum/catalogue_content.html"


@pytest.fixture
def course(programme, people):
    """A self-paced part of two activities the learner is enrolled on, and a live part that a
    mentorship part waits for."""
    online = PartFactory(programme=programme, title="Part I: Online training", number=1)
    module = ModuleFactory(part=online, title="Talking about dying")
    first = ActivityFactory(module=module, number=1, title="Opening the conversation")
    second = ActivityFactory(module=module, number=2, title="Silence and pace")
    live = PartFactory(programme=programme, title="Part II: Live", number=2, kind=PartKind.LIVE)
    mentorship = PartFactory(
        programme=programme, title="Part IV: Mentorship", number=4, kind=PartKind.MENTORSHIP
    )
    services.part_requires_set(part=mentorship, requires=[live])
    services.enrolment_create(person=people.learner, part=online)
    return online, first, second, live


def visit(client):
    """The page's main content, and whether its content was rendered for it rather than taken from memory."""
    response = client.get(reverse("curriculum:catalogue"))
    assert response.status_code == 200
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return main, CONTENT in [t.name for t in response.templates]


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_the_content_is_rendered_once_and_not_again_for_bookings_cancellations_or_event_edits(
    people, programme, course
):
    client = signed_in(people.learner)
    page, rendered = visit(client)
    assert rendered and "0 of 2 activities" in page
    assert visit(client) == (page, False)
    event = EventFactory(programme=programme, title="Drop-in session")
    registration, _ = events.registration_create(event=event, person=people.learner)
    assert visit(client) == (page, False)
    events.registration_cancel(registration=registration, by=people.learner)
    assert visit(client) == (page, False)
    events.event_update(event=event, by=people.admin, description="Updated")
    assert visit(client) == (page, False)


def test_the_learners_own_progress_shows_at_once(people, course):
    online, first, second, _live = course
    client = signed_in(people.learner)
    other = signed_in(people.champion)
    page, _ = visit(client)
    assert "0 of 2 activities" in page and "Opening the conversation" in page
    services.activity_open(person=people.learner, activity=second)
    page, rendered = visit(client)
    assert rendered and "Silence and pace" in page and "Opening the conversation" not in page
    services.activity_done(person=people.learner, activity=first)
    page, rendered = visit(client)
    assert rendered and "1 of 2 activities" in page and "In progress: 50%" in page

    visit(other)
    services.enrolment_create(person=people.champion, part=online)
    assert visit(other)[1], "the champion's own enrolment"
    assert visit(client) == (page, False), "another learner's enrolment left the learner's page"

    services.activity_done(person=people.learner, activity=second)
    page, _ = visit(client)
    assert "2 of 2 activities" in page and "Completed" in page


def test_attending_a_live_session_completes_its_part_and_unlocks_the_next_at_once(people, programme, course):
    _online, _first, _second, live = course
    client = signed_in(people.learner)
    page, _ = visit(client)
    assert "Locked" in page
    event = EventFactory(programme=programme, part=live, title="Live session")
    events.registration_create(event=event, person=people.learner)
    events.attendance_record(event=event, person=people.learner, attended=True)
    page, rendered = visit(client)
    assert rendered and "Locked" not in page and "Completed" in page


def test_roles_given_and_taken_away_show_at_once(people, programme, other_programme, course):
    PartFactory(programme=programme, title="Part V: Draft", number=5, status=Status.DRAFT)
    PartFactory(programme=other_programme, title="Elsewhere", number=1)
    client = signed_in(people.learner)
    page, _ = visit(client)
    assert "Part V: Draft" not in page and "Programmes you run" not in page and "Elsewhere" not in page
    MembershipFactory(programme=programme, person=give_totp(people.learner), role=Role.ADMIN)
    MembershipFactory(programme=other_programme, person=people.learner, role=Role.LEARNER)
    page, _ = visit(client)
    assert "Part V: Draft" in page and "Programmes you run" in page and "Elsewhere" in page
    Membership.objects.filter(person=people.learner, programme=other_programme).delete()
    Membership.objects.filter(person=people.learner, role=Role.ADMIN).delete()
    page, _ = visit(client)
    assert "Part V: Draft" not in page and "Programmes you run" not in page and "Elsewhere" not in page


def test_the_transaction_that_changes_progress_renders_afresh_and_keeps_nothing(people, course):
    """Like a request still making its change: it must see it, yet what it renders may be rolled
    back, so it must not replace what is kept under the stamps that have not moved."""
    _online, first, _second, _live = course
    assert "0 of 2 activities" in catalogue_content(people.learner)
    with transaction.atomic():
        services.activity_done(person=people.learner, activity=first)
        assert "1 of 2 activities" in catalogue_content(people.learner)
        transaction.set_rollback(True)
    assert "0 of 2 activities" in catalogue_content(people.learner)
