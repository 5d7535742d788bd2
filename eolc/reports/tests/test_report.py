import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from eolc.reports.dashboard import Scope, dashboard
from eolc.reports.models import LearningPoints

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_carries_the_headline_figures(client, people, reported):
    client.force_login(people.admin)
    LearningPoints.objects.create(
        programme=reported, text="Joint sessions built trust between hospice and care home staff."
    )
    response = client.get(reverse("reports:report_pdf", args=[reported.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    board = dashboard(Scope(programme_ids=[reported.pk], suppress_small=False))
    assert reported.title in text
    assert f"People reached {board.headline.people}" in text
    assert f"Attendances {board.headline.attendances}" in text
    assert f"Sessions with attendance {board.headline.sessions}" in text
    assert "Joint sessions built trust" in text
    assert "Camden" in text


def test_commissioners_get_the_report_with_small_numbers_hidden(client, people, reported):
    client.force_login(people.commissioner)
    response = client.get(reverse("reports:report", args=[reported.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "fewer than 5" in body
    assert reverse("reports:learning_points", args=[reported.slug]) not in body
    assert client.get(reverse("reports:learning_points", args=[reported.slug])).status_code == 403
    assert (
        client.post(reverse("reports:learning_points", args=[reported.slug]), {"text": "x"}).status_code
        == 403
    )


def test_the_lead_writes_learning_points_that_appear_in_the_report(client, people, reported):
    client.force_login(people.admin)
    url = reverse("reports:learning_points", args=[reported.slug])
    assert client.get(url).status_code == 200
    text = "Meeting in person mattered.\n\nCare homes need <cover> to release staff."
    response = client.post(url, {"text": text})
    assert response.status_code == 302
    body = client.get(reverse("reports:report", args=[reported.slug])).content.decode()
    assert "Meeting in person mattered." in body
    assert escape("Care homes need <cover> to release staff.") in body
    assert client.get(url).content.decode().count("Meeting in person mattered.") == 1


def test_learning_points_too_long_are_refused_and_kept(client, people, reported):
    client.force_login(people.admin)
    url = reverse("reports:learning_points", args=[reported.slug])
    response = client.post(url, {"text": "a" * 20001})
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters" in response.content.decode()
    assert not LearningPoints.objects.filter(programme=reported).exists()


def test_commissioners_reach_no_person_level_page_or_export(client, people, reported):
    """Reports are their only window on the programme: every page that lists people is refused."""
    from eolc.action_plans.tests.factories import make_plan
    from eolc.events.models import Event

    event = Event.objects.filter(programme=reported).first()
    plan = make_plan(people.learner, event=event, share_with_facilitators=True)
    client.force_login(people.commissioner)
    for name, args in (
        ("programmes:people", []),
        ("curriculum:person_transcript", [people.learner.pk]),
        ("events:registrations", [event.pk]),
        ("events:registrations_csv", [event.pk]),
        ("events:attendance_csv", [event.pk]),
        ("events:check_in", [event.pk]),
        ("action_plans:detail", [plan.pk]),
        ("action_plans:pdf", [plan.pk]),
    ):
        status = client.get(reverse(name, args=args)).status_code
        assert status in (403, 404), (name, status)
    for name in ("reports:dashboard", "reports:report"):
        body = client.get(reverse(name, args=[reported.slug])).content.decode()
        assert escape(people.learner.full_name) not in body
        assert people.learner.email not in body


def test_printed_tables_keep_the_largest_rows_and_say_how_many_are_left_out():
    from eolc.core.charts import SUPPRESSED, Table
    from eolc.reports.report import printable

    table = Table("role", "Reach by job role", ["Job role", "People"], [[f"r{i}", i] for i in range(14)])
    table.rows.append(["hidden", SUPPRESSED])
    printed = printable(table, limit=3, more="job roles")
    assert [row[0] for row, _ in printed.rows] == ["r13", "r12", "r11"]
    assert [bar for _, bar in printed.rows] == [100.0, round(1200 / 13, 1), round(1100 / 13, 1)]
    assert "The 3 largest of 15 job roles" in printed.note


def test_quarters_add_up_to_the_months(people, reported):
    from eolc.reports.dashboard import reach_by_quarter, reach_tables

    scope = Scope(programme_ids=[reported.pk], suppress_small=False)
    months = next(table for table in reach_tables(scope) if table.key == "month")
    quarters = reach_by_quarter(scope)
    for column in (1, 2, 3):
        assert sum(row[column] for row in quarters.rows) == sum(row[column] for row in months.rows)
    assert all(" Q" in row[0] for row in quarters.rows)
