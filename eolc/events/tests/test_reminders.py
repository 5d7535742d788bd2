"""Reminders: due at 7 and 1 days (per event), sent once each even when the worker dies mid-batch."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from eolc.accounts.tests.factories import UserFactory
from eolc.events import emails, services
from eolc.events.models import Reminder
from eolc.events.tests.factories import EventFactory

START = datetime.datetime(2030, 5, 20, 9, 0, tzinfo=datetime.UTC)


def book(event, count, at):
    made = []
    for _ in range(count):
        registration, _ = services.registration_create(event=event, person=UserFactory(), now=at)
        made.append(registration)
    return made


@pytest.fixture
def event():
    return EventFactory(
        starts_at=START,
        ends_at=START + datetime.timedelta(minutes=90),
        online=True,
        joining_link="https://meet.example.org/room",
        capacity=50,
    )


@pytest.mark.django_db
def test_seven_and_one_day_reminders_carry_the_joining_link(event):
    book(event, 3, START - datetime.timedelta(days=20))
    assert services.reminders_send(now=START - datetime.timedelta(days=8)) == 0
    assert services.reminders_send(now=START - datetime.timedelta(days=7)) == 3
    assert services.reminders_send(now=START - datetime.timedelta(days=6)) == 0
    assert services.reminders_send(now=START - datetime.timedelta(hours=23)) == 3
    assert len(mail.outbox) == 6
    assert all("https://meet.example.org/room" in message.body for message in mail.outbox)
    assert "in 7 days" in mail.outbox[0].subject and "tomorrow" in mail.outbox[-1].subject


@pytest.mark.django_db
def test_reminder_days_are_configurable_per_event(event):
    event.reminder_days = [3]
    event.save()
    book(event, 1, START - datetime.timedelta(days=20))
    assert services.reminders_send(now=START - datetime.timedelta(days=7)) == 0
    assert services.reminders_send(now=START - datetime.timedelta(days=3)) == 1


@pytest.mark.django_db
def test_people_who_register_after_a_reminders_time_get_no_stale_reminder(event):
    early = book(event, 1, START - datetime.timedelta(days=10))[0]
    late = book(event, 1, START - datetime.timedelta(days=3))[0]
    services.reminders_send(now=START - datetime.timedelta(days=2))  # a late worker run
    assert Reminder.objects.filter(days_before=7).values_list("registration", flat=True).get() == early.pk
    services.reminders_send(now=START - datetime.timedelta(hours=20))
    assert set(Reminder.objects.filter(days_before=1).values_list("registration", flat=True)) == {
        early.pk,
        late.pk,
    }


@pytest.mark.django_db
def test_a_waitlisted_person_is_not_reminded(event):
    event.capacity = 1
    event.save()
    confirmed, waiting = book(event, 2, START - datetime.timedelta(days=20))
    assert waiting.status == "waitlisted"
    services.reminders_send(now=START - datetime.timedelta(days=7))
    assert [m.to[0] for m in mail.outbox] == [confirmed.person.email]


class WorkerKilled(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing on the way up catches it."""


@pytest.mark.django_db
def test_a_worker_killed_mid_batch_and_restarted_sends_each_reminder_once(event, monkeypatch):
    registrations = book(event, 10, START - datetime.timedelta(days=20))
    due = START - datetime.timedelta(days=7)
    real_send = emails.reminder_send
    calls = []

    def dies_on_the_fifth(**kwargs):
        calls.append(kwargs["registration"].pk)
        if len(calls) == 5:
            raise WorkerKilled
        real_send(**kwargs)

    monkeypatch.setattr(emails, "reminder_send", dies_on_the_fifth)
    with pytest.raises(WorkerKilled):
        services.reminders_send(now=due)
    assert len(mail.outbox) == 4
    monkeypatch.setattr(emails, "reminder_send", real_send)

    # Restarted at once: the four sent are not sent again; the one claimed when the worker died is
    # still held by its claim, and the five never touched are sent.
    assert services.reminders_send(now=due + datetime.timedelta(minutes=1)) == 5
    # A second worker running at the same time finds nothing to do.
    assert services.reminders_send(now=due + datetime.timedelta(minutes=2)) == 0
    # When the dead worker's claim expires, its one reminder is sent by the next run.
    assert services.reminders_send(now=due + services.REMINDER_LEASE + datetime.timedelta(minutes=2)) == 1
    assert services.reminders_send(now=due + datetime.timedelta(hours=1)) == 0
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(r.person.email for r in registrations)
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_the_unique_claim_lets_only_one_worker_insert(event):
    registration = book(event, 1, START - datetime.timedelta(days=20))[0]
    now = START - datetime.timedelta(days=7)
    first = services._claim(registration, event, 7, now, "worker-a")
    second = services._claim(registration, event, 7, now, "worker-b")
    assert first is not None and second is None


@pytest.mark.django_db
def test_the_management_command_sends_due_reminders(event, capsys, monkeypatch):
    book(event, 2, START - datetime.timedelta(days=20))
    monkeypatch.setattr(services.timezone, "now", lambda: START - datetime.timedelta(days=1))
    call_command("send_event_reminders")
    assert "Event reminders sent: 2" in capsys.readouterr().out
    assert len(mail.outbox) == 2
