"""The consent ledger: append-only, current state from the newest record, history shown to the person."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from eolc.accounts.services import api_token_issue
from eolc.champions import services
from eolc.champions.models import (
    CURRENT_WORDING_VERSION,
    Audience,
    ConsentField,
    ConsentMethod,
    ConsentRecord,
)
from eolc.champions.tests.conftest import share

pytestmark = pytest.mark.django_db


def test_state_is_the_newest_record_per_field_and_audience(champion):
    assert services.consent_state(champion)[("email", "champions")] is False
    share(champion, ConsentField.EMAIL)
    share(champion, ConsentField.EMAIL, Audience.MEMBERS)
    share(champion, ConsentField.EMAIL, granted=False)
    state = services.consent_state(champion)
    assert state[("email", "champions")] is False
    assert state[("email", "members")] is True
    assert ConsentRecord.objects.for_champion(champion).count() == 3


def test_records_cannot_be_changed_or_deleted(champion):
    record = share(champion, ConsentField.PHONE)
    record.granted = False
    with pytest.raises(ValidationError):
        record.save()
    with pytest.raises(ValidationError):
        record.delete()
    with pytest.raises(TypeError):
        ConsentRecord.objects.filter(pk=record.pk).update(granted=False)
    with pytest.raises(TypeError):
        ConsentRecord.objects.filter(pk=record.pk).delete()
    assert ConsentRecord.objects.get(pk=record.pk).granted is True


def test_history_records_who_when_wording_and_how(champion, people):
    before = timezone.now()
    record = share(champion, ConsentField.EMAIL)
    assert record.wording_version == CURRENT_WORDING_VERSION
    assert before <= record.recorded_at <= timezone.now()
    assert record.recorded_at.utcoffset() == datetime.timedelta(0)
    assert record.recorded_by == champion.person
    assert record.method == ConsentMethod.WEB
    assert "email address" in record.wording
    on_behalf = services.consent_record(
        champion=champion,
        field=ConsentField.PHONE,
        audience=Audience.CHAMPIONS,
        granted=True,
        method=ConsentMethod.ADMIN,
        by=people.admin,
    )
    assert on_behalf.recorded_by == people.admin


def test_someone_else_cannot_consent_for_a_champion_through_the_web_or_api(champion, people):
    with pytest.raises(ValidationError):
        services.consent_record(
            champion=champion,
            field=ConsentField.EMAIL,
            audience=Audience.CHAMPIONS,
            granted=True,
            method=ConsentMethod.WEB,
            by=people.learner,
        )


def test_two_quick_changes_keep_their_order(champion):
    moment = timezone.now()
    first = services.consent_record(
        champion=champion,
        field="email",
        audience="champions",
        granted=True,
        method="web",
        by=None,
        now=moment,
    )
    second = services.consent_record(
        champion=champion,
        field="email",
        audience="champions",
        granted=False,
        method="web",
        by=None,
        now=moment,
    )
    assert second.recorded_at > first.recorded_at
    assert services.consent_state(champion)[("email", "champions")] is False


def test_consent_page_gives_withdraws_and_shows_history(client, champion):
    client.force_login(champion.person)
    url = reverse("champions:consents", args=[champion.network.programme.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    client.post(url, {"email__champions": "on", "messages__champions": "on"})
    state = services.consent_state(champion)
    assert state[("email", "champions")] and state[("messages", "champions")]
    assert ConsentRecord.objects.count() == 2
    # Saving the same choices again records nothing new.
    client.post(url, {"email__champions": "on", "messages__champions": "on"})
    assert ConsentRecord.objects.count() == 2
    client.post(url, {"messages__champions": "on"})
    assert services.consent_state(champion)[("email", "champions")] is False
    history = client.get(url).content.decode()
    assert "Withdrew email address with other champions" in history
    assert f"Version {CURRENT_WORDING_VERSION}" in history
    client.post(url, {"withdraw_all": "1"})
    assert not any(services.consent_state(champion).values())


def test_consent_page_is_only_for_the_champion(client, champion, people):
    url = reverse("champions:consents", args=[champion.network.programme.slug])
    for person in (people.learner, people.admin, people.outsider):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_api_records_a_consent(client, champion):
    token = api_token_issue(person=champion.person)
    response = client.post(
        "/api/v1/champions/me/consents",
        {"field": "email", "audience": "champions", "granted": True},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["wording_version"] == CURRENT_WORDING_VERSION
    assert body["method"] == "api"
    assert services.consent_state(champion)[("email", "champions")] is True

    bad = client.post(
        "/api/v1/champions/me/consents",
        {"field": "date_of_birth", "audience": "champions", "granted": True},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert bad.status_code == 422
    assert "field" in bad.json()["detail"]
    history = client.get("/api/v1/champions/me/consents", headers={"Authorization": f"Bearer {token}"})
    assert history.status_code == 200
    assert history.json()[0]["field"] == "email"


def test_api_consent_refuses_people_who_are_not_champions(client, people, network):
    token = api_token_issue(person=people.learner)
    response = client.post(
        "/api/v1/champions/me/consents",
        {"field": "email", "audience": "champions", "granted": True},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}


def test_administrators_record_consent_on_behalf(client, champion, people):
    url = reverse("champions:consent_on_behalf", args=[champion.network.programme.slug, champion.pk])
    for person, status in [(people.facilitator, 403), (champion.person, 403), (people.other_admin, 404)]:
        client.force_login(person)
        assert client.get(url).status_code == status
    client.force_login(people.admin)
    response = client.post(url, {"field": "phone", "audience": "champions", "granted": "yes"})
    assert b"Confirm the person told you" in response.content
    assert not ConsentRecord.objects.exists()
    client.post(url, {"field": "phone", "audience": "champions", "granted": "yes", "confirmed": "on"})
    record = ConsentRecord.objects.get()
    assert (record.method, record.recorded_by, record.granted) == (ConsentMethod.ADMIN, people.admin, True)
    client.force_login(champion.person)
    history = client.get(
        reverse("champions:consents", args=[champion.network.programme.slug])
    ).content.decode()
    assert "Recorded by the programme team" in history
