import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from eolc.accounts.models import JobRole
from eolc.action_plans.tests.factories import make_plan
from eolc.core.charts import SUPPRESSED
from eolc.events.models import Event
from eolc.programmes.tests.factories import ProgrammeFactory
from eolc.reports import rollups
from eolc.reports.dashboard import Scope, dashboard
from eolc.reports.tests.builders import activity

pytestmark = pytest.mark.django_db


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_programme_admin_sees_exact_figures(client, people, reported):
    response = _get(client, people.admin, reverse("reports:dashboard", args=[reported.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    board = dashboard(Scope(programme_ids=[reported.pk], suppress_small=False))
    assert board.headline.attendances > 0
    assert f">{board.headline.attendances}<" in body
    assert SUPPRESSED not in body
    assert "Camden" in body and "<svg" in body
    assert escape(reported.title) in body


def test_commissioners_see_small_numbers_suppressed(client, people, reported):
    response = _get(client, people.commissioner, reverse("reports:dashboard", args=[reported.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert SUPPRESSED in body
    board = dashboard(Scope(programme_ids=[reported.pk], suppress_small=True))
    counted = {"People first reached", "Attendances", "Completions", "People with plans", "Actions", "Done"}
    checked = 0
    for table in board.tables:
        columns = [i for i, name in enumerate(table.columns) if name in counted]
        for row in table.rows:
            for i in columns:
                checked += 1
                assert not (isinstance(row[i], int) and 0 < row[i] < 5), (table.key, row)
    assert checked > 20


@pytest.mark.parametrize("role", ["learner", "champion", "facilitator", "mentor"])
def test_members_without_a_reporting_role_are_refused(client, people, reported, role):
    response = _get(client, getattr(people, role), reverse("reports:dashboard", args=[reported.slug]))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["outsider", "other_admin"])
def test_other_programmes_people_get_not_found(client, people, reported, role):
    for name, args in (
        ("reports:dashboard", [reported.slug]),
        ("reports:export", [reported.slug, "sector", "csv"]),
        ("reports:report", [reported.slug]),
        ("reports:report_pdf", [reported.slug]),
    ):
        assert _get(client, getattr(people, role), reverse(name, args=args)).status_code == 404


def test_all_programmes_is_for_site_admins(client, people, reported):
    assert _get(client, people.admin, reverse("reports:all")).status_code == 403
    assert (
        _get(client, people.commissioner, reverse("reports:all_export", args=["sector", "csv"])).status_code
        == 403
    )
    response = _get(client, people.site_admin, reverse("reports:all"))
    assert response.status_code == 200
    assert SUPPRESSED not in response.content.decode()


def test_filters_narrow_the_figures_and_bad_dates_are_explained(client, people, reported):
    url = reverse("reports:dashboard", args=[reported.slug])
    kind = Event.objects.filter(programme=reported).values_list("kind", flat=True).first()
    response = _get(client, people.admin, f"{url}?kind={kind}&sector=health")
    assert response.status_code == 200
    response = client.get(f"{url}?start=2026-05-01&end=2026-01-01")
    body = response.content.decode()
    assert "The end date must be the same as or after the start date." in body
    assert 'value="2026-05-01"' in body


def test_index_lists_the_programmes_a_person_reports_on(client, people, reported, other_programme):
    body = _get(client, people.commissioner, reverse("reports:index")).content.decode()
    assert escape(reported.title) in body
    assert escape(other_programme.title) not in body
    assert _get(client, people.learner, reverse("reports:index")).status_code == 403


# --- Exports ---------------------------------------------------------------------------------


def test_csv_export_of_one_table(client, people, reported):
    response = _get(client, people.admin, reverse("reports:export", args=[reported.slug, "sector", "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "Sector,People first reached,Sessions,Attendances"
    assert len(lines) > 1


def test_xlsx_workbook_of_every_table(client, people, reported):
    response = _get(client, people.admin, reverse("reports:export", args=[reported.slug, "all", "xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Reach by sector" in workbook.sheetnames
    assert "Coverage of target areas" in workbook.sheetnames
    sheet = workbook["Reach by sector"]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == [
        "Sector",
        "People first reached",
        "Sessions",
        "Attendances",
    ]


def test_exports_follow_suppression_and_are_formula_safe(client, people, reported):
    JobRole.objects.filter(pk__in=reported_roles(reported)).update(name="=HYPERLINK(1)")
    rollups.rebuild_all()
    csv_text = _get(
        client, people.commissioner, reverse("reports:export", args=[reported.slug, "role", "csv"])
    )
    text = csv_text.content.decode()
    assert "'=HYPERLINK(1)" in text
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("reports:export", args=[reported.slug, "role", "xlsx"])).content)
    )
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'=HYPERLINK(1)" in values
    assert all(not (isinstance(v, int) and 0 < v < 5) for v in values)


def reported_roles(programme):
    return Event.objects.filter(programme=programme).values("attendances__person__job_role")


def test_unknown_tables_and_formats_are_not_found(client, people, reported):
    client.force_login(people.admin)
    assert client.get(reverse("reports:export", args=[reported.slug, "people", "csv"])).status_code == 404
    assert client.get(reverse("reports:export", args=[reported.slug, "sector", "pdf"])).status_code == 404
    assert client.get(reverse("reports:export", args=[reported.slug, "all", "csv"])).status_code == 404


# --- Scale: the number of queries does not grow with the data ----------------------------------


def _dashboard_queries(client, user, programme):
    client.force_login(user)
    url = reverse("reports:dashboard", args=[programme.slug])
    client.get(url)  # warm the session and any per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{url}?sector=health").status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_the_data(client, people, programme):
    from eolc.programmes.tests.factories import MembershipFactory, PhaseFactory
    from eolc.reports.tests.builders import london_areas

    small, large = ProgrammeFactory(), ProgrammeFactory()
    for target in (small, large):
        MembershipFactory(programme=target, person=people.admin, role="admin")
        PhaseFactory(programme=target).target_areas.set(london_areas())
    activity(small, sessions=2, per_session=3, seed=1)
    activity(large, sessions=12, per_session=9, seed=2)
    make_plan(people.learner, event=Event.objects.filter(programme=large).first(), actions=2)
    rollups.refresh_due()
    assert _dashboard_queries(client, people.admin, small) == _dashboard_queries(client, people.admin, large)


def test_held_sessions_and_champions_are_counted(people, reported):
    from django.utils import timezone

    from eolc.champions.models import ChampionStatus
    from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
    from eolc.events.models import EventStatus

    network = NetworkFactory(programme=reported)
    for sector, status in [("health", ChampionStatus.ACTIVE)] * 6 + [
        ("social_care", ChampionStatus.ACTIVE),
        ("social_care", ChampionStatus.PENDING),
    ]:
        ChampionFactory(network=network, person__sector=sector, status=status)
    ChampionFactory(person__sector="health")  # another programme's network
    board = dashboard(Scope(programme_ids=[reported.pk], suppress_small=False))
    published = Event.objects.filter(programme=reported, status=EventStatus.PUBLISHED)
    assert board.headline.held == published.filter(starts_at__lt=timezone.now()).count()
    assert board.headline.planned == published.filter(starts_at__gte=timezone.now()).count()
    assert board.headline.champions == 7
    rows = {row[0]: row[1:] for row in board.champions.rows}
    assert rows == {"Health": [6, 0], "Social care": [1, 1]}
    hidden = dashboard(Scope(programme_ids=[reported.pk], suppress_small=True))
    assert {row[0]: row[1:] for row in hidden.champions.rows} == {
        "Health": [6, 0],
        "Social care": [SUPPRESSED, SUPPRESSED],
    }
    assert hidden.headline.champions == 7
    only_health = dashboard(Scope(programme_ids=[reported.pk], suppress_small=False, sector="health"))
    assert only_health.headline.champions == 6


def test_training_pack_sessions_trainers_delivered_are_counted(people, reported):
    import datetime

    from eolc.library.models import DeliveredSession
    from eolc.reports.tests.builders import london_areas

    camden, islington = london_areas()[:2]
    for day, area, health, carers in ((3, camden, 12, 2), (10, islington, 4, 0)):
        DeliveredSession.objects.create(
            programme=reported,
            trainer=people.facilitator,
            delivered_on=datetime.date(2026, 3, day),
            area=area,
            attendees_health=health,
            attendees_unpaid_carer=carers,
        )
    board = dashboard(Scope(programme_ids=[reported.pk], suppress_small=False))
    assert (board.headline.delivered, board.headline.delivered_attendees) == (2, 18)
    assert {row[0]: row[1] for row in board.delivered.rows} == {"Health": 16, "Unpaid carer": 2}
    hidden = dashboard(Scope(programme_ids=[reported.pk], suppress_small=True, area=camden))
    assert (hidden.headline.delivered, hidden.headline.delivered_attendees) == (1, 14)
    assert {row[0]: row[1] for row in hidden.delivered.rows} == {"Health": 12, "Unpaid carer": SUPPRESSED}
    april = dashboard(
        Scope(programme_ids=[reported.pk], suppress_small=False, start=datetime.date(2026, 4, 1))
    )
    assert april.headline.delivered == 0 and april.delivered.rows == []
