"""The dashboard's list of a person's programmes is kept under their stamp and the programmes'
(eolc/programmes/presenters.py): a warm dashboard must not read it again, and a new role, a lost
one and a renamed programme must show on the next view.

The tests commit for real: inside a test's transaction every change would leave the stamps
"changing", and what is kept would never be used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.programmes import services
from eolc.programmes.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _dashboard(client):
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 200
    return response.text


def test_a_warm_dashboard_does_not_read_the_programmes_again(client, people):
    client.force_login(people.learner)
    _dashboard(client)
    with CaptureQueriesContext(connection) as queries:
        _dashboard(client)
    assert [q["sql"] for q in queries if '"programmes_programme"' in q["sql"]] == []


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
