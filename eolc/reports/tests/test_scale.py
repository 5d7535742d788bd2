import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eolc.evaluation import analytics
from eolc.evaluation.models import Answer
from eolc.events.models import Attendance
from eolc.reports import rollups, scale
from eolc.reports.dashboard import Scope, outcome_summaries
from eolc.reports.models import RollupChange
from eolc.reports.tests.test_incremental import facts
from eolc.reports.tests.test_rollups import assert_rollups_match

pytestmark = pytest.mark.django_db


def quiet(*args):
    pass


def test_the_generator_writes_what_was_asked_and_rollups_match(people):
    summary = scale.generate(people=60, events=30, attendances=400, answers=300, seed=7, progress=quiet)
    assert summary.people == 60 and summary.events == 30 and summary.attendances == 400
    assert Attendance.objects.filter(event__programme=summary.programme).count() == 400
    assert summary.answers == 300
    assert Answer.objects.filter(response__survey__programme=summary.programme).count() == 300
    assert_rollups_match(summary.programme, timezone.now())
    pairs = analytics.confidence_change_summary(programme=summary.programme)
    assert pairs and all(summary.n > 5 for summary in pairs)
    assert outcome_summaries(Scope(programme_ids=[summary.programme.pk], suppress_small=False)) == pairs


def test_a_trickle_of_changes_is_refreshed_incrementally_to_the_rebuilt_facts(people):
    summary = scale.generate(people=80, events=30, attendances=600, answers=400, seed=8, progress=quiet)
    made = scale.trickle(summary.programme, changes=20, seed=3)
    assert all(made.values()), made
    changes = list(RollupChange.objects.filter(programme_id=summary.programme.pk))
    update = rollups.programme_update(summary.programme.pk, changes)
    assert update.people and update.events
    assert_rollups_match(summary.programme, timezone.now())
    refreshed = facts(summary.programme.pk)
    rollups.programme_rebuild(summary.programme.pk)
    assert facts(summary.programme.pk) == refreshed


def test_the_command_shows_progress(capsys):
    call_command("generate_scale_data", people=20, events=5, attendances=50, stdout=io.StringIO())
    out = capsys.readouterr().out
    assert "Attendances" in out and "100%" in out


def _queries(client, programme):
    url = reverse("reports:dashboard", args=[programme.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{url}?kind=workshop").status_code == 200
    return len(queries)


def test_dashboard_queries_are_the_same_at_one_thousand_and_five_thousand_attendances(client, people):
    small = scale.generate(
        people=200, events=40, attendances=1_000, seed=1, progress=quiet, lead=people.admin
    )
    large = scale.generate(
        people=800, events=120, attendances=5_000, seed=2, progress=quiet, lead=people.admin
    )
    client.force_login(people.admin)
    assert _queries(client, small.programme) == _queries(client, large.programme)
