"""Import: a preview changes nothing, bad rows are named by row number, re-importing is idempotent,
and CSV and XLSX read the same."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from eolc.accounts.models import Area, JobRole, User
from eolc.accounts.tests.factories import UserFactory
from eolc.events.models import Attendance
from eolc.events.tests.factories import EventFactory, RegistrationFactory
from eolc.imports.models import ImportBatch
from eolc.programmes.models import Membership

pytestmark = pytest.mark.django_db

PEOPLE_HEADER = ["Email", "Full name", "Sector", "Job role", "Area", "Role"]


def csv_file(rows, name="people.csv"):
    text = "\n".join(",".join(cell for cell in row) for row in rows) + "\n"
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def xlsx_file(rows, name="people.xlsx"):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile(name, data.getvalue())


@pytest.fixture
def reference():
    area = Area.objects.filter(kind="local_authority").first()
    job_role = JobRole.objects.first()
    assert area and job_role, "reference data comes from migrations"
    return area, job_role


def people_rows(area, job_role):
    return [
        PEOPLE_HEADER,
        ["nia.brown@example.org", "Nia Brown", "Health", job_role.name, area.name, "Learner"],
        ["not-an-email", "Someone", "Health", "", "", ""],
        ["raj.patel@example.org", "Raj Patel", "social_care", job_role.slug, area.code, "champion"],
        ["NIA.BROWN@example.org", "Nia Brown again", "", "", "", ""],
        ["lee.wong@example.org", "Lee Wong", "Astronaut", "", "Atlantis", "Boss"],
    ]


def upload(client, programme, kind, file):
    return client.post(reverse("imports:upload"), {"programme": programme.pk, "kind": kind, "file": file})


@pytest.mark.parametrize("make_file", [csv_file, xlsx_file])
def test_people_preview_changes_nothing_then_confirm_and_reimport(
    client, people, programme, reference, make_file
):
    area, job_role = reference
    client.force_login(people.admin)
    before = (User.objects.count(), Membership.objects.count())
    response = upload(client, programme, "people", make_file(people_rows(area, job_role)))
    batch = ImportBatch.objects.get()
    assert response.url == reverse("imports:preview", args=[batch.pk])
    page = client.get(response.url).content.decode()
    assert (User.objects.count(), Membership.objects.count()) == before
    assert "Row 3: “not-an-email” is not a valid email address" in page
    assert "Row 5: Duplicate of row 2: the same email address appears twice" in page
    assert "Row 6: Unknown sector “Astronaut”" in page
    assert "Row 6: Unknown area “Atlantis”" in page
    assert "Row 6: Unknown programme role “Boss”" in page
    assert "Nothing has been saved yet. 2 to add" in page

    client.post(reverse("imports:confirm", args=[batch.pk]))
    nia = User.objects.get(email="nia.brown@example.org")
    raj = User.objects.get(email="raj.patel@example.org")
    assert (nia.full_name, nia.sector, nia.job_role, nia.area) == ("Nia Brown", "health", job_role, area)
    assert raj.sector == "social_care" and not raj.has_usable_password()
    assert set(
        Membership.objects.filter(programme=programme, person__in=[nia, raj]).values_list("role", flat=True)
    ) == {
        "learner",
        "champion",
    }
    assert User.objects.count() == before[0] + 2
    # Confirming again is refused; nothing doubles.
    client.post(reverse("imports:confirm", args=[batch.pk]))
    assert User.objects.count() == before[0] + 2
    assert ImportBatch.objects.get().outcome == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 3}

    # The same file again: nobody new, nothing changes.
    upload(client, programme, "people", make_file(people_rows(area, job_role)))
    again = ImportBatch.objects.latest("pk")
    assert (
        "0 to add, 0 to update, 2 already up to date"
        in client.get(reverse("imports:preview", args=[again.pk])).content.decode()
    )
    client.post(reverse("imports:confirm", args=[again.pk]))
    assert (User.objects.count(), Membership.objects.count()) == (
        before[0] + 2,
        before[1] + 2,
    )

    # A changed file updates what changed.
    rows = people_rows(area, job_role)
    rows[1][1] = "Nia Brown-Ellis"
    upload(client, programme, "people", make_file(rows))
    client.post(reverse("imports:confirm", args=[ImportBatch.objects.latest("pk").pk]))
    nia.refresh_from_db()
    assert nia.full_name == "Nia Brown-Ellis"
    assert ImportBatch.objects.latest("pk").outcome["updated"] == 1


def test_existing_people_outside_the_admins_programmes_keep_their_profile(client, people, programme):
    stranger = UserFactory(full_name="Original Name", email="kept@example.org")
    client.force_login(people.admin)
    upload(
        client, programme, "people", csv_file([["Email", "Full name"], ["kept@example.org", "Changed Name"]])
    )
    client.post(reverse("imports:confirm", args=[ImportBatch.objects.get().pk]))
    stranger.refresh_from_db()
    assert stranger.full_name == "Original Name"
    assert Membership.objects.filter(programme=programme, person=stranger, role="learner").exists()


def test_attendance_import(client, people, programme):
    past = timezone.now() - datetime.timedelta(days=3)
    event = EventFactory(
        programme=programme,
        title="Working together: Hackney",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
    )
    future = EventFactory(programme=programme, title="Next time")
    came, missed, unbooked = UserFactory.create_batch(3)
    for person in (came, missed):
        RegistrationFactory(event=event, person=person)
    rows = [
        ["Name", "Email", "Event", "Attendance"],
        ["", came.email, "Working together: Hackney", "Attended"],
        ["", missed.email, str(event.pk), "Absent"],
        ["", unbooked.email, event.title, "yes"],
        ["", "nobody@example.org", event.title, "yes"],
        ["", came.email, "No such event", "yes"],
        ["", came.email, "Next time", "yes"],
        ["", missed.email, event.title, "maybe"],
        ["", came.email, event.title, "yes"],
    ]
    client.force_login(people.admin)
    upload(client, programme, "attendance", xlsx_file(rows, "attendance.xlsx"))
    batch = ImportBatch.objects.get()
    page = client.get(reverse("imports:preview", args=[batch.pk])).content.decode()
    assert not Attendance.objects.exists()
    assert f"Row 4: {unbooked} has no confirmed place" in page.replace("&#x27;", "'")
    assert "Row 5: Nobody has the email address “nobody@example.org”" in page
    assert "Row 6: Unknown event “No such event” in this programme" in page
    assert "Row 7: “Next time” has not happened yet" in page
    assert "Row 8: Attended must be yes or no, not “maybe”" in page
    assert "Row 9: Duplicate of row 2" in page
    client.post(reverse("imports:confirm", args=[batch.pk]))
    assert dict(Attendance.objects.values_list("person", "attended")) == {came.pk: True, missed.pk: False}
    assert future.attendances.count() == 0

    upload(client, programme, "attendance", csv_file(rows, "attendance.csv"))
    again = ImportBatch.objects.latest("pk")
    client.post(reverse("imports:confirm", args=[again.pk]))
    again.refresh_from_db()
    assert again.outcome == {"created": 0, "updated": 0, "unchanged": 2, "skipped": 6}
    assert Attendance.objects.count() == 2


def test_unreadable_and_incomplete_files_are_refused_with_a_reason(client, people, programme):
    client.force_login(people.admin)
    bad = upload(client, programme, "people", SimpleUploadedFile("people.xlsx", b"not a workbook"))
    assert "could not be read as an Excel workbook" in bad.content.decode()
    wrong = upload(client, programme, "people", SimpleUploadedFile("people.pdf", b"%PDF"))
    assert "must be a CSV (.csv) or Excel workbook (.xlsx)" in wrong.content.decode()
    missing = upload(client, programme, "attendance", csv_file([["Email"], ["a@example.org"]]))
    assert "needs a column called Event" in missing.content.decode()
    assert not ImportBatch.objects.exists()


def test_who_may_import_and_see_a_preview(client, people, programme):
    for role in ("learner", "facilitator", "commissioner", "outsider"):
        client.force_login(getattr(people, role))
        assert client.get(reverse("imports:upload")).status_code == 403, role
    client.force_login(people.other_admin)
    refused = upload(client, programme, "people", csv_file([["Email"], ["a@example.org"]]))
    assert refused.status_code == 200 and not ImportBatch.objects.exists()  # not one of their programmes
    client.force_login(people.admin)
    upload(client, programme, "people", csv_file([["Email"], ["a@example.org"]]))
    batch = ImportBatch.objects.get()
    for role in ("other_admin", "facilitator", "learner"):
        client.force_login(getattr(people, role))
        assert client.get(reverse("imports:preview", args=[batch.pk])).status_code == 404, role
        assert client.post(reverse("imports:confirm", args=[batch.pk])).status_code == 404, role
