"""Follow-through figures are exact on a generated data set, and cells under five people are suppressed."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans import analytics, services
from eolc.action_plans.models import PracticeCategory as C
from eolc.action_plans.models import Status
from eolc.action_plans.tests.factories import make_plan
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.programmes import access

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2030, 1, 10, 15, 0, tzinfo=datetime.UTC)


def day(n):
    return T0 + datetime.timedelta(days=n)


@pytest.fixture
def data(programme):
    """Eight people at one workshop, one more at an earlier one.

    person: actions (category, history as (day, status, reasons))
    P1: education done day 10; meeting stuck (time)          — has a buddy (P2)
    P2: education stuck (time) day 5, done day 20            — has a buddy (P1)
    P3: education stuck (time) day 5, done day 30
    P4: education, never updated
    P5: education stuck (time) day 3, in progress day 8
    P6: liaison stuck (time, partner)
    P7: other done day 40
    P8: other done day 50
    """
    event = EventFactory(programme=programme, starts_at=T0 - datetime.timedelta(hours=3))
    earlier = EventFactory(programme=programme, starts_at=T0 - datetime.timedelta(days=100))
    plan_of = {}
    shape = {
        1: [C.EDUCATION, C.MEETING],
        2: [C.EDUCATION],
        3: [C.EDUCATION],
        4: [C.EDUCATION],
        5: [C.EDUCATION],
        6: [C.LIAISON],
        7: [C.OTHER],
        8: [C.OTHER],
    }
    people = {}
    for n, categories in shape.items():
        people[n] = UserFactory(sector="health" if n % 2 else "social_care")
        RegistrationFactory(event=event, person=people[n])
        plan_of[n] = make_plan(people[n], event=event, actions=len(categories), categories=categories, now=T0)
    history = {
        (1, 1): [(10, Status.DONE, [])],
        (1, 2): [(4, Status.STUCK, ["time"])],
        (2, 1): [(5, Status.STUCK, ["time"]), (20, Status.DONE, [])],
        (3, 1): [(5, Status.STUCK, ["time"]), (30, Status.DONE, [])],
        (5, 1): [(3, Status.STUCK, ["time"]), (8, Status.IN_PROGRESS, [])],
        (6, 1): [(6, Status.STUCK, ["time", "partner"])],
        (7, 1): [(40, Status.DONE, [])],
        (8, 1): [(50, Status.DONE, [])],
    }
    for (n, position), steps in history.items():
        action = plan_of[n].actions.get(position=position)
        for when, status, reasons in steps:
            services.progress_update_create(
                action=action, status=status, stuck_reasons=reasons, now=day(when)
            )
    services.buddy_request_create(event=event, person=people[1], now=T0)
    services.buddy_request_create(event=event, person=people[2], now=T0)
    outsider = UserFactory()
    RegistrationFactory(event=earlier, person=outsider)
    make_plan(outsider, event=earlier, now=T0 - datetime.timedelta(days=100))
    return event, earlier


def cells(items):
    return {
        cell.label: (None if cell.suppressed else (cell.people, cell.actions, cell.done)) for cell in items
    }


def test_figures_for_one_event_are_exact(data, people):
    event, _ = data
    figures = analytics.follow_through(access.action_plans_in_scope(people.commissioner, event=event))
    assert (figures.people, figures.plans, figures.actions, figures.done) == (8, 8, 9, 5)
    assert figures.completion_rate == 55.6
    assert figures.median_days_to_done == 30.0
    assert cells(figures.categories) == {
        "Education initiative": (5, 5, 3),
        "Cross-sector meeting or working group": None,
        "Liaison role": None,
        "Other": None,
    }
    assert cells(figures.stuck_reasons) == {
        "No time or too much other work": (5, 5, 0),
        "Could not reach the right person in another organisation": None,
    }
    assert cells(figures.cohorts) == {"With a buddy": None, "Without a buddy": (6, 6, 3)}
    assert [c.completion_rate for c in figures.cohorts if not c.suppressed] == [50.0]


def test_programme_and_period_filters(data, people, programme):
    _, earlier = data
    whole = analytics.follow_through(access.action_plans_in_scope(people.admin, programme=programme))
    assert (whole.people, whole.actions) == (9, 10)
    recent = access.action_plans_in_scope(people.admin, programme=programme).created_between(T0.date(), None)
    assert analytics.follow_through(recent).people == 8
    alone = analytics.follow_through(access.action_plans_in_scope(people.admin, event=earlier))
    assert alone.suppressed and alone.people == 1


def test_pages_and_csv_hide_small_cells(client, data, people, programme):
    event, earlier = data
    client.force_login(people.commissioner)
    page = client.get(reverse("action_plans:follow_through"), {"event": event.pk}).content.decode()
    assert "55.6%" in page and "Fewer than 5 people" in page
    # Charts draw only the cells the tables show: education (60%) and without a buddy (50%).
    assert "Actions done by kind: Education initiative 60.0%</title>" in page
    assert "Actions done with and without a buddy: Without a buddy 50.0%</title>" in page
    assert 'width="48.0"' in page and 'width="40.0"' in page

    export = client.get(reverse("action_plans:follow_through_csv"), {"event": event.pk})
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert ["all", "All actions", "8", "9", "5", "55.6"] in rows
    assert ["all", "Median days to done", "", "", "", "30.0"] in rows
    assert ["category", "Education initiative", "5", "5", "3", "60.0"] in rows
    assert ["category", "Liaison role", "fewer than 5 people", "", "", ""] in rows
    assert ["cohort", "With a buddy", "fewer than 5 people", "", "", ""] in rows
    assert ["stuck reason", "No time or too much other work", "5", "5", "", ""] in rows

    small = client.get(reverse("action_plans:follow_through"), {"event": earlier.pk}).content.decode()
    assert "no figures are shown" in small and "People with plans" not in small
    small_csv = client.get(reverse("action_plans:follow_through_csv"), {"event": earlier.pk}).content.decode()
    assert "fewer than 5 people" in small_csv and "1" not in small_csv.split("\n", 1)[1]


def test_figures_only_for_events_in_reach(client, data, people):
    event, _ = data
    client.force_login(people.other_admin)
    page = client.get(reverse("action_plans:follow_through"), {"event": event.pk}).content.decode()
    # The event is not a choice for them, so the form ignores it and their own scope is empty.
    assert "55.6%" not in page and "no figures are shown" in page
