"""Themes by hand and by suggestion, key message pages, and consent on every public page and export."""

import csv
import io

import pytest
from django.urls import reverse

from eolc.insights import services
from eolc.insights.models import Consent, SuggestionRun, Theme
from eolc.insights.tests.factories import make_contribution
from eolc.insights.tests.synthetic import planted_contributions

pytestmark = pytest.mark.django_db

SECRET = "Kept back: the hospice night team argued with the ambulance crew"


def test_select_and_assign_to_a_new_then_an_existing_theme(client, people, programme, other_programme):
    contributions = [make_contribution(programme, text=f"Huddle {n}") for n in range(4)]
    elsewhere = make_contribution(other_programme, text="Elsewhere")
    waiting = make_contribution(programme, approved=False, text="Still waiting")
    client.force_login(people.facilitator)
    url = reverse("insights:themes", args=[programme.slug])
    page = client.get(url).content.decode()
    assert "Huddle 0" in page and "Elsewhere" not in page and "Still waiting" not in page

    client.post(url, {"contributions": [c.pk for c in contributions[:2]], "new_title": "Regular meetings"})
    theme = Theme.objects.get(title="Regular meetings")
    assert set(theme.contributions.all()) == set(contributions[:2])
    client.post(url, {"contributions": [contributions[2].pk, elsewhere.pk, waiting.pk], "theme": theme.pk})
    assert theme.contributions.count() == 2  # refused as a whole: two were not choosable
    client.post(url, {"contributions": [contributions[2].pk], "theme": theme.pk})
    assert theme.contributions.count() == 3

    page = client.post(url, {"contributions": [contributions[3].pk]}).content.decode()
    assert "Choose a theme or name a new one" in page

    unthemed = client.get(url, {"unthemed": "1"}).content.decode()
    assert "Huddle 3" in unthemed and "Huddle 0" not in unthemed

    client.post(reverse("insights:theme", args=[theme.pk]), {"remove": [contributions[0].pk]})
    assert contributions[0] not in theme.contributions.all()


def test_themes_belong_to_the_programme_team(client, people, programme):
    theme = services.theme_create(programme=programme, title="Records")
    for role, status in [("other_admin", 403), ("learner", 403), ("champion", 403)]:
        client.force_login(getattr(people, role))
        assert client.get(reverse("insights:themes", args=[programme.slug])).status_code in (status, 404)
        assert client.get(reverse("insights:theme", args=[theme.pk])).status_code == 404


def test_suggested_themes_run_in_the_background_and_can_be_accepted(
    client, people, programme, immediate_tasks, django_capture_on_commit_callbacks
):
    texts, _ = planted_contributions(60, themes=3)
    for text in texts:
        make_contribution(programme, text=text)
    client.force_login(people.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("insights:suggest", args=[programme.slug]))
    run = SuggestionRun.objects.get()
    assert response.url == reverse("insights:suggestions", args=[run.pk])
    assert run.status == "done" and run.progress == 100 and len(run.clusters) == 3
    assert sorted(len(c["contributions"]) for c in run.clusters) == [20, 20, 20]
    page = client.get(response.url).content.decode()
    assert "Top terms" in page and "Accept as a theme" in page

    client.post(reverse("insights:accept", args=[run.pk, 0]), {"title": "First group"})
    theme = Theme.objects.get(title="First group")
    assert theme.contributions.count() == 20
    client.post(reverse("insights:accept", args=[run.pk, 0]), {"title": "Again"})
    assert not Theme.objects.filter(title="Again").exists()

    client.force_login(people.other_admin)
    assert client.get(response.url).status_code == 404


def test_a_suggestion_run_is_claimed_once(programme):
    run = SuggestionRun.objects.create(programme=programme)
    assert services.suggestion_run(run_id=run.pk) is True
    assert services.suggestion_run(run_id=run.pk) is False


def _published_message(programme):
    quoted = make_contribution(programme, text="The GP rang the care agency herself", consent=Consent.QUOTE)
    anonymous = make_contribution(programme, text="Anonymous but usable", sector="social_care")
    private = make_contribution(programme, text=SECRET, consent=Consent.PRIVATE, sector="voluntary")
    theme = services.theme_create(
        programme=programme, title="Talking across teams", contributions=[quoted, private]
    )
    message = services.key_message_create(
        programme=programme,
        title="Pick up the phone",
        body="A call between teams settles what a week of emails does not.",
        themes=[theme],
        contributions=[anonymous],
    )
    return services.key_message_publish(message=message)


def test_not_for_publication_never_appears_on_public_pages_or_exports(client, people, programme):
    message = _published_message(programme)
    public_pages = [
        reverse("insights:messages"),
        reverse("insights:message_public", args=[message.slug]),
    ]
    for url in public_pages:
        for person in (None, people.learner, people.facilitator):
            if person:
                client.force_login(person)
            else:
                client.logout()
            html = client.get(url).content.decode()
            assert SECRET not in html
            assert "Voluntary" not in html
    public = client.get(public_pages[1]).content.decode()
    assert "The GP rang the care agency herself" in public  # may be quoted
    assert "Anonymous but usable" not in public  # counted, not quoted

    client.force_login(people.facilitator)
    export = client.get(reverse("insights:export", args=[programme.slug]))
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    texts = [row[2] for row in rows[1:]]
    assert sorted(texts) == ["Anonymous but usable", "The GP rang the care agency herself"]
    assert SECRET not in export.content.decode()

    # The programme team still sees it where they work.
    assert SECRET in client.get(reverse("insights:message", args=[message.pk])).content.decode()


def test_public_page_counts_are_exact(client, programme):
    message = _published_message(programme)
    html = client.get(reverse("insights:message_public", args=[message.slug])).content.decode()
    assert "built on 2 contributions" in html
    assert message.support_by_sector(public=True) == [("Health", 1), ("Social care", 1)]


def test_drafts_are_not_public(client, people, programme):
    draft = services.key_message_create(programme=programme, title="Not yet", body="Draft")
    assert client.get(reverse("insights:message_public", args=[draft.slug])).status_code == 404
    assert "Not yet" not in client.get(reverse("insights:messages")).content.decode()
    client.force_login(people.other_admin)
    assert client.get(reverse("insights:message", args=[draft.pk])).status_code == 404


def test_drafting_editing_and_publishing_through_the_pages(client, people, programme):
    contribution = make_contribution(programme, text="Joint visits with the social worker")
    theme = services.theme_create(programme=programme, title="Joint visits", contributions=[contribution])
    client.force_login(people.admin)
    response = client.post(
        reverse("insights:create_message", args=[programme.slug]),
        {"title": "Visit together", "body": "Plan the first visit together.", "themes": [theme.pk]},
    )
    message = programme.key_messages.get()
    assert response.url == reverse("insights:message", args=[message.pk])
    client.post(reverse("insights:publish_message", args=[message.pk]))
    client.post(
        reverse("insights:edit_message", args=[message.pk]),
        {"title": "Visit together early", "body": "Plan the first visit together.", "themes": [theme.pk]},
    )
    message.refresh_from_db()
    assert (message.version, message.versions.count()) == (2, 2)
    page = client.get(reverse("insights:message", args=[message.pk])).content.decode()
    assert "Version 1" in page and "Version 2" in page
    client.post(reverse("insights:publish_message", args=[message.pk]), {"withdraw": "1"})
    assert client.get(reverse("insights:message_public", args=[message.slug])).status_code == 404


def test_a_draft_is_sent_to_the_groups_for_comments(client, people, programme, mailoutbox):
    from eolc.champions.models import Consultation

    message = services.key_message_create(programme=programme, title="Talk early", body="Call the nurse.")
    client.force_login(people.admin)
    page = client.get(reverse("insights:message", args=[message.pk])).content.decode()
    assert "Send for comments" in page
    url = reverse("insights:consult_message", args=[message.pk])
    client.post(url, {"groups": ["strategic"], "closes_on": "2000-01-01"})
    assert not Consultation.objects.exists()
    client.post(url, {"groups": ["strategic", "champions"], "closes_on": "2099-01-01"})
    consultation = Consultation.objects.get()
    assert consultation.title == "Key message: Talk early" and consultation.to_strategic_group

    client.force_login(people.learner)
    assert client.post(url, {"groups": ["strategic"], "closes_on": "2099-01-01"}).status_code == 404
