"""Generation stamps (eolc/core/stamps.py) move only when a change commits, are read in one round
trip per request, and a request sees its own change."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from eolc.core.stamps import ObjectStamp, PersonStamp, Stamp, current, read_with, stamps_remembered
from eolc.events.calendar_cache import STAMP as CALENDAR
from eolc.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_stamp_moves_when_the_change_commits_and_not_before(django_capture_on_commit_callbacks):
    before = CALENDAR.value()
    assert CALENDAR.value() == before
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        EventFactory()
        assert CALENDAR.value() == before
    assert callbacks
    assert CALENDAR.value() != before


def test_a_rolled_back_change_leaves_the_stamp_alone(django_capture_on_commit_callbacks):
    before = CALENDAR.value()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        EventFactory()
        raise RuntimeError("undo")
    assert callbacks == []
    assert CALENDAR.value() == before


def test_a_request_reads_every_stamp_and_the_persons_own_in_one_query(people):
    other = Stamp("tests:another:generation")
    mine = PersonStamp("tests:mine")
    signed_in = lambda: people.learner.pk  # noqa: E731
    with stamps_remembered(signed_in):  # an earlier request, which found none and made them all
        other.value()
    with stamps_remembered(signed_in), CaptureQueriesContext(connection) as queries:
        CALENDAR.value()
        other.value()
        mine.value(people.learner)
        CALENDAR.value()
    assert len(queries) == 1, [q["sql"] for q in queries]


ROWS = "SELECT 'x', 'y' UNION ALL SELECT 'z', 'w'"


def test_rows_read_with_the_stamps_come_back_and_the_stamps_cost_no_second_query(people):
    mine = PersonStamp("tests:mine")
    with stamps_remembered(lambda: people.learner.pk):  # an earlier request made them all
        mine.value(people.learner)
    with stamps_remembered(lambda: people.learner.pk), CaptureQueriesContext(connection) as queries:
        rows = read_with(ROWS, [], person_id=people.learner.pk)
        CALENDAR.value()
        mine.value(people.learner)
    assert sorted(rows) == [("x", "y"), ("z", "w")]
    assert len(queries) == 1, [q["sql"] for q in queries]


def test_a_wrong_person_read_with_costs_one_more_query_for_the_right_ones_stamps(people):
    mine = PersonStamp("tests:mine")
    with stamps_remembered(lambda: people.learner.pk):
        mine.value(people.learner)
    with stamps_remembered(lambda: people.learner.pk), CaptureQueriesContext(connection) as queries:
        read_with(ROWS, [], person_id=people.facilitator.pk)
        CALENDAR.value()
        assert mine.value(people.learner) == mine.value(people.learner)
    assert len(queries) == 2, [q["sql"] for q in queries]
    assert f"tests:mine:{people.learner.pk}" in queries[1]["sql"]


def test_outside_a_request_read_with_runs_the_query_alone(people):
    with CaptureQueriesContext(connection) as queries:
        assert sorted(read_with(ROWS, [], person_id=people.learner.pk)) == [("x", "y"), ("z", "w")]
    assert len(queries) == 1 and "core_stampvalue" not in queries[0]["sql"]


def test_an_objects_stamp_asked_for_with_the_first_comes_in_the_same_read(
    django_capture_on_commit_callbacks,
):
    per_event = ObjectStamp("tests:per-event")
    with stamps_remembered():
        before = current(CALENDAR.key, per_event.key(7), per_event.key(8))
    with django_capture_on_commit_callbacks(execute=True):
        per_event.move_for([7])
    with stamps_remembered(), CaptureQueriesContext(connection) as queries:
        after = current(CALENDAR.key, per_event.key(7), per_event.key(8))
        CALENDAR.value()
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert after[0] == before[0] and after[2] == before[2]
    assert after[1] != before[1]  # only the event that changed


def test_a_request_sees_the_stamp_it_moved(django_capture_on_commit_callbacks):
    with stamps_remembered():
        before = CALENDAR.value()
        with django_capture_on_commit_callbacks(execute=True):
            EventFactory()
        assert CALENDAR.value() != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_leaves_no_transaction_changing():
    """`changing` is for the transaction that moved the stamp; once it is rolled back, the next
    transaction uses what is kept again."""
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory()
        assert CALENDAR.changing()
        raise RuntimeError("undo")
    with transaction.atomic():
        assert not CALENDAR.changing()


def test_every_stamp_a_transaction_moves_is_written_in_one_statement(django_capture_on_commit_callbacks):
    per_event = ObjectStamp("tests:per-event")
    before = current(CALENDAR.key, per_event.key(7), per_event.key(8))
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        EventFactory()
        per_event.move_for([7, 8])
    writes = [q["sql"] for q in queries if "core_stampvalue" in q["sql"]]
    assert len(writes) == 1, writes
    after = current(CALENDAR.key, per_event.key(7), per_event.key(8))
    assert all(old != new for old, new in zip(before, after, strict=True))


def test_a_move_rolled_back_with_its_savepoint_is_not_written_with_later_ones(
    django_capture_on_commit_callbacks,
):
    undone, kept = ObjectStamp("tests:undone"), ObjectStamp("tests:kept")
    before = current(undone.key(1), kept.key(1))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            undone.move_for([1])
            raise RuntimeError("undo")
        kept.move_for([1])
    after = current(undone.key(1), kept.key(1))
    assert after[0] == before[0]
    assert after[1] != before[1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stamp_moved_by_another_process_is_seen_by_this_one():
    """Every app server reads and writes the same stamps: here another process moves one."""
    if connection.vendor != "postgresql":
        pytest.skip("another process cannot open the in-memory SQLite test database; runs on PostgreSQL")
    before = CALENDAR.value()
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
    }
    move = "from django.db import transaction\nfrom eolc.events.calendar_cache import STAMP\n"
    move += "with transaction.atomic():\n    STAMP.move()\n"
    other = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "shell", "-c", move],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.returncode == 0, other.stderr
    assert CALENDAR.value() != before
