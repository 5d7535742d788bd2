"""The directory and contact: champions and the team only, consented fields only, relayed messages."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from eolc.accounts.models import Area
from eolc.accounts.services import api_token_issue
from eolc.champions import services
from eolc.champions.models import Audience, ChampionStatus, ConsentField, ContactMessage
from eolc.champions.tests.conftest import share
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.curriculum.models import Domain
from eolc.programmes.models import Membership, Role

pytestmark = pytest.mark.django_db


def api_get(client, person, url):
    return client.get(url, headers={"Authorization": f"Bearer {api_token_issue(person=person)}"})


def test_withdrawn_email_disappears_from_the_next_page_and_api_response(client, champion, sharer):
    slug = champion.network.programme.slug
    client.force_login(champion.person)
    url = reverse("champions:directory", args=[slug])
    assert sharer.person.email in client.get(url).content.decode()
    listed = api_get(client, champion.person, "/api/v1/champions")
    row = next(r for r in listed.json() if r["id"] == sharer.pk)
    assert row["email"] == sharer.person.email
    assert listed["Cache-Control"] == "private, no-store"

    share(sharer, ConsentField.EMAIL, granted=False)

    page = client.get(url).content.decode()
    assert sharer.person.email not in page
    assert escape(sharer.person.full_name) in page
    row = next(
        r for r in api_get(client, champion.person, "/api/v1/champions").json() if r["id"] == sharer.pk
    )
    assert row["email"] is None
    assert row["bio"] == "Hospice nurse in Hackney"
    client.force_login(champion.network.programme.memberships.get(role=Role.ADMIN).person)
    export = client.get(reverse("champions:directory_csv", args=[slug])).content.decode()
    assert "Olu Adeyemi" in export
    assert sharer.person.email not in export


def test_fields_shared_with_nobody_are_never_shown(client, champion, network):
    quiet = ChampionFactory(network=network, phone="020 7946 0000", job_title="Discharge lead")
    share(quiet, ConsentField.PHONE, granted=False)
    client.force_login(champion.person)
    page = client.get(reverse("champions:directory", args=[network.programme.slug])).content.decode()
    assert escape(quiet.person.full_name) in page
    for secret in (quiet.person.email, "020 7946 0000", "Discharge lead"):
        assert secret not in page


@pytest.mark.parametrize(
    ("who", "status"),
    [("learner", 403), ("commissioner", 403), ("mentor", 403), ("other_admin", 404), ("outsider", 404)],
)
def test_people_outside_the_network_cannot_see_the_directory(client, people, network, who, status):
    client.force_login(getattr(people, who))
    assert client.get(reverse("champions:directory", args=[network.programme.slug])).status_code == status
    api = api_get(client, getattr(people, who), f"/api/v1/champions?programme={network.programme.slug}")
    assert api.status_code == status


def test_champion_of_another_programme_cannot_see_the_directory(client, network, other_programme):
    stranger = ChampionFactory(network=NetworkFactory(programme=other_programme))
    Membership.objects.create(programme=other_programme, person=stranger.person, role=Role.CHAMPION)
    client.force_login(stranger.person)
    assert client.get(reverse("champions:directory", args=[network.programme.slug])).status_code == 404
    api = api_get(client, stranger.person, f"/api/v1/champions?programme={network.programme.slug}")
    assert api.status_code == 404
    # Without a programme, they get their own network only.
    own = api_get(client, stranger.person, "/api/v1/champions").json()
    assert {row["programme"] for row in own} == {other_programme.slug}


def test_anonymous_visitors_are_sent_to_sign_in(client, network):
    response = client.get(reverse("champions:directory", args=[network.programme.slug]))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert client.get("/api/v1/champions").status_code == 401


def test_staff_see_the_directory(client, people, champion, sharer):
    for person in (people.admin, people.facilitator, people.site_admin):
        client.force_login(person)
        page = client.get(reverse("champions:directory", args=[champion.network.programme.slug]))
        assert page.status_code == 200
        assert sharer.person.email in page.content.decode()


def test_filters_and_search(client, champion, network):
    hackney = Area.objects.get(code="E09000012")
    spiritual = Domain.objects.get(slug="spiritual")
    nurse = ChampionFactory(
        network=network, person__full_name="Ama Boateng", person__area=hackney, person__sector="health"
    )
    nurse.interests.add(spiritual)
    ChampionFactory(network=network, person__full_name="Zofia Nowak", person__sector="private")
    ChampionFactory(network=network, person__full_name="Pending Person", status=ChampionStatus.PENDING)
    client.force_login(champion.person)
    url = reverse("champions:directory", args=[network.programme.slug])

    def names(query):
        page = client.get(url, query).content.decode()
        return {name for name in ("Ama Boateng", "Zofia Nowak", "Pending Person") if name in page}

    assert names({}) == {"Ama Boateng", "Zofia Nowak"}
    assert names({"area": hackney.pk}) == {"Ama Boateng"}
    assert names({"sector": "private"}) == {"Zofia Nowak"}
    assert names({"interest": "spiritual"}) == {"Ama Boateng"}
    assert names({"q": "zofia"}) == {"Zofia Nowak"}
    assert names({"role": "social_worker"}) == {"Ama Boateng", "Zofia Nowak"}
    api = api_get(client, champion.person, "/api/v1/champions?area=E09000012&sector=health").json()
    assert [row["name"] for row in api] == ["Ama Boateng"]
    assert api_get(client, champion.person, "/api/v1/champions?sector=astronaut").status_code == 422
    htmx = client.get(url, {"sector": "private"}, headers={"HX-Request": "true"})
    assert b"<html" not in htmx.content


def test_directory_is_paginated(client, champion, network):
    for n in range(25):
        ChampionFactory(network=network, person__full_name=f"Champion {n:02d}")
    client.force_login(champion.person)
    url = reverse("champions:directory", args=[network.programme.slug])
    first = client.get(url).content.decode()
    assert "Champion 00" in first and "Champion 24" not in first
    assert "Page 2 of 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Champion 24" in second


def test_message_relay_hides_both_addresses(
    client, champion, sharer, immediate_tasks, django_capture_on_commit_callbacks
):
    client.force_login(champion.person)
    url = reverse("champions:contact", args=[champion.network.programme.slug, sharer.pk])
    page = client.get(url)
    assert b"Send a message" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "Could we talk about care home links in Hackney?"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [sharer.person.email]
    assert champion.person.email not in sent.body
    assert champion.person.email not in str(sent.message())
    assert "care home links" in sent.body

    message = ContactMessage.objects.get()
    client.force_login(sharer.person)
    reply_url = reverse("champions:message", args=[champion.network.programme.slug, message.pk])
    assert b"care home links" in client.get(reply_url).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url, {"body": "Yes, happy to.", "share_address": "on"})
    reply = mail.outbox[1]
    assert reply.to == [champion.person.email]
    assert sharer.person.email in reply.body


def test_no_message_form_when_messages_are_not_allowed(client, champion, network):
    quiet = ChampionFactory(network=network)
    share(quiet, ConsentField.EMAIL)
    client.force_login(champion.person)
    url = reverse("champions:contact", args=[network.programme.slug, quiet.pk])
    assert b"Send a message" not in client.get(url).content
    client.post(url, {"body": "Hello"})
    assert not ContactMessage.objects.exists()


def test_messages_are_private_to_the_two_people(client, champion, sharer, people):
    message = services.message_send(
        network=champion.network, sender=champion.person, recipient=sharer.person, body="Hi"
    )
    url = reverse("champions:message", args=[champion.network.programme.slug, message.pk])
    client.force_login(people.admin)
    assert client.get(url).status_code == 404


def test_relay_is_rate_limited(champion, sharer):
    for n in range(services.MESSAGES_PER_HOUR):
        services.message_send(
            network=champion.network, sender=champion.person, recipient=sharer.person, body=f"{n}"
        )
    with pytest.raises(services.RelayLimited):
        services.message_send(
            network=champion.network, sender=champion.person, recipient=sharer.person, body="again"
        )
    assert ContactMessage.objects.count() == services.MESSAGES_PER_HOUR


def test_programme_members_find_only_champions_who_shared_with_everyone(
    client, network, people, champion, sharer
):
    open_to_all = ChampionFactory(
        network=network, person__full_name="Femi Okoro", job_title="Hospice chaplain"
    )
    share(open_to_all, ConsentField.JOB_TITLE, Audience.MEMBERS)
    share(open_to_all, ConsentField.MESSAGES, Audience.MEMBERS)
    client.force_login(people.learner)
    page = client.get(reverse("champions:local", args=[network.programme.slug])).content.decode()
    assert "Femi Okoro" in page and "Hospice chaplain" in page
    assert "Olu Adeyemi" not in page  # shared with champions only
    assert sharer.person.email not in page
    contact = reverse("champions:contact", args=[network.programme.slug, sharer.pk])
    assert client.get(contact).status_code == 404
    contact = reverse("champions:contact", args=[network.programme.slug, open_to_all.pk])
    assert b"Send a message" in client.get(contact).content
    client.force_login(people.outsider)
    assert client.get(reverse("champions:local", args=[network.programme.slug])).status_code == 404


def test_only_the_recipient_answers_a_message(client, champion, sharer):
    """After withdrawing messages, nobody can write to a champion again through an old message."""
    sent = services.message_send(
        network=champion.network, sender=champion.person, recipient=sharer.person, body="Hi"
    )
    share(sharer, ConsentField.MESSAGES, granted=False)
    url = reverse("champions:message", args=[champion.network.programme.slug, sent.pk])
    client.force_login(champion.person)
    assert b"Send reply" not in client.get(url).content
    assert client.post(url, {"body": "Again"}).status_code == 403
    client.force_login(sharer.person)
    client.post(url, {"body": "Thanks, I will call you"})
    assert ContactMessage.objects.filter(sender=sharer.person, in_reply_to=sent).exists()
