"""Who may open each events page and API operation (see eolc/core/tests/walk.py)."""

from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect
from eolc.events import services
from eolc.events.tests.factories import EventFactory, RegistrationFactory


def event(w):
    """A published event of the programme, run by its facilitator."""

    def build():
        built = EventFactory(programme=w.programme, created_by=w.people.admin)
        built.facilitators.add(w.people.facilitator)
        return built

    return w.once("event", build)


def registration(w):
    """The learner's place at the event."""
    return w.once("registration", lambda: RegistrationFactory(event=event(w), person=w.people.learner))


def on_event(w):
    return {"pk": event(w).pk}


def on_registration(w):
    return {"pk": event(w).pk, "registration_pk": registration(w).pk}


def feed(w):
    return {"token": services.calendar_feed_for(person=w.people.learner).token}


def api_on_event(w):
    return {"event_id": event(w).pk}


def api_on_registration(w):
    return {"registration_id": registration(w).pk}


ACCESS = {
    "events:calendar": Expect(OK, anonymous=OK, why="the public calendar of events"),
    "events:create": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "events:create_series": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "events:my_calendar": Expect(OK),
    "events:detail": Expect(
        OK, anonymous=OK, args=on_event, why="a published event's page (drafts answer 404)"
    ),
    "events:edit": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "events:register": Expect(OK, args=on_event),
    "events:cancel": Expect(OK, args=on_event),
    "events:event_ics": Expect(OK, anonymous=OK, args=on_event, why="a published event as a calendar file"),
    "events:registrations": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "events:remove_registration": Expect(
        DENIED, method="post", args=on_registration, facilitator=OK, admin=OK, site_admin=OK
    ),
    "events:move_registration": Expect(DENIED, args=on_registration, facilitator=OK, admin=OK, site_admin=OK),
    "events:registrations_csv": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "events:attendance_csv": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "events:check_in": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "events:mark_attendance": Expect(
        DENIED, method="post", args=on_registration, facilitator=OK, admin=OK, site_admin=OK
    ),
    "events:public_feed": Expect(OK, anonymous=OK, why="the public calendar feed of published events"),
    "events:personal_feed": Expect(
        OK,
        anonymous=OK,
        args=feed,
        why="a person's calendar feed; the secret token in the address is the credential",
    ),
    "api:event_create": Expect(
        DENIED,
        facilitator=OK,
        admin=OK,
        other_admin=INVALID,
        site_admin=OK,
        body=lambda w: {
            "title": "Webinar",
            "kind": "webinar",
            "starts_at": "2030-01-01T10:00:00Z",
            "ends_at": "2030-01-01T11:00:00Z",
            "capacity": 20,
            "online": True,
            "programme": w.programme.pk,
        },
    ),
    "api:event_list": Expect(OK),
    "api:event_detail": Expect(OK, args=api_on_event),
    "api:registration_create": Expect(OK, args=api_on_event),
    "api:registration_delete": Expect(
        OK, args=api_on_registration, champion=HIDDEN, mentor=HIDDEN, other_admin=HIDDEN, commissioner=HIDDEN
    ),
    "api:attendance_record": Expect(
        DENIED,
        facilitator=OK,
        admin=OK,
        site_admin=OK,
        args=api_on_event,
        body=lambda w: {"person": registration(w).person_id, "attended": True},
    ),
}
