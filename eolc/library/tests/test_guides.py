"""Role pages with the who-does-what matrix, and faith and culture guides."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from eolc.library.models import CareTask, Involvement, Responsibility, Status
from eolc.library.presenters import prose
from eolc.library.tests.factories import CareRoleFactory, FaithGuideFactory, ResourceFactory


def _client(person):
    client = Client()
    client.force_login(person)
    return client


def test_a_role_page_has_its_four_sections_and_linked_resources(people):
    nurse = CareRoleFactory(slug="district-nurse", name="District nurse")
    Responsibility.objects.create(role=nurse, task=CareTask.SYMPTOMS, involvement=Involvement.LEADS)
    handout = ResourceFactory(title="Working with district nurses")
    handout.roles.add(nurse)
    page = _client(people.learner).get(reverse("library:role", args=["district-nurse"])).content.decode()
    for heading in (
        "What they do",
        "When they are involved",
        "What they need from others",
        "How to reach them",
    ):
        assert heading in page
    assert "<li>Early referrals</li>" in page
    assert "Working with district nurses" in page
    assert "Managing symptoms and medicines" in page


def test_the_matrix_says_who_leads_and_supports_in_words(people):
    gp = CareRoleFactory(slug="gp", name="GP", number=1)
    carer = CareRoleFactory(slug="primary-carer", name="Primary carer", number=2)
    Responsibility.objects.create(role=gp, task=CareTask.SYMPTOMS, involvement=Involvement.LEADS)
    Responsibility.objects.create(role=carer, task=CareTask.SYMPTOMS, involvement=Involvement.SUPPORTS)
    response = _client(people.learner).get(reverse("library:roles"))
    rows = response.context["matrix"]["rows"]
    assert [row["role"] for row in rows] == [gp, carer]
    symptoms = list(CareTask).index(CareTask.SYMPTOMS)
    assert rows[0]["cells"][symptoms]["text"] == "Leads"
    assert rows[1]["cells"][symptoms]["text"] == "Supports"
    assert rows[0]["cells"][0]["label"] == "Not usually"
    page = response.content.decode()
    assert '<th scope="col" class="nhsuk-table__header">Managing symptoms and medicines</th>' in page
    assert "Who does what in end of life care</caption>" in page


def test_draft_roles_and_guides_are_hidden_except_from_site_admins(people):
    CareRoleFactory(slug="social-worker", status=Status.DRAFT)
    FaithGuideFactory(slug="sikh", status=Status.DRAFT)
    learner, admin = _client(people.learner), _client(people.site_admin)
    assert learner.get(reverse("library:role", args=["social-worker"])).status_code == 404
    assert learner.get(reverse("library:faith_guide", args=["sikh"])).status_code == 404
    assert admin.get(reverse("library:role", args=["social-worker"])).status_code == 200
    assert admin.get(reverse("library:faith_guide", args=["sikh"])).status_code == 200


def test_a_faith_guide_has_its_sections_sources_review_date_and_a_note_that_people_vary(people):
    guide = FaithGuideFactory(slug="jewish", title="Jewish perspectives")
    page = _client(people.learner).get(reverse("library:faith_guide", args=["jewish"])).content.decode()
    for heading in (
        "Talking about death",
        "Care before death",
        "At the time of death",
        "After death and bereavement",
        "Practical points for non-specialist staff",
        "Sources",
    ):
        assert heading in page
    assert "Individuals vary." in page
    assert escape("A national charity's guidance") in page
    assert "1 June 2027" in page
    assert guide.title in page


@pytest.mark.parametrize("name", ["library:roles", "library:faith_guides", "library:index"])
def test_guides_need_signing_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302


def test_prose_turns_blank_lines_into_paragraphs_and_dashes_into_wrapped_list_items():
    blocks = prose("First line\nsame paragraph.\n\n- One item\n  wrapped on\n- Two")
    assert [(block.kind, block.lines) for block in blocks] == [
        ("paragraph", ["First line same paragraph."]),
        ("list", ["One item wrapped on", "Two"]),
    ]


def test_guides_and_resources_past_their_review_date_say_so(people):
    FaithGuideFactory(slug="hindu", review_date=datetime.date(2020, 1, 1))
    old = ResourceFactory(review_date=datetime.date(2020, 1, 1))
    current = ResourceFactory(review_date=datetime.date.today() + datetime.timedelta(days=30))
    client = _client(people.learner)
    assert "Review overdue" in client.get(reverse("library:faith_guide", args=["hindu"])).content.decode()
    assert "Review overdue" in client.get(reverse("library:resource", args=[old.pk])).content.decode()
    assert "Review overdue" not in client.get(reverse("library:resource", args=[current.pk])).content.decode()


def test_a_role_page_links_to_published_scenario_steps_featuring_that_role(people, programme):
    from eolc.scenarios.tests.factories import small_scenario

    CareRoleFactory(slug="district-nurse", name="District nurse")
    _, nodes, _ = small_scenario(programme, by=people.admin)
    _, drafts, _ = small_scenario(programme, by=people.admin, publish=False)
    page = _client(people.learner).get(reverse("library:role", args=["district-nurse"])).content.decode()
    assert f'href="{nodes["talk"].get_absolute_url()}"' in page
    assert drafts["talk"].get_absolute_url() not in page
    assert nodes["start"].get_absolute_url() not in page  # tagged with other roles only
