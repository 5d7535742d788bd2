"""The session store: created as Django's own creates it, read and rewritten in one statement each."""

import datetime

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eolc.accounts.session_store import SessionStore


@pytest.mark.django_db
def test_a_new_session_is_created_and_read_back():
    session = SessionStore()
    session["colour"] = "blue"
    session.save()
    assert Session.objects.filter(session_key=session.session_key).exists()
    assert SessionStore(session.session_key)["colour"] == "blue"


@pytest.mark.django_db
def test_saving_an_existing_session_is_one_update_that_keeps_the_new_data_and_expiry():
    session = SessionStore()
    session["colour"] = "blue"
    session.save()
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
    session = SessionStore()
    session["colour"] = "blue"
    session.save()
    stale = SessionStore(session.session_key)
    assert stale["colour"] == "blue"  # read before the row goes
    Session.objects.filter(session_key=session.session_key).delete()
    stale["colour"] = "green"
    with pytest.raises(UpdateError):
        stale.save()
    assert not Session.objects.filter(session_key=session.session_key).exists()


@pytest.mark.django_db
def test_an_expired_session_reads_as_empty_and_is_not_brought_back():
    session = SessionStore()
    session["colour"] = "blue"
    session.set_expiry(60)
    session.save()
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
    session = SessionStore()
    session["colour"] = "blue"
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(seconds=5)
    )
    assert SessionStore(session.session_key)["colour"] == "blue"
