import pytest
from django.urls import reverse

from eolc.scenarios.models import Choice, Scenario
from eolc.scenarios.tests.factories import small_scenario


@pytest.fixture
def story(programme, people):
    return small_scenario(programme, by=people.facilitator)


def test_the_player_is_plain_pages_and_forms(client, people, story):
    scenario, nodes, choices = story
    client.force_login(people.learner)
    intro = client.get(reverse("scenarios:intro", args=[scenario.pk])).content.decode()
    assert "<script" not in intro.split("<main")[1].split("</main>")[0]
    response = client.post(reverse("scenarios:start", args=[scenario.pk]))
    step_url = reverse("scenarios:step", args=[scenario.pk, nodes["start"].pk])
    assert response["Location"] == step_url
    page = client.get(step_url).content.decode()
    assert "<h1" in page and "Mr Green is more tired" in page
    assert 'type="radio"' in page and "What do you do?" in page

    empty = client.post(step_url, {})
    assert "Choose what you would do" in empty.content.decode()
    assert Choice.objects.get(pk=choices["talk"].pk).times_chosen == 0

    response = client.post(step_url, {"choice": choices["talk"].pk})
    assert response["Location"] == reverse("scenarios:outcome", args=[scenario.pk, choices["talk"].pk])
    outcome = client.get(response["Location"]).content.decode()
    assert "Key message: Talk early about what lies ahead." in outcome
    assert reverse("scenarios:step", args=[scenario.pk, nodes["talk"].pk]) in outcome
    assert Choice.objects.get(pk=choices["talk"].pk).times_chosen == 1


def test_a_choice_from_another_step_or_scenario_is_refused(client, people, programme, story):
    scenario, nodes, choices = story
    other, _, other_choices = small_scenario(programme)
    client.force_login(people.learner)
    url = reverse("scenarios:step", args=[scenario.pk, nodes["start"].pk])
    response = client.post(url, {"choice": other_choices["talk"].pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert (
        client.get(reverse("scenarios:outcome", args=[scenario.pk, other_choices["talk"].pk])).status_code
        == 404
    )


def test_drafts_cannot_be_played(client, people, programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    client.force_login(people.learner)
    assert client.get(reverse("scenarios:intro", args=[scenario.pk])).status_code == 404
    assert client.get(reverse("scenarios:step", args=[scenario.pk, nodes["start"].pk])).status_code == 404


def test_only_the_programmes_admins_and_facilitators_edit(client, people, story):
    scenario, nodes, choices = story
    urls = [
        reverse("scenarios:editor", args=[scenario.pk]),
        reverse("scenarios:edit", args=[scenario.pk]),
        reverse("scenarios:results", args=[scenario.pk]),
        reverse("scenarios:edit_node", args=[nodes["start"].pk]),
        reverse("scenarios:edit_choice", args=[choices["talk"].pk]),
    ]
    for person in (people.learner, people.champion, people.mentor, people.other_admin):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404, (person, url)
        assert client.post(reverse("scenarios:delete_node", args=[nodes["start"].pk])).status_code == 404
    for person in (people.facilitator, people.admin):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 200, (person, url)


def test_writing_a_scenario_through_the_pages(client, people, programme):
    client.force_login(people.facilitator)
    response = client.post(
        reverse("scenarios:create"),
        {"programme": programme.pk, "title": "Mrs Patel's week", "summary": "A week of visits."},
    )
    scenario = Scenario.objects.get(title="Mrs Patel's week")
    assert response["Location"] == reverse("scenarios:add_node", args=[scenario.pk])
    client.post(
        reverse("scenarios:add_node", args=[scenario.pk]),
        {"title": "Monday", "text": "The first visit.", "roles": ["home-care-worker"]},
    )
    missing_transcript = client.post(
        reverse("scenarios:add_node", args=[scenario.pk]),
        {"title": "Tuesday", "text": "A film.", "media_url": "https://example.org/film.mp4"},
    )
    assert "Add a transcript for the film or audio clip" in missing_transcript.content.decode()
    assert 'value="https://example.org/film.mp4"' in missing_transcript.content.decode()
    client.post(
        reverse("scenarios:add_node", args=[scenario.pk]), {"title": "The end", "text": "…", "is_end": "on"}
    )
    monday, end = scenario.nodes.order_by("number")
    editor = client.get(reverse("scenarios:editor", args=[scenario.pk])).content.decode()
    assert "“Monday” has no choices and is not an ending." in editor
    client.post(reverse("scenarios:add_choice", args=[monday.pk]), {"text": "Finish", "leads_to": end.pk})
    client.post(reverse("scenarios:publish", args=[scenario.pk]), {"action": "publish"})
    scenario.refresh_from_db()
    assert scenario.is_published
    assert monday.role_slugs() == ["home-care-worker"]


def test_results_show_counts(client, people, story):
    scenario, nodes, choices = story
    client.force_login(people.learner)
    client.post(reverse("scenarios:start", args=[scenario.pk]))
    client.post(
        reverse("scenarios:step", args=[scenario.pk, nodes["start"].pk]), {"choice": choices["wait"].pk}
    )
    client.force_login(people.facilitator)
    page = client.get(reverse("scenarios:results", args=[scenario.pk])).content.decode()
    assert "1 play started" in page
    assert "Mr Green is more tired → An ambulance at night" in page


def test_choices_link_to_key_messages_and_learners_see_the_published_ones(client, people, programme, story):
    from eolc.insights.models import KeyMessage

    scenario, nodes, choices = story
    published = KeyMessage.objects.create(
        programme=programme, title="Pick up the phone early", body="Say what you see.", status="published"
    )
    draft = KeyMessage.objects.create(programme=programme, title="Not agreed yet", body="…", status="draft")
    elsewhere = KeyMessage.objects.create(
        programme=people.other_admin.memberships.get().programme, title="Another programme's", body="…"
    )
    client.force_login(people.facilitator)
    url = reverse("scenarios:edit_choice", args=[choices["talk"].pk])
    form = client.get(url).content.decode()
    assert "Not agreed yet (draft)" in form and "Another programme&#x27;s" not in form
    data = {"text": "Tell the district nurse today", "leads_to": nodes["talk"].pk, "feedback": "Good."}
    refused = client.post(url, {**data, "key_messages": [elsewhere.pk]})
    assert refused.status_code == 200
    client.post(url, {**data, "key_messages": [published.pk, draft.pk]})
    assert set(Choice.objects.get(pk=choices["talk"].pk).key_messages.all()) == {published, draft}

    client.force_login(people.learner)
    page = client.get(reverse("scenarios:outcome", args=[scenario.pk, choices["talk"].pk])).content.decode()
    assert reverse("insights:message_public", args=[published.slug]) in page
    assert "Not agreed yet" not in page
