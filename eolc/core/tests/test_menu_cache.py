"""A signed-in person's header menu is kept between requests (eolc/core/navigation.py): it must
follow a change to what they may open at once, and never show one person's menu to another."""

import pytest
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.champions.models import Network
from eolc.events.tests.factories import EventFactory
from eolc.programmes import services
from eolc.programmes.models import Role

pytestmark = pytest.mark.django_db


def _menu(client):
    return [item["text"] for item in client.get(reverse("programmes:dashboard")).context["nav_items"]]


def test_each_person_gets_their_own_menu(client, people):
    client.force_login(people.admin)
    admin_menu = _menu(client)
    client.force_login(people.learner)
    learner_menu = _menu(client)
    assert "People" in admin_menu and "People" not in learner_menu
    client.force_login(people.site_admin)
    assert "Site admin" in _menu(client)
    client.force_login(people.admin)
    assert _menu(client) == admin_menu


def test_a_new_role_shows_in_the_menu_on_the_next_page(
    client, people, programme, django_capture_on_commit_callbacks
):
    client.force_login(people.learner)
    assert "Reports" not in _menu(client)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_add(programme=programme, person=people.learner, role=Role.COMMISSIONER)
    assert "Reports" in _menu(client)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_revoke(programme=programme, person=people.learner, role=Role.COMMISSIONER)
    assert "Reports" not in _menu(client)


def test_a_network_and_a_named_event_show_on_the_next_page(
    client, people, programme, django_capture_on_commit_callbacks
):
    client.force_login(people.learner)
    menu = _menu(client)
    assert "Champions" not in menu and "Insights" not in menu
    with django_capture_on_commit_callbacks(execute=True):
        Network.objects.create(programme=programme)
        EventFactory(programme=programme).facilitators.add(people.learner)
    menu = _menu(client)
    assert "Champions" in menu and "Insights" in menu


def test_a_kept_menu_asks_the_database_nothing(client, people):
    client.force_login(people.champion)
    _menu(client)
    with CaptureQueriesContext(connection) as queries:
        _menu(client)
    menu_questions = [q["sql"] for q in queries if "champions_" in q["sql"] or "events_event" in q["sql"]]
    assert menu_questions == []


def test_kept_head_assets_are_the_storages_addresses(client, people):
    """The head's asset links are kept like the footer; a kept copy is the same markup."""
    client.force_login(people.learner)
    for _ in range(2):
        page = client.get(reverse("programmes:dashboard")).text
        for asset in ("vendor/nhsuk-frontend.min.css", "css/app.css", "js/app.js", "vendor/htmx.min.js"):
            assert f'"{static(asset)}"' in page
