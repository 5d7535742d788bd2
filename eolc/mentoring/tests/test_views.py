import pytest
from django.urls import reverse
from django.utils.html import escape

from eolc.mentoring import services
from eolc.mentoring.models import Mentee, Mentor, MentorStatus
from eolc.mentoring.tests.conftest import complete, move_into_past

NOTE = "Worried about how she is coping after the second death this month."


@pytest.fixture
def note(mentee, mentoring):
    return services.note_add(group=mentoring.group, author=mentoring.mentor.person, text=NOTE)


def test_sign_up_page_refuses_before_part_one(client, people, mentoring):
    client.force_login(people.learner)
    url = reverse("mentoring:sign_up", args=[mentoring.part.pk])
    page = client.get(url)
    assert "once you have completed" in page.content.decode()
    assert "Find me a group" not in page.content.decode()
    response = client.post(url, {"times": ["afternoon"], "online_ok": "on"})
    assert response.status_code == 403
    assert not Mentee.objects.exists()


def test_sign_up_page_places_an_eligible_person(client, people, mentoring):
    complete(people.learner, mentoring.part_one)
    client.force_login(people.learner)
    response = client.post(
        reverse("mentoring:sign_up", args=[mentoring.part.pk]),
        {"times": ["afternoon"], "online_ok": "on", "work_setting": "hospital"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mentoring:group", args=[mentoring.group.pk])


def test_sign_up_form_keeps_what_was_typed_on_error(client, people, mentoring):
    complete(people.learner, mentoring.part_one)
    client.force_login(people.learner)
    response = client.post(
        reverse("mentoring:sign_up", args=[mentoring.part.pk]), {"work_setting": "hospice"}
    )
    body = response.content.decode()
    assert "Choose at least one time of day you can meet" in body
    assert 'value="hospice" selected' in body


def test_notes_are_shown_to_their_author_only(client, people, mentoring, note):
    group_url = reverse("mentoring:group", args=[mentoring.group.pk])
    edit_url = reverse("mentoring:edit_note", args=[note.pk])

    client.force_login(mentoring.mentor.person)
    assert escape(NOTE) in client.get(group_url).content.decode()
    assert client.get(edit_url).status_code == 200

    # The mentee belongs to the group and sees its page, but not the note.
    client.force_login(people.learner)
    page = client.get(group_url)
    assert page.status_code == 200
    assert escape(NOTE) not in page.content.decode()
    assert "private notes" not in page.content.decode()
    assert client.get(edit_url).status_code == 404

    # Another mentor in the same programme cannot open the group or the note.
    client.force_login(mentoring.other_mentor.person)
    assert client.get(group_url).status_code == 404
    assert client.get(edit_url).status_code == 404
    assert client.post(edit_url, {"text": "Overwritten"}).status_code == 404

    # Programme administrators run the group but do not read the mentor's notes.
    client.force_login(people.admin)
    page = client.get(group_url)
    assert page.status_code == 200
    assert escape(NOTE) not in page.content.decode()
    assert client.get(edit_url).status_code == 404
    note.refresh_from_db()
    assert note.text == NOTE


def test_only_the_mentor_adds_notes(client, people, mentee, mentoring):
    url = reverse("mentoring:add_note", args=[mentoring.group.pk])
    client.force_login(people.learner)
    assert client.post(url, {"text": "I should not be able to"}).status_code == 403
    client.force_login(mentoring.other_mentor.person)
    assert client.post(url, {"text": "Nor should I"}).status_code == 404
    client.force_login(mentoring.mentor.person)
    assert client.post(url, {"text": "A note of my own"}).status_code == 302
    assert mentoring.group.notes.get().text == "A note of my own"


def test_mentor_records_attendance_and_sees_feedback_without_names(client, people, mentee, mentoring):
    meeting = move_into_past(mentoring.group.meetings().first())
    url = reverse("mentoring:attendance", args=[mentoring.group.pk, meeting.pk])
    client.force_login(people.learner)
    assert client.post(url, {"attended": [people.learner.pk]}).status_code == 403
    response = client.post(
        reverse("mentoring:feedback", args=[mentoring.group.pk, meeting.pk]),
        {"useful": "5", "comment": "Talking through the case helped me plan the family meeting."},
    )
    assert response.status_code == 302

    client.force_login(mentoring.mentor.person)
    assert client.post(url, {"attended": [people.learner.pk]}).status_code == 302
    assert services.meetings_attended(person=people.learner, part=mentoring.part) == 1
    page = client.get(reverse("mentoring:group", args=[mentoring.group.pk])).content.decode()
    assert "Talking through the case helped me plan the family meeting." in page
    assert "1 of 1 came" in page
    feedback_block = page.split("What mentees said")[1]
    assert escape(people.learner.full_name) not in feedback_block


def test_outsiders_and_other_programmes_get_404(client, people, mentoring):
    for person in (people.outsider, people.other_admin):
        client.force_login(person)
        assert client.get(reverse("mentoring:group", args=[mentoring.group.pk])).status_code == 404
        assert client.get(reverse("mentoring:manage", args=[mentoring.part.pk])).status_code == 404


def test_manage_is_for_programme_administrators(client, people, mentoring):
    url = reverse("mentoring:manage", args=[mentoring.part.pk])
    client.force_login(people.learner)
    assert client.get(url).status_code == 403
    client.force_login(people.admin)
    assert client.get(url).status_code == 200


def test_offer_and_approval_through_the_pages(client, people, mentoring):
    client.force_login(people.champion)
    response = client.post(
        reverse("mentoring:apply", args=[mentoring.part.pk]),
        {"experience": "Twenty years in hospice social work.", "work_settings": ["hospice"], "capacity": "6"},
    )
    assert response.status_code == 302
    offer = Mentor.objects.get(person=people.champion)
    assert offer.status == MentorStatus.APPLIED
    decide = reverse("mentoring:decide_mentor", args=[offer.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 404
    client.force_login(people.admin)
    assert client.post(decide, {"decision": "approve"}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == MentorStatus.APPROVED


def test_a_mentor_schedules_their_own_group(client, people, mentoring):
    client.force_login(mentoring.mentor.person)
    response = client.post(
        reverse("mentoring:create_group", args=[mentoring.part.pk]),
        {
            "mentor": mentoring.mentor.pk,
            "title": "Hospice evening group",
            "capacity": "4",
            "online": "on",
            "first_date": "2099-03-10",
            "start_time": "18:30",
            "minutes": "60",
            "meetings": "3",
            "time_zone": "Europe/London",
        },
    )
    assert response.status_code == 302
    group = mentoring.mentor.groups.get(title="Hospice evening group")
    assert group.meetings().count() == 3
    client.force_login(people.learner)
    assert client.get(reverse("mentoring:create_group", args=[mentoring.part.pk])).status_code == 403
