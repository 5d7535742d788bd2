"""The public invitation, signing up with a tracked source, and becoming active."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from eolc.champions import services
from eolc.champions.models import Activation, Champion, ChampionStatus, ConsentField, InvitationSource
from eolc.champions.tests.conftest import share
from eolc.champions.tests.factories import ChampionFactory
from eolc.events.models import Attendance, EventKind
from eolc.events.tests.factories import EventFactory, in_days
from eolc.programmes.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_invitation_is_public_while_open(client, network):
    url = reverse("champions:invitation", args=[network.programme.slug])
    response = client.get(url)
    assert response.status_code == 200
    assert b"What it asks of you" in response.content
    network.invitation_open = False
    network.save()
    assert client.get(url).status_code == 404


def test_programme_without_a_network_has_no_invitation(client, programme):
    assert client.get(reverse("champions:invitation", args=[programme.slug])).status_code == 404


def test_source_visits_and_sign_ups_are_counted(client, network, people):
    source = InvitationSource.objects.create(network=network, code="hackney-news", label="Hackney newsletter")
    slug = network.programme.slug
    response = client.get(reverse("champions:invitation", args=[slug]) + "?src=HACKNEY-NEWS")
    assert "src%3Dhackney-news" in response.content.decode()
    client.get(reverse("champions:invitation", args=[slug]) + "?src=unknown")
    source.refresh_from_db()
    assert source.visits == 1

    client.force_login(people.learner)
    response = client.post(
        reverse("champions:sign_up", args=[slug]),
        {"motivations": ["experience", "enthusiasm"], "source": "hackney-news", "job_title": "Carer"},
    )
    assert response.status_code == 302
    champion = Champion.objects.get(person=people.learner)
    assert champion.status == ChampionStatus.PENDING
    assert champion.source == source
    assert champion.motivations == ["experience", "enthusiasm"]
    assert not Membership.objects.filter(person=people.learner, role=Role.CHAMPION).exists()

    client.force_login(people.admin)
    page = client.get(reverse("champions:manage", args=[slug])).content.decode()
    assert "Hackney newsletter" in page
    assert "?src=hackney-news" in page


def test_sign_up_needs_a_motivation_and_keeps_what_was_typed(client, network, people):
    client.force_login(people.outsider)
    response = client.post(
        reverse("champions:sign_up", args=[network.programme.slug]), {"bio": "I volunteer at a hospice"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "I volunteer at a hospice" in page
    assert not Champion.objects.exists()


def test_anyone_signed_in_may_answer_the_open_invitation(client, network, people):
    client.force_login(people.outsider)
    client.post(reverse("champions:sign_up", args=[network.programme.slug]), {"motivations": ["enthusiasm"]})
    assert Champion.objects.filter(person=people.outsider, status=ChampionStatus.PENDING).exists()
    # Signing up twice changes nothing and sends them to their page.
    response = client.post(
        reverse("champions:sign_up", args=[network.programme.slug]), {"motivations": ["expertise"]}
    )
    assert response.url == reverse("champions:home", args=[network.programme.slug])
    assert Champion.objects.filter(person=people.outsider).count() == 1


def test_attending_a_champion_event_makes_a_champion_active(network, people):
    champion = ChampionFactory(network=network, person=people.outsider, status=ChampionStatus.PENDING)
    learning = EventFactory(programme=network.programme, kind=EventKind.LEARNING_SESSION)
    Attendance.objects.create(event=learning, person=people.outsider, attended=True)
    assert services.champions_activate_from_attendance(network=network) == 0

    elsewhere = EventFactory(kind=EventKind.CHAMPION_EVENT)
    Attendance.objects.create(event=elsewhere, person=people.outsider, attended=True)
    assert services.champions_activate_from_attendance(network=network) == 0

    event = EventFactory(programme=network.programme, kind=EventKind.CHAMPION_EVENT)
    Attendance.objects.create(event=event, person=people.outsider, attended=False)
    assert services.champions_activate_from_attendance(network=network) == 0
    Attendance.objects.filter(event=event).update(attended=True)
    assert services.champions_activate_from_attendance(network=network) == 1

    champion.refresh_from_db()
    assert champion.status == ChampionStatus.ACTIVE
    assert champion.activated_by == Activation.ATTENDANCE
    assert Membership.objects.filter(
        programme=network.programme, person=people.outsider, role=Role.CHAMPION
    ).exists()


def test_someone_who_already_attended_is_active_when_they_sign_up(network, people):
    event = EventFactory(programme=network.programme, kind=EventKind.CHAMPION_EVENT)
    Attendance.objects.create(event=event, person=people.learner, attended=True)
    champion = services.champion_sign_up(network=network, person=people.learner, motivations=["experience"])
    assert champion.is_active


def test_only_programme_admins_approve(client, network, people):
    pending = ChampionFactory(network=network, person=people.outsider, status=ChampionStatus.PENDING)
    url = reverse("champions:approve", args=[network.programme.slug, pending.pk])
    for person, status in [(people.facilitator, 403), (people.learner, 403), (people.other_admin, 404)]:
        client.force_login(person)
        assert client.post(url).status_code == status
    pending.refresh_from_db()
    assert pending.status == ChampionStatus.PENDING

    client.force_login(people.admin)
    assert client.post(url).status_code == 302
    pending.refresh_from_db()
    assert pending.activated_by == Activation.APPROVAL
    assert pending.approved_by == people.admin
    assert Membership.objects.filter(person=people.outsider, role=Role.CHAMPION).exists()


def test_pending_champion_sees_their_page_but_not_the_directory(client, network, people):
    ChampionFactory(network=network, person=people.outsider, status=ChampionStatus.PENDING)
    client.force_login(people.outsider)
    page = client.get(reverse("champions:home", args=[network.programme.slug]))
    assert page.status_code == 200
    assert b"Pending" in page.content
    assert client.get(reverse("champions:directory", args=[network.programme.slug])).status_code == 404


def test_champion_page_lists_upcoming_and_attended_champion_events(client, champion):
    programme = champion.network.programme
    coming = EventFactory(
        programme=programme, kind=EventKind.CHAMPION_EVENT, title="Champions meet in Hackney"
    )
    EventFactory(programme=programme, kind=EventKind.LEARNING_SESSION, title="Not a champion event")
    past = EventFactory(
        programme=programme,
        kind=EventKind.CHAMPION_EVENT,
        title="Last spring's champions day",
        starts_at=in_days(-60),
    )
    Attendance.objects.create(event=past, person=champion.person, attended=True)
    client.force_login(champion.person)
    page = client.get(reverse("champions:home", args=[programme.slug])).content.decode()
    assert coming.title in page
    assert "Not a champion event" not in page
    assert escape(past.title) in page


def test_leaving_withdraws_everything_and_rejoining_starts_pending(client, champion, people):
    share(champion, ConsentField.EMAIL)
    slug = champion.network.programme.slug
    client.force_login(champion.person)
    assert b"Are you sure" in client.get(reverse("champions:leave", args=[slug])).content
    client.post(reverse("champions:leave", args=[slug]))
    champion.refresh_from_db()
    assert champion.has_left
    assert not any(services.consent_state(champion).values())
    assert champion.consents.count() == 2  # the gift and its withdrawal
    assert not Membership.objects.filter(person=champion.person, role=Role.CHAMPION).exists()
    assert client.get(reverse("champions:directory", args=[slug])).status_code == 404
    assert b"Join again" in client.get(reverse("champions:home", args=[slug])).content

    client.post(reverse("champions:sign_up", args=[slug]), {"motivations": ["expertise"]})
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.PENDING and champion.motivations == ["expertise"]
    assert Champion.objects.filter(person=champion.person).count() == 1


def test_admins_email_the_invitation_with_a_tracked_link(
    client, network, people, immediate_tasks, django_capture_on_commit_callbacks
):
    source = InvitationSource.objects.create(network=network, code="care-homes", label="Care homes")
    url = reverse("champions:invitation_email", args=[network.programme.slug])
    client.force_login(people.facilitator)
    assert client.get(url).status_code == 403
    client.force_login(people.admin)
    response = client.post(url, {"addresses": "ok@example.org, not-an-address"})
    assert b"not email addresses: not-an-address" in response.content
    assert b"ok@example.org, not-an-address" in response.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"addresses": "a@example.org\nB@example.org, a@example.org", "source": source.pk})
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "?src=care-homes" in mail.outbox[0].body


def test_periodic_commands_activate_champions_and_send_digests(network, people):
    ChampionFactory(network=network, person=people.outsider, status=ChampionStatus.PENDING)
    event = EventFactory(programme=network.programme, kind=EventKind.CHAMPION_EVENT)
    Attendance.objects.create(event=event, person=people.outsider, attended=True)
    out = StringIO()
    call_command("activate_champions", stdout=out)
    assert "Champions activated: 1" in out.getvalue()
    call_command("send_noticeboard_digests", stdout=out)
    assert "Digests sent: 0" in out.getvalue()
