"""Registration services: places, the waiting list, eligibility, facilitators acting for people."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from eolc.accounts.tests.factories import UserFactory
from eolc.curriculum.models import Completion, PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.events import services
from eolc.events.models import Attendance, Registration, RegistrationStatus
from eolc.events.tests.factories import EventFactory, SeriesFactory, in_days


def register(event, person=None, **kwargs):
    return services.registration_create(event=event, person=person or UserFactory(), **kwargs)


@pytest.mark.django_db
def test_places_are_confirmed_until_full_then_people_wait():
    event = EventFactory(capacity=2)
    statuses = [register(event)[0].status for _ in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]


@pytest.mark.django_db
def test_registering_twice_gives_back_the_first_registration():
    event = EventFactory()
    person = UserFactory()
    first, created = register(event, person)
    again, created_again = register(event, person)
    assert created and not created_again
    assert again.pk == first.pk
    assert Registration.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_if_the_unique_constraint_catches_a_duplicate_the_existing_registration_is_returned(monkeypatch):
    """A request that slipped past the check (another request won) gets the winner's row."""
    event = EventFactory()
    person = UserFactory()
    winner, _ = register(event, person)
    real = services._places_taken
    calls = []

    def miss_once(event, person):
        confirmed, held = real(event, person)
        calls.append(1)
        return confirmed, None if len(calls) == 1 else held

    monkeypatch.setattr(services, "_places_taken", miss_once)
    again, created = register(event, person)
    assert not created and again.pk == winner.pk


@pytest.mark.django_db
def test_a_failure_after_the_first_write_leaves_nothing_and_sends_nothing(monkeypatch, immediate_tasks):
    event = EventFactory()

    def boom(*args, **kwargs):
        raise IntegrityError("simulated failure after the insert")

    monkeypatch.setattr(services, "_notify", boom)
    with pytest.raises(IntegrityError):
        register(event)
    assert not Registration.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cancelling_promotes_the_first_person_waiting_and_emails_everyone_concerned(immediate_tasks):
    event = EventFactory(capacity=1, online=True, joining_link="https://meet.example.org/abc")
    holder, _ = register(event)
    first_waiting, _ = register(event)
    second_waiting, _ = register(event)
    mail.outbox.clear()
    promoted = services.registration_cancel(registration=holder, by=holder.person)
    assert [r.pk for r in promoted] == [first_waiting.pk]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    assert second_waiting.status == RegistrationStatus.WAITLISTED
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {holder.person.email, first_waiting.person.email}
    assert "cancelled" in by_person[holder.person.email].subject
    promotion = by_person[first_waiting.person.email]
    assert "place has come up" in promotion.subject
    assert "https://meet.example.org/abc" in promotion.body
    (name, content, mimetype) = promotion.attachments[0]
    assert name == "invite.ics" and mimetype.startswith("text/calendar")
    # Cancelling again changes nothing and promotes nobody else.
    assert services.registration_cancel(registration=holder, by=holder.person) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_confirmation_email_has_the_invite_and_waitlist_email_does_not(immediate_tasks):
    event = EventFactory(capacity=1)
    confirmed, _ = register(event)
    waiting, _ = register(event)
    to = {message.to[0]: message for message in mail.outbox}
    assert to[confirmed.person.email].attachments
    assert "waiting list" in to[waiting.person.email].subject
    assert not to[waiting.person.email].attachments


@pytest.mark.django_db
def test_eligibility_names_the_part_still_to_complete(programme):
    foundations = PartFactory(programme=programme, title="Foundations of end of life care")
    advanced = PartFactory(programme=programme, title="Advanced communication", kind=PartKind.LIVE)
    advanced.requires.add(foundations)
    event = EventFactory(programme=programme, part=advanced)
    person = UserFactory()
    with pytest.raises(services.NotEligible) as refused:
        register(event, person)
    assert "Foundations of end of life care" in str(refused.value)
    assert not Registration.objects.exists()
    Completion.objects.create(
        person=person, part=foundations, completed_on=datetime.date.today(), source="imported", ce_hours=1
    )
    assert register(event, person)[0].status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_a_required_part_is_named_when_missing(programme):
    required = PartFactory(programme=programme, title="Champions induction")
    event = EventFactory(programme=programme, required_part=required)
    with pytest.raises(services.NotEligible, match="Champions induction"):
        register(event)


@pytest.mark.django_db
def test_registration_window_and_status_are_enforced_for_people_not_facilitators():
    event = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(services.RegistrationClosed, match="Registration opens"):
        register(event)
    closed = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(services.RegistrationClosed, match="closed"):
        register(closed)
    assert register(closed, registered_by=UserFactory(), enforce_window=False)[0].is_confirmed
    draft = EventFactory(status="draft")
    with pytest.raises(services.RegistrationClosed):
        register(draft)


@pytest.mark.django_db
def test_a_series_is_registered_as_a_whole_and_its_sessions_share_places():
    series = SeriesFactory(capacity=1)
    first = EventFactory(series=series, kind="series", starts_at=in_days(10))
    second = EventFactory(series=series, kind="series", starts_at=in_days(17))
    person = UserFactory()
    registration, _ = register(first, person)
    assert registration.series_id == series.pk and registration.event_id is None
    again, created = register(second, person)
    assert not created and again.pk == registration.pk
    assert register(second)[0].status == RegistrationStatus.WAITLISTED


@pytest.mark.django_db
def test_a_facilitator_moves_someone_to_another_date_and_their_place_goes_to_the_next_person():
    morning = EventFactory(capacity=1, starts_at=in_days(7, hour=9))
    evening = EventFactory(capacity=5, starts_at=in_days(7, hour=18))
    facilitator = UserFactory()
    moved, _ = register(morning)
    waiting, _ = register(morning)
    new = services.registration_move(registration=moved, to_event=evening, by=facilitator)
    assert new.event == evening and new.is_confirmed and new.registered_by == facilitator
    moved.refresh_from_db()
    waiting.refresh_from_db()
    assert moved.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_facilitator_removing_someone_sends_a_removal_notice(immediate_tasks):
    event = EventFactory()
    registration, _ = register(event)
    mail.outbox.clear()
    services.registration_cancel(registration=registration, by=UserFactory())
    assert "cancelled by the organisers" in mail.outbox[0].subject


@pytest.mark.django_db
def test_more_places_promote_people_waiting():
    event = EventFactory(capacity=1)
    register(event)
    waiting, _ = register(event)
    services.event_update(event=event, by=None, capacity=2)
    waiting.refresh_from_db()
    assert waiting.is_confirmed


@pytest.mark.django_db
def test_attending_a_session_linked_to_a_live_part_completes_it(programme):
    part = PartFactory(programme=programme, kind=PartKind.LIVE, title="Live session")
    event = EventFactory(programme=programme, part=part)
    registration, _ = register(event)
    services.attendance_record(event=event, person=registration.person, attended=True)
    completion = Completion.objects.get(person=registration.person, part=part)
    assert completion.source == "attendance"


@pytest.mark.django_db
def test_a_series_part_completes_only_after_every_session(programme):
    part = PartFactory(programme=programme, kind=PartKind.SERIES)
    series = SeriesFactory(part=part)
    sessions = [EventFactory(series=series, part=part, kind="series", starts_at=in_days(d)) for d in (3, 10)]
    registration, _ = register(sessions[0])
    person = registration.person
    services.attendance_record(event=sessions[0], person=person, attended=True)
    assert not Completion.objects.filter(person=person).exists()
    services.attendance_record(event=sessions[1], person=person, attended=True)
    assert Completion.objects.filter(person=person, part=part).exists()


@pytest.mark.django_db
def test_attendance_needs_a_confirmed_place_and_can_be_changed():
    event = EventFactory(capacity=1)
    confirmed, _ = register(event)
    waiting, _ = register(event)
    with pytest.raises(services.NotRegistered):
        services.attendance_record(event=event, person=waiting.person, attended=True)
    services.attendance_record(event=event, person=confirmed.person, attended=True)
    services.attendance_record(event=event, person=confirmed.person, attended=False)
    assert Attendance.objects.get(event=event).attended is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cancelling_an_event_tells_everyone_registered_and_a_series_session_names_itself(immediate_tasks):
    event = EventFactory(capacity=1, title="Camden morning")
    confirmed, _ = register(event)
    waiting, _ = register(event)
    series = SeriesFactory(title="Leadership series")
    sessions = [
        EventFactory(series=series, kind="series", title=f"Leadership session {n}", starts_at=in_days(5 + n))
        for n in (1, 2)
    ]
    in_series, _ = register(sessions[0])
    mail.outbox.clear()
    assert services.event_cancel(event=event, by=None) == 2
    assert services.event_cancel(event=sessions[1], by=None) == 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[confirmed.person.email].endswith("Event cancelled: Camden morning")
    assert subjects[waiting.person.email].endswith("Event cancelled: Camden morning")
    assert subjects[in_series.person.email].endswith("Event cancelled: Leadership session 2")
    body = next(m.body for m in mail.outbox if m.to[0] == in_series.person.email)
    assert "Leadership session 1" not in body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_task_worker_sends_the_queued_confirmation():
    """With the default backend the email waits in the task table until `db_worker` runs it."""
    event = EventFactory()
    registration, _ = register(event)
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [message.to[0] for message in mail.outbox] == [registration.person.email]
