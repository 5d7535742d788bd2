"""Search finds resources by words in the title and in the body, on SQLite and on PostgreSQL.

The suite runs on both (DATABASE_URL selects PostgreSQL), so these tests cover both paths.
"""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from eolc.library.models import Resource, Status
from eolc.library.tests.factories import ResourceFactory


@pytest.fixture
def shelf(db):
    return {
        "film": ResourceFactory(
            title="It helps to talk",
            summary="A short film about one family.",
            body="Follows Joan and her daughter as the district nurse and the hospice team work together.",
        ),
        "guide": ResourceFactory(
            title="Supporting carers at home",
            summary="Practical ideas for home care workers.",
            body="Covers respite, benefits and how to raise concerns with the GP.",
        ),
        "draft": ResourceFactory(title="Carers draft notes", status=Status.DRAFT),
    }


def test_search_finds_words_in_the_title(shelf):
    assert list(Resource.objects.search("helps talk")) == [shelf["film"]]
    assert set(Resource.objects.published().search("carers")) == {shelf["guide"]}


def test_search_finds_words_in_the_body(shelf):
    assert list(Resource.objects.search("hospice")) == [shelf["film"]]
    assert list(Resource.objects.search("respite benefits")) == [shelf["guide"]]


def test_every_word_must_match_and_empty_search_returns_all(shelf):
    assert list(Resource.objects.search("hospice respite")) == []
    assert Resource.objects.search("   ").count() == 3


def test_a_title_match_ranks_above_a_body_match(db):
    body_only = ResourceFactory(title="Working with families", body="Notes on bereavement support.")
    in_title = ResourceFactory(title="Bereavement support after a death", body="For families.")
    found = list(Resource.objects.search("bereavement"))
    assert set(found) == {body_only, in_title}
    if connection.vendor == "postgresql":
        assert found[0] == in_title


def test_the_library_page_searches_only_what_a_person_may_see(shelf, people):
    client = Client()
    client.force_login(people.learner)
    response = client.get(reverse("library:index"), {"q": "carers"})
    assert [row["resource"] for row in response.context["rows"]] == [shelf["guide"]]
    assert "1 result" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only")
def test_postgresql_search_uses_the_gin_index(shelf):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = Resource.objects.search("hospice").explain()
        cursor.execute("RESET enable_seqscan")
    assert "library_resource_search" in plan


def test_htmx_filtering_returns_only_the_results(shelf, people):
    client = Client()
    client.force_login(people.learner)
    response = client.get(reverse("library:index"), {"q": "hospice"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.startswith('<div id="library-results" aria-live="polite">')
    assert "It helps to talk" in page and "<form" not in page
