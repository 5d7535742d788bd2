"""Themes with htmx: each change swaps only the part it changed, and the same forms still work
without JavaScript (post, then redirect)."""

import pytest
from django.urls import reverse

from eolc.insights import services
from eolc.insights.models import SuggestionRun, SuggestionStatus, Theme
from eolc.insights.tests.factories import make_contribution

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _done_run(programme, groups):
    clusters = [
        {"terms": [f"term{n}"], "contributions": [c.pk for c in group], "representatives": [group[0].pk]}
        for n, group in enumerate(groups)
    ]
    return SuggestionRun.objects.create(
        programme=programme, status=SuggestionStatus.DONE, progress=100, method="tfidf", clusters=clusters
    )


def test_adding_to_a_theme_swaps_the_workspace_and_says_so(client, people, programme):
    contributions = [make_contribution(programme, text=f"Huddle {n}") for n in range(3)]
    client.force_login(people.facilitator)
    url = reverse("insights:themes", args=[programme.slug]) + "?unthemed=1"
    response = client.post(
        url, {"contributions": [c.pk for c in contributions[:2]], "new_title": "Huddles"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="themes-workspace"' in html
    assert 'id="insights-status" role="status" hx-swap-oob="true"' in html
    assert "2 added to “Huddles”." in html
    assert "Huddle 2" in html and "Huddle 0" not in html  # only those without a theme are listed
    assert "2 contributions" in html  # the theme list is fresh
    refused = client.post(url, {"contributions": [contributions[2].pk]}, headers=HTMX).content.decode()
    assert "Choose a theme or name a new one" in refused and "<html" not in refused

    # Filtering with htmx swaps only the table, and the form then posts back to the filtered address.
    filtered = client.get(url.split("?")[0], {"unthemed": "1"}, headers=HTMX).content.decode()
    assert filtered.startswith('<div id="themes-results">') and "Themes so far" not in filtered
    assert "Huddle 2" in filtered and "Huddle 0" not in filtered
    assert f'hx-post="{url}"' in filtered


def test_moving_a_contribution_between_themes(client, people, programme, other_programme):
    one, two = make_contribution(programme, text="Shared record"), make_contribution(programme, text="Other")
    records = services.theme_create(programme=programme, title="Records", contributions=[one, two])
    meetings = services.theme_create(programme=programme, title="Meetings")
    elsewhere = services.theme_create(programme=other_programme, title="Elsewhere")
    client.force_login(people.facilitator)
    url = reverse("insights:move_contribution", args=[records.pk])

    response = client.post(url, {"contribution": one.pk, "to": meetings.pk}, headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and 'id="theme-contributions"' in html
    assert "Shared record" not in html and "1 contribution in this theme" in html
    assert "Moved to “Meetings”." in html
    assert list(meetings.contributions.all()) == [one] and list(records.contributions.all()) == [two]

    # Without JavaScript: the same form posts and redirects back to the theme.
    response = client.post(url, {"contribution": two.pk, "to": meetings.pk})
    assert response.status_code == 302 and response.url == reverse("insights:theme", args=[records.pk])
    assert meetings.contributions.count() == 2

    assert client.post(url, {"contribution": two.pk, "to": elsewhere.pk}).status_code == 404
    assert client.post(url, {"contribution": "x", "to": meetings.pk}).status_code == 404


def test_removing_and_renaming_swap_only_their_part(client, people, programme):
    one = make_contribution(programme, text="Night sitter")
    theme = services.theme_create(programme=programme, title="Carers", contributions=[one])
    client.force_login(people.facilitator)
    url = reverse("insights:theme", args=[theme.pk])
    html = client.post(url, {"remove": one.pk}, headers=HTMX).content.decode()
    assert "No contributions in this theme yet" in html and "1 removed from “Carers”." in html
    html = client.post(url, {"title": "Family carers", "description": ""}, headers=HTMX).content.decode()
    assert 'id="theme-name"' in html and "<html" not in html
    assert '<h1 class="nhsuk-heading-l" id="theme-title" hx-swap-oob="true">Family carers</h1>' in html
    html = client.post(url, {"title": "", "description": ""}, headers=HTMX).content.decode()
    assert "nhsuk-error-message" in html and "<html" not in html
    theme.refresh_from_db()
    assert theme.title == "Family carers"


def test_merging_keeps_contributions_and_key_message_support(client, people, programme, other_programme):
    one, two = make_contribution(programme, text="Rota"), make_contribution(programme, text="Agency")
    small = services.theme_create(programme=programme, title="Rotas", contributions=[one])
    big = services.theme_create(programme=programme, title="Home care", contributions=[two])
    elsewhere = services.theme_create(programme=other_programme, title="Elsewhere")
    message = services.key_message_create(programme=programme, title="Plan visits", body="b", themes=[small])
    client.force_login(people.facilitator)
    assert (
        client.post(reverse("insights:merge_theme", args=[small.pk]), {"into": elsewhere.pk}).status_code
        == 404
    )
    response = client.post(reverse("insights:merge_theme", args=[small.pk]), {"into": big.pk})
    assert response.url == reverse("insights:theme", args=[big.pk])
    assert not Theme.objects.filter(pk=small.pk).exists()
    assert set(big.contributions.all()) == {one, two}
    assert list(message.themes.all()) == [big]
    with pytest.raises(services.InsightRefused):
        services.theme_merge(theme=big, into=big)


def test_accepting_a_suggestion_swaps_its_card(client, people, programme):
    first = [make_contribution(programme, text=f"Pharmacy {n}") for n in range(3)]
    second = [make_contribution(programme, text=f"Huddle {n}") for n in range(3)]
    existing = services.theme_create(programme=programme, title="Meetings")
    run = _done_run(programme, [first, second])
    client.force_login(people.facilitator)

    page = client.get(reverse("insights:suggestions", args=[run.pk])).content.decode()
    assert 'id="suggestion-0"' in page and "Or add this group to a theme you already have" in page

    html = client.post(
        reverse("insights:accept", args=[run.pk, 0]), {"title": ""}, headers=HTMX
    ).content.decode()
    assert "Name the theme before accepting it" in html and "<html" not in html

    response = client.post(reverse("insights:accept", args=[run.pk, 0]), {"title": "Medicines"}, headers=HTMX)
    html = response.content.decode()
    assert 'id="suggestion-0"' in html and "Accepted as a theme" in html and 'id="suggestion-1"' not in html
    theme = Theme.objects.get(title="Medicines")
    assert f'href="{reverse("insights:theme", args=[theme.pk])}"' in html
    # The other group's list of existing themes now offers the new one (swapped out of band).
    assert '<div id="into-1-form" hx-swap-oob="true">' in html and "into-0-form" not in html.split("</h2>")[0]
    assert html.count('hx-swap-oob="true"') == 2 and f'<option value="{theme.pk}">Medicines</option>' in html
    assert "“Medicines” is now a theme with 3 contributions." in html

    client.post(reverse("insights:accept", args=[run.pk, 1]), {"into": existing.pk})  # without JavaScript
    assert existing.contributions.count() == 3
    run.refresh_from_db()
    assert run.accepted == [0, 1]
    assert client.post(reverse("insights:accept", args=[run.pk, 5]), {"title": "x"}).status_code == 404


def test_progress_is_polled_with_htmx_until_the_run_ends(client, people, programme):
    run = SuggestionRun.objects.create(programme=programme, status=SuggestionStatus.RUNNING, progress=40)
    client.force_login(people.facilitator)
    url = reverse("insights:suggestion_progress", args=[run.pk])
    page = client.get(reverse("insights:suggestions", args=[run.pk])).content.decode()
    assert f'hx-get="{url}"' in page and "<noscript>" in page
    polled = client.get(url, headers=HTMX)
    assert "40% done" in polled.content.decode() and "HX-Refresh" not in polled
    assert client.get(url).status_code == 302  # without htmx: back to the page
    SuggestionRun.objects.filter(pk=run.pk).update(status=SuggestionStatus.DONE, progress=100)
    assert client.get(url, headers=HTMX)["HX-Refresh"] == "true"


def test_theme_pages_make_the_same_number_of_queries_for_more_rows(client, people, programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eolc.accounts.models import JobRole

    roles = [JobRole.objects.create(slug=f"role-{n}", name=f"Role {n}") for n in range(6)]
    theme = services.theme_create(programme=programme, title="Records")
    client.force_login(people.facilitator)
    pages = [reverse("insights:themes", args=[programme.slug]), reverse("insights:theme", args=[theme.pk])]

    def counts():
        found = []
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    def add(n):
        added = [make_contribution(programme, text=f"Row {n}", job_role=roles[n % 6]) for n in range(n)]
        services.theme_assign(theme=theme, contributions=added)

    add(2)
    counts()  # the first request also sets up the session
    few = counts()
    add(6)
    assert counts() == few
