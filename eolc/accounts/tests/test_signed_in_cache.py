"""The signed-in person's account and roles are kept per process under their own stamp
(eolc/accounts/signed_in.py, ADR 023): a warm page must not read them again, every change to them
must show on the next request, and the session itself must stay the database's to end.

The tests commit for real: inside a test's transaction every change would leave it "changing", and
the kept rows would never be used."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eolc.accounts import services
from eolc.privacy.services import person_erase
from eolc.programmes import services as programmes
from eolc.programmes.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DASHBOARD = reverse("programmes:dashboard")


def _signed_in(client):
    """Whether the dashboard answers the client as a signed-in person (else it asks to sign in)."""
    response = client.get(DASHBOARD)
    assert response.status_code in {200, 302}
    return response.status_code == 200


def test_a_warm_page_reads_neither_the_account_nor_the_memberships(client, people):
    client.force_login(people.learner)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as queries:
        assert _signed_in(client)
    account = f'FROM "accounts_user" WHERE "accounts_user"."id" = {people.learner.pk}'
    roles = re.compile(r'^SELECT "programmes_membership"\."programme_id"( AS "programme_id")?, ')
    assert [q["sql"] for q in queries if account in q["sql"] or roles.match(q["sql"])] == []
    assert any('"django_session"' in q["sql"] for q in queries)  # the session is read every time


def _change_password(people):
    people.learner.set_password("a-new-password-for-2026")
    people.learner.save()


@pytest.mark.parametrize(
    "change",
    [
        _change_password,
        lambda people: services.deletion_request(person=people.learner),
        lambda people: person_erase(person=people.learner, by=people.site_admin),
    ],
    ids=["password-change", "closed-account", "erasure"],
)
def test_a_change_to_the_account_signs_its_sessions_out_on_the_next_request(
    client, people, django_capture_on_commit_callbacks, change
):
    """The kept account row must not outlive a change that ends the person's sessions."""
    client.force_login(people.learner)
    assert _signed_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        change(people)
    assert not _signed_in(client)


def test_a_new_name_shows_on_the_next_page(client, people, django_capture_on_commit_callbacks):
    client.force_login(people.learner)
    assert "Ada Lovelace-Byron" not in client.get(DASHBOARD).text
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_update(person=people.learner, full_name="Ada Lovelace-Byron")
    assert "Ada Lovelace-Byron" in client.get(DASHBOARD).text


def test_a_site_admin_flag_taken_away_closes_the_admin_pages(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people.site_admin)
    people_page = reverse("programmes:people")
    assert client.get(people_page).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        people.site_admin.is_staff = people.site_admin.is_superuser = False
        people.site_admin.save()
    assert client.get(people_page).status_code == 403


def test_a_role_taken_away_closes_its_pages_on_the_next_request(
    client, people, programme, django_capture_on_commit_callbacks
):
    client.force_login(people.admin)
    people_page = reverse("programmes:people")
    assert client.get(people_page).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        programmes.membership_revoke(programme=programme, person=people.admin, role=Role.ADMIN)
    assert client.get(people_page).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        programmes.membership_add(programme=programme, person=people.admin, role=Role.ADMIN)
    assert client.get(people_page).status_code == 200


def test_one_persons_kept_account_never_answers_for_another(client, people):
    for person in (people.learner, people.champion, people.learner):
        client.force_login(person)
        assert person.full_name in client.get(DASHBOARD).text


def test_signing_out_ends_the_session_at_once_for_every_copy_of_its_cookie(client, people):
    client.force_login(people.learner)
    assert _signed_in(client)
    elsewhere = Client()
    elsewhere.cookies = client.cookies.__class__(client.cookies)
    assert _signed_in(elsewhere)
    client.post(reverse("account_logout"))
    assert not _signed_in(elsewhere)


def test_a_session_deleted_on_the_server_ends_at_once(client, people):
    client.force_login(people.learner)
    assert _signed_in(client)
    Session.objects.all().delete()
    assert not _signed_in(client)
