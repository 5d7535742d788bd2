"""No overbooking under concurrent registrations, on SQLite and on PostgreSQL.

Forty threads, each with its own database connection, register forty people for ten places at
once. With the lock, exactly ten are confirmed and thirty wait. The control run switches the lock
off (`services.LOCK_PLACES`), which makes registration a plain check-then-insert, and shows the
overbooking the lock prevents, so this test can fail.

Counting places is slowed a little in both runs, to widen the window a race needs. On SQLite the
threads use a file copy of the test database (an in-memory database cannot be shared between
connections the way a real one is), opened with the project's own connection options.
"""

import threading
import time
from collections import Counter

import pytest
from django.conf import settings
from django.db import connections

from eolc.accounts.models import User
from eolc.accounts.tests.factories import UserFactory
from eolc.events import services
from eolc.events.models import Event, Registration
from eolc.events.tests.factories import EventFactory

ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
PEOPLE = 40
PLACES = 10

# SQLite: a file copy within an ordinary test. PostgreSQL: the threads need committed rows.
pytestmark = pytest.mark.django_db(transaction=not ON_SQLITE, serialized_rollback=not ON_SQLITE)


@pytest.fixture
def slow_counting(monkeypatch):
    original = services._places_taken

    def slow(event, person):
        taken = original(event, person)
        time.sleep(0.02)
        return taken

    monkeypatch.setattr(services, "_places_taken", slow)


def in_thread(use_database, work):
    """Run `work` in a new thread on the shared database and return what it returns."""
    box = {}

    def run():
        use_database()
        try:
            box["value"] = work()
        finally:
            connections["default"].close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return box["value"]


def register_all_at_once(use_database, event_id, person_ids):
    barrier = threading.Barrier(len(person_ids))
    statuses, errors = [], []

    def register(person_id):
        use_database()
        try:
            event = Event.objects.get(pk=event_id)
            person = User.objects.get(pk=person_id)
            barrier.wait()
            registration, _ = services.registration_create(event=event, person=person)
            statuses.append(registration.status)
        except Exception as exc:  # noqa: BLE001 - every error is a failure to report
            errors.append(repr(exc))
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=register, args=(pk,)) for pk in person_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(statuses), errors


def setup_event(use_database):
    def make():
        event = EventFactory(capacity=PLACES)
        people = [UserFactory().pk for _ in range(PEOPLE)]
        return event.pk, people

    return in_thread(use_database, make)


def stored_statuses(use_database, event_id):
    return in_thread(
        use_database,
        lambda: Counter(Registration.objects.filter(event_id=event_id).values_list("status", flat=True)),
    )


def test_forty_people_at_once_for_ten_places_gives_ten_places_and_thirty_waiting(
    thread_database, slow_counting
):
    event_id, people = setup_event(thread_database)
    started = time.monotonic()
    statuses, errors = register_all_at_once(thread_database, event_id, people)
    elapsed = time.monotonic() - started
    assert errors == []
    assert statuses == {"confirmed": PLACES, "waitlisted": PEOPLE - PLACES}
    assert stored_statuses(thread_database, event_id) == {"confirmed": PLACES, "waitlisted": PEOPLE - PLACES}
    assert elapsed < 30


def test_control_without_the_lock_the_same_burst_overbooks(thread_database, slow_counting, monkeypatch):
    monkeypatch.setattr(services, "LOCK_PLACES", False)
    event_id, people = setup_event(thread_database)
    statuses, errors = register_all_at_once(thread_database, event_id, people)
    assert errors == []
    stored = stored_statuses(thread_database, event_id)
    assert stored["confirmed"] > PLACES, f"the race did not show: {stored}"


@pytest.mark.parametrize("locked", [True, False], ids=["with-lock", "constraint-alone"])
def test_a_burst_of_double_clicks_by_one_person_makes_one_registration(
    thread_database, slow_counting, monkeypatch, locked
):
    """The lock serialises them; without it the partial unique constraint still allows only one."""
    monkeypatch.setattr(services, "LOCK_PLACES", locked)
    event_id, people = setup_event(thread_database)
    statuses, errors = register_all_at_once(thread_database, event_id, [people[0]] * 20)
    assert errors == []
    assert statuses == {"confirmed": 20}
    assert stored_statuses(thread_database, event_id) == {"confirmed": 1}
