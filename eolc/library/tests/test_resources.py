"""Publishing rules, who may add and change resources, and what each person finds in the library."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from eolc.library import services
from eolc.library.models import Resource, ResourceKind, Status
from eolc.library.tests.factories import CAPTIONS, ResourceFactory


def _client(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def film(db, programme):
    return ResourceFactory(
        title="It helps to talk", kind=ResourceKind.FILM, programme=programme, status=Status.DRAFT
    )


def test_a_film_without_captions_cannot_be_published(film):
    film.transcript = "Joan: I did not know who to call."
    film.save()
    with pytest.raises(ValidationError) as refused:
        services.resource_publish(resource=film)
    assert refused.value.messages == ["Add captions: a film cannot be published without them."]
    film.refresh_from_db()
    assert film.status == Status.DRAFT


def test_a_film_without_a_transcript_cannot_be_published(film):
    film.captions = CAPTIONS
    film.save()
    with pytest.raises(ValidationError, match="transcript"):
        services.resource_publish(resource=film)


def test_the_database_refuses_a_published_film_without_captions(film):
    film.status = Status.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        film.save()


def test_a_film_with_captions_and_transcript_is_published(film):
    film.captions, film.transcript = CAPTIONS, "Joan: It helps to talk."
    film.save()
    assert services.resource_publish(resource=film).status == Status.PUBLISHED


def test_the_publish_button_explains_what_is_missing(people, film):
    response = _client(people.facilitator).post(reverse("library:publish", args=[film.pk]), follow=True)
    page = response.content.decode()
    assert "Add captions: a film cannot be published without them." in page
    assert "Add a transcript" in page
    film.refresh_from_db()
    assert film.status == Status.DRAFT


def test_removing_captions_from_a_published_film_puts_it_back_to_draft(people, programme, film):
    film.captions, film.transcript = CAPTIONS, "Joan: It helps to talk."
    film.save()
    services.resource_publish(resource=film)
    data = {
        "title": film.title,
        "kind": "film",
        "summary": film.summary,
        "programme": programme.pk,
        "audiences": ["front_line", "trainer"],
        "url": "https://example.org/film",
        "captions": "",
        "transcript": film.transcript,
        "licence": "ogl-3",
        "version": "1.1",
    }
    response = _client(people.facilitator).post(reverse("library:edit", args=[film.pk]), data, follow=True)
    film.refresh_from_db()
    assert film.status == Status.DRAFT
    assert film.version == "1.1"
    assert "back to draft" in response.content.decode()


def test_captions_must_be_webvtt(people, programme):
    data = {
        "title": "Film",
        "kind": "film",
        "summary": "A film.",
        "programme": programme.pk,
        "audiences": ["trainer"],
        "captions": "1\n00:00:01,000 --> 00:00:02,000\nSRT, not WebVTT",
        "licence": "ogl-3",
        "version": "1.0",
    }
    response = _client(people.facilitator).post(reverse("library:create"), data)
    assert "Captions must be in WebVTT format" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("learner", 403), ("champion", 403), ("commissioner", 403), ("facilitator", 200), ("admin", 200)],
)
def test_only_trainers_and_administrators_add_resources(people, role, status):
    assert _client(getattr(people, role)).get(reverse("library:create")).status_code == status


def test_a_trainer_cannot_add_to_another_programme_or_site_wide(people, other_programme):
    client = _client(people.facilitator)
    base = {"title": "T", "kind": "link", "summary": "S", "audiences": ["trainer"], "licence": "ogl-3"}
    base.update(version="1.0", url="https://example.org")
    for programme in (other_programme.pk, ""):
        response = client.post(reverse("library:create"), {**base, "programme": programme})
        assert response.status_code == 200
    assert not Resource.objects.exists()


def test_who_sees_what_in_the_library(people, programme, other_programme):
    site_wide = ResourceFactory(title="Site-wide guide")
    mine = ResourceFactory(title="Our programme's handout", programme=programme)
    theirs = ResourceFactory(title="Their handout", programme=other_programme)
    draft = ResourceFactory(title="Draft handout", programme=programme, status=Status.DRAFT)

    def listed(person):
        return {row["resource"] for row in _client(person).get(reverse("library:index")).context["rows"]}

    assert listed(people.learner) == {site_wide, mine}
    assert listed(people.facilitator) == {site_wide, mine, draft}
    assert listed(people.outsider) == {site_wide}
    assert listed(people.site_admin) == {site_wide, mine, theirs, draft}
    assert _client(people.learner).get(reverse("library:resource", args=[draft.pk])).status_code == 404
    assert _client(people.learner).get(reverse("library:edit", args=[mine.pk])).status_code == 403
    assert _client(people.other_admin).get(reverse("library:edit", args=[draft.pk])).status_code == 404


def test_filters_narrow_the_list(people, programme):
    handout = ResourceFactory(title="Managers' briefing", kind=ResourceKind.BEST_PRACTICE, for_manager=True)
    ResourceFactory(title="Front-line link")
    response = _client(people.learner).get(
        reverse("library:index"), {"kind": "best_practice", "audience": "manager"}
    )
    assert [row["resource"] for row in response.context["rows"]] == [handout]


def test_visiting_a_link_counts_and_redirects(people):
    link = ResourceFactory(url="https://example.org/guide")
    response = _client(people.learner).get(reverse("library:visit", args=[link.pk]))
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/guide"
    link.refresh_from_db()
    assert link.download_count == 1


def test_download_counts_are_not_lost_when_stale_copies_count_at_once(db):
    resource = ResourceFactory()
    first, second = Resource.objects.get(pk=resource.pk), Resource.objects.get(pk=resource.pk)
    services.resource_download_record(resource=first)
    services.resource_download_record(resource=second)
    resource.refresh_from_db()
    assert resource.download_count == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_are_all_counted():
    resource = ResourceFactory()

    def download():
        services.resource_download_record(resource=resource)
        connection.close()

    threads = [threading.Thread(target=download) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    resource.refresh_from_db()
    assert resource.download_count == 8
