"""The dashboard's content is kept rendered under the person's stamp and the programmes'
(eolc/programmes/presenters.py): a warm dashboard must neither read nor render it again, and a new
role, a lost one, a renamed programme and a changed profile must show on the next view.

The tests commit for real: inside a test's transaction every change would leave the stamps
"changing", and what is kept would never be used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import give_totp
from eolc.programmes import services
from eolc.programmes.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _dashboard(client):
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 200
    return response.text


def _rendered(client) -> bool:
    """Whether the dashboard's content was rendered for this view rather than taken from memory."""
    response = client.get(reverse("programmes:dashboard"))
    return "programmes/dashboard_content.html" in [t.name for t in response.templates]


def test_a_warm_dashboard_does_not_read_the_programmes_again(client, people):
    client.force_login(people.learner)
    _dashboard(client)
    with CaptureQueriesContext(connection) as queries:
        _dashboard(client)
    assert [q["sql"] for q in queries if '"programmes_programme"' in q["sql"]] == []
    assert not _rendered(client)


def test_roles_given_and_taken_show_on_the_next_view(client, people, other_programme):
    client.force_login(people.learner)
    assert other_programme.title not in _dashboard(client)
    services.membership_add(programme=other_programme, person=people.learner, role=Role.CHAMPION)
    page = _dashboard(client)
    assert other_programme.title in page and "Champion" in page
    services.membership_revoke(programme=other_programme, person=people.learner, role=Role.CHAMPION)
    assert other_programme.title not in _dashboard(client)


def test_a_renamed_programme_shows_on_the_next_view(client, people, programme):
    client.force_login(people.learner)
    assert programme.title in _dashboard(client)
    programme.title = "South London working together"
    programme.save()
    assert "South London working together" in _dashboard(client)


def test_each_person_sees_their_own_programmes(client, people, other_programme):
    client.force_login(people.other_admin)
    assert other_programme.title in _dashboard(client)
    client.force_login(people.learner)
    assert other_programme.title not in _dashboard(client)


def test_a_changed_profile_shows_on_the_next_view(client, people):
    client.force_login(people.learner)
    assert "Finish your profile" not in _dashboard(client)
    people.learner.full_name = "Priya Natarajan"
    people.learner.area = None
    people.learner.save()
    page = _dashboard(client)
    assert "Hello, Priya" in page and "Finish your profile" in page


def test_a_staff_role_given_shows_that_two_factor_sign_in_is_required(client, people, programme):
    client.force_login(give_totp(people.learner))
    assert "(required for your role)" not in _dashboard(client)
    services.membership_add(programme=programme, person=people.learner, role=Role.ADMIN)
    assert "(required for your role)" in _dashboard(client)
