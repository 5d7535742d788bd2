"""Signed one-time update links: one action, one use, until expiry; never another action or plan."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans import services
from eolc.action_plans.models import ProgressUpdate, Status, UpdateLink
from eolc.action_plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def link_url(token):
    return reverse("action_plans:link_update", args=[token])


def test_a_link_updates_only_its_own_action_and_only_once(client):
    plan = make_plan(UserFactory(), actions=2)
    first, second = plan.actions.all()
    token = services.update_link_create(action=first)

    page = client.get(link_url(token))
    assert page.status_code == 200
    assert first.description in page.content.decode()

    response = client.post(link_url(token), {"status": Status.DONE, "note": "Met them on Tuesday"})
    assert response.status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.DONE and first.completed_at is not None
    assert second.status == Status.NOT_STARTED
    assert list(ProgressUpdate.objects.values_list("action_id", "via_link")) == [(first.pk, True)]

    replay = client.post(link_url(token), {"status": Status.STUCK, "stuck_reasons": ["time"]})
    assert replay.status_code == 404
    assert client.get(link_url(token)).status_code == 404
    first.refresh_from_db()
    assert first.status == Status.DONE
    assert ProgressUpdate.objects.count() == 1


def test_a_link_cannot_be_pointed_at_another_persons_action(client):
    mine = make_plan(UserFactory()).actions.get()
    theirs = make_plan(UserFactory()).actions.get()
    token = services.update_link_create(action=mine)
    nonce = UpdateLink.objects.get(action=mine).nonce
    # Re-signed with our key but naming the other action: the stored nonce is bound to `mine`.
    forged = signing.dumps({"a": theirs.pk, "n": nonce}, salt=services.LINK_SALT)
    assert client.post(link_url(forged), {"status": Status.DONE}).status_code == 404
    # Tampering with the signed text breaks the signature.
    assert client.post(link_url(token[:-2] + "xx"), {"status": Status.DONE}).status_code == 404
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.status == Status.NOT_STARTED and mine.status == Status.NOT_STARTED
    assert not ProgressUpdate.objects.exists()


def test_a_link_stops_working_after_it_expires():
    action = make_plan(UserFactory()).actions.get()
    issued = timezone.now()
    token = services.update_link_create(action=action, now=issued)
    late = issued + services.LINK_LIFETIME + datetime.timedelta(minutes=1)
    assert services.update_link_action(token=token, now=late) is None
    assert services.update_link_use(token=token, status=Status.DONE, now=late) is None
    action.refresh_from_db()
    assert action.status == Status.NOT_STARTED
    # Just before expiry it works, once.
    assert services.update_link_use(
        token=token, status=Status.IN_PROGRESS, now=late - datetime.timedelta(hours=1)
    )
    assert services.update_link_use(token=token, status=Status.DONE) is None


def test_a_link_does_nothing_once_the_plan_is_closed(client):
    plan = make_plan(UserFactory())
    token = services.update_link_create(action=plan.actions.get())
    services.action_plan_close(plan=plan)
    assert client.post(link_url(token), {"status": Status.DONE}).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_stuck_through_a_link_asks_why_and_offers_help(client):
    action = make_plan(UserFactory()).actions.get()
    token = services.update_link_create(action=action)
    refused = client.post(link_url(token), {"status": Status.STUCK})
    assert refused.status_code == 200
    assert "Tell us what got in the way" in refused.content.decode()
    assert not ProgressUpdate.objects.exists()  # the link is still unused

    response = client.post(
        link_url(token),
        {"status": Status.STUCK, "stuck_reasons": ["partner", "time"], "stuck_other": "Team changes"},
    )
    body = response.content.decode()
    assert "Help to get going again" in body
    assert reverse("events:calendar") in body
    update = ProgressUpdate.objects.get()
    assert update.stuck_reasons == ["partner", "time"] and update.stuck_other == "Team changes"
