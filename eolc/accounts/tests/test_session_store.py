"""The session store: created as Django's own creates it, read and rewritten in one statement each."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eolc.accounts import session_store
from eolc.accounts.session_store import SessionStore
from eolc.accounts.signed_in import PERSON_STAMP
from eolc.accounts.tests.factories import UserFactory
from eolc.core.stamps import stamps_remembered


def _saved_session():
    session = SessionStore()
    session["colour"] = "blue"
    session.save()
    return session


@pytest.mark.django_db
def test_a_new_session_is_created_and_read_back():
    session = _saved_session()
    assert Session.objects.filter(session_key=session.session_key).exists()
    assert SessionStore(session.session_key)["colour"] == "blue"


@pytest.mark.django_db
def test_saving_an_existing_session_is_one_update_that_keeps_the_new_data_and_expiry():
    session = _saved_session()
    again = SessionStore(session.session_key)
    again["colour"] = "green"
    again.set_expiry(600)
    with CaptureQueriesContext(connection) as queries:
        again.save()
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["UPDATE"]
    reread = SessionStore(session.session_key)
    assert reread["colour"] == "green"
    assert 595 <= reread.get_expiry_age() <= 600


@pytest.mark.django_db
def test_saving_a_session_deleted_meanwhile_fails_as_djangos_own_store_does():
    """The session middleware turns this into a 400 rather than bringing a signed-out session back."""
    session = _saved_session()
    stale = SessionStore(session.session_key)
    assert stale["colour"] == "blue"  # read before the row goes
    Session.objects.filter(session_key=session.session_key).delete()
    stale["colour"] = "green"
    with pytest.raises(UpdateError):
        stale.save()
    assert not Session.objects.filter(session_key=session.session_key).exists()


@pytest.mark.django_db
def test_an_expired_session_reads_as_empty_and_is_not_brought_back():
    session = _saved_session()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = SessionStore(session.session_key)
    assert expired.load() == {}
    assert expired.session_key is None  # anything stored now goes under a new key


@pytest.mark.django_db
def test_an_unknown_key_reads_as_empty():
    assert SessionStore("x" * 32).load() == {}


@pytest.mark.django_db
def test_a_session_about_to_expire_still_reads():
    session = _saved_session()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(seconds=5)
    )
    assert SessionStore(session.session_key)["colour"] == "blue"


def _signed_in_session(person):
    client = Client()
    client.force_login(person)
    return client.session.session_key


@pytest.mark.django_db
def test_a_session_read_again_brings_its_persons_stamps_in_the_same_query():
    person = UserFactory()
    key = _signed_in_session(person)
    with stamps_remembered():  # this process's first read of the session learns whose it is
        SessionStore(key).load()
        PERSON_STAMP.value_of(person.pk)  # and the first question makes every stamp's row
    with stamps_remembered(), CaptureQueriesContext(connection) as queries:
        assert SessionStore(key)[SESSION_KEY] == str(person.pk)
        PERSON_STAMP.value_of(person.pk)
    assert len(queries) == 1, [query["sql"] for query in queries]


@pytest.mark.django_db
def test_a_wrong_guess_of_whose_session_it_is_changes_only_which_stamps_come_with_it(monkeypatch):
    person, other = UserFactory(), UserFactory()
    key = _signed_in_session(person)
    with stamps_remembered():  # every stamp's row made
        PERSON_STAMP.value_of(person.pk)
        PERSON_STAMP.value_of(other.pk)
    monkeypatch.setitem(session_store._person_of, key, str(other.pk))
    with stamps_remembered(), CaptureQueriesContext(connection) as queries:
        assert SessionStore(key)[SESSION_KEY] == str(person.pk)
        PERSON_STAMP.value_of(person.pk)
    assert len(queries) == 2
    assert session_store._person_of[key] == str(person.pk)


@pytest.mark.django_db
def test_the_memory_of_whose_sessions_are_whose_stays_small(monkeypatch):
    monkeypatch.setattr(session_store, "_PEOPLE_KEPT", 2)
    monkeypatch.setattr(session_store, "_person_of", {})
    for person in UserFactory.create_batch(5):
        SessionStore(_signed_in_session(person)).load()
    assert 1 <= len(session_store._person_of) <= 2
