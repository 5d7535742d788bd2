"""The noticeboard: who may read and post, escaping, moderation, and email preferences."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from eolc.champions import services
from eolc.champions.models import Category, Frequency, NoticeboardPreference, Post, Report
from eolc.champions.tests.factories import ChampionFactory, NetworkFactory
from eolc.programmes.models import Membership, Role

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
]


@pytest.fixture
def thread(network, champion):
    return services.thread_create(
        network=network,
        author=champion.person,
        category=Category.QUESTIONS,
        title="Who do you call out of hours?",
        body="In Hackney we ring the hospice advice line.",
    )


def test_champions_post_and_reply(client, champion, network, people):
    client.force_login(champion.person)
    response = client.post(
        reverse("champions:thread_new", args=[network.programme.slug]),
        {"category": "practice", "title": "Care home huddles", "body": "We meet every Tuesday."},
    )
    thread = network.threads.get()
    assert response.url == reverse("champions:thread", args=[network.programme.slug, thread.pk])
    client.force_login(people.facilitator)
    client.post(response.url, {"body": "Could you share the agenda?"})
    assert [p.body for p in thread.posts.all()] == ["We meet every Tuesday.", "Could you share the agenda?"]
    page = client.get(reverse("champions:noticeboard", args=[network.programme.slug])).content.decode()
    assert "Care home huddles" in page and "1 reply" in page


def test_urls_carry_no_personal_data(thread, champion):
    """A thread's address is the programme and a number, never a name or email."""
    url = reverse("champions:thread", args=[thread.network.programme.slug, thread.pk])
    assert re.fullmatch(rf"/champions/{thread.network.programme.slug}/noticeboard/\d+/", url)


@pytest.mark.parametrize("who", ["learner", "commissioner", "other_admin", "outsider"])
def test_outsiders_cannot_read_the_noticeboard_or_a_thread(client, people, thread, who):
    client.force_login(getattr(people, who))
    slug = thread.network.programme.slug
    for url in (
        reverse("champions:noticeboard", args=[slug]),
        reverse("champions:thread", args=[slug, thread.pk]),
        reverse("champions:thread_new", args=[slug]),
    ):
        assert client.get(url).status_code in (403, 404)
    assert client.post(reverse("champions:thread", args=[slug, thread.pk]), {"body": "Hi"}).status_code in (
        403,
        404,
    )
    assert thread.posts.count() == 1


def test_champion_of_another_programme_gets_404_for_a_thread(client, thread, other_programme):
    stranger = ChampionFactory(network=NetworkFactory(programme=other_programme))
    Membership.objects.create(programme=other_programme, person=stranger.person, role=Role.CHAMPION)
    client.force_login(stranger.person)
    url = reverse("champions:thread", args=[thread.network.programme.slug, thread.pk])
    assert client.get(url).status_code == 404
    # Nor through their own network's address.
    url = reverse("champions:thread", args=[other_programme.slug, thread.pk])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_cannot_read_a_thread(client, thread):
    response = client.get(reverse("champions:thread", args=[thread.network.programme.slug, thread.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("payload", XSS)
def test_posts_are_escaped(client, champion, network, payload):
    created = services.thread_create(
        network=network, author=champion.person, category=Category.EVENTS, title=payload, body=payload
    )
    services.post_reply(thread=created, author=champion.person, body=payload)
    client.force_login(champion.person)
    for url in (
        reverse("champions:thread", args=[network.programme.slug, created.pk]),
        reverse("champions:noticeboard", args=[network.programme.slug]),
    ):
        page = client.get(url).content.decode()
        assert payload not in page or payload == "javascript:alert(1)"
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<svg onload" not in page
        assert 'href="javascript:' not in page


def test_reporting_hiding_and_locking(client, champion, thread, people, network):
    post = thread.posts.get()
    client.force_login(people.admin)
    client.post(
        reverse("champions:post_report", args=[network.programme.slug, post.pk]),
        {"reason": "Names a patient"},
    )
    other = ChampionFactory(network=network)
    Membership.objects.create(programme=network.programme, person=other.person, role=Role.CHAMPION)
    client.force_login(other.person)
    response = client.post(
        reverse("champions:post_report", args=[network.programme.slug, post.pk]), {"reason": ""}
    )
    assert b"Tell us what is wrong" in response.content
    client.post(
        reverse("champions:post_report", args=[network.programme.slug, post.pk]),
        {"reason": "Names a patient"},
    )
    assert Report.objects.open().count() == 2

    # A champion cannot moderate.
    moderate = reverse("champions:post_moderate", args=[network.programme.slug, post.pk])
    assert client.post(moderate, {"action": "hide"}).status_code == 403
    lock = reverse("champions:thread_moderate", args=[network.programme.slug, thread.pk])
    assert client.post(lock, {"action": "lock"}).status_code == 403

    client.force_login(people.facilitator)
    assert (
        b"Names a patient" in client.get(reverse("champions:reports", args=[network.programme.slug])).content
    )
    client.post(moderate, {"action": "hide"})
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == people.facilitator
    assert not Report.objects.open().exists()
    client.post(lock, {"action": "lock"})

    client.force_login(other.person)
    page = client.get(reverse("champions:thread", args=[network.programme.slug, thread.pk])).content.decode()
    assert "hospice advice line" not in page
    assert "locked" in page
    client.post(reverse("champions:thread", args=[network.programme.slug, thread.pk]), {"body": "Late reply"})
    assert not Post.objects.filter(body="Late reply").exists()
    with pytest.raises(services.ThreadLocked):
        services.post_reply(thread=thread, author=other.person, body="Late reply")


def test_hidden_thread_is_gone_for_champions_but_not_staff(client, champion, thread, people, network):
    services.thread_moderate(thread=thread, hidden=True)
    url = reverse("champions:thread", args=[network.programme.slug, thread.pk])
    client.force_login(champion.person)
    assert client.get(url).status_code == 404
    client.force_login(people.admin)
    assert client.get(url).status_code == 200


def test_each_post_emails_go_to_subscribers_but_not_the_author(
    champion, network, people, immediate_tasks, django_capture_on_commit_callbacks
):
    services.noticeboard_preference_set(network=network, person=people.admin, frequency=Frequency.EACH)
    services.noticeboard_preference_set(network=network, person=champion.person, frequency=Frequency.EACH)
    services.noticeboard_preference_set(network=network, person=people.facilitator, frequency=Frequency.NONE)
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_create(
            network=network,
            author=champion.person,
            category="events",
            title="Champions day",
            body="Come along",
        )
    assert [m.to for m in mail.outbox] == [[people.admin.email]]
    assert "Champions day" in mail.outbox[0].subject


def test_weekly_digest_is_sent_once_per_week(champion, network, people):
    start = timezone.now() - datetime.timedelta(days=8)
    services.noticeboard_preference_set(
        network=network, person=people.admin, frequency=Frequency.WEEKLY, now=start
    )
    services.thread_create(
        network=network,
        author=champion.person,
        category="learning",
        title="What we learned",
        body="Talk early",
    )
    assert services.digests_send() == 1
    assert "What we learned" in mail.outbox[0].body
    assert services.digests_send() == 0
    preference = NoticeboardPreference.objects.get(person=people.admin)
    assert preference.digest_sent_at > start
    # A week later with nothing new: no email.
    assert services.digests_send(now=timezone.now() + datetime.timedelta(days=8)) == 0
    assert len(mail.outbox) == 1


def test_digest_stops_when_the_person_leaves_the_network(champion, network, people):
    start = timezone.now() - datetime.timedelta(days=8)
    services.noticeboard_preference_set(
        network=network, person=people.admin, frequency=Frequency.WEEKLY, now=start
    )
    services.thread_create(network=network, author=champion.person, category="events", title="Day", body="Hi")
    Membership.objects.filter(person=people.admin).delete()
    assert services.digests_send() == 0
    assert mail.outbox == []


def test_preferences_page(client, champion, network):
    client.force_login(champion.person)
    url = reverse("champions:preferences", args=[network.programme.slug])
    assert client.get(url).status_code == 200
    client.post(url, {"frequency": "weekly"})
    assert NoticeboardPreference.objects.get(person=champion.person).frequency == Frequency.WEEKLY
