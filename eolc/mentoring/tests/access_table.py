"""Who may open each mentoring page (see eolc/core/tests/walk.py).

The walk's `mentor` is the approved mentor of the group; `learner` is its mentee.
"""

import datetime

from django.utils import timezone

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect
from eolc.curriculum import services as curriculum_services
from eolc.curriculum.models import CompletionSource, PartKind
from eolc.curriculum.tests.factories import PartFactory
from eolc.mentoring import services


def part(w):
    def build():
        part_one = PartFactory(programme=w.programme, title="Part I", number=1)
        mentorship = PartFactory(
            programme=w.programme, number=4, kind=PartKind.MENTORSHIP, required_meetings=3
        )
        mentorship.requires.set([part_one])
        curriculum_services.part_complete(
            person=w.people.learner, part=part_one, on=timezone.localdate(), source=CompletionSource.IMPORTED
        )
        return mentorship

    return w.once("mentorship", build)


def mentor(w):
    def build():
        offer = services.mentor_apply(
            programme=w.programme,
            person=w.people.mentor,
            capacity=8,
            work_settings=["hospital"],
            specialisms=[],
            experience="Years of hospice social work.",
        )
        return services.mentor_decide(mentor=offer, approve=True, by=w.people.admin)

    return w.once("mentor", build)


def group(w):
    def build():
        day = timezone.localdate() + datetime.timedelta(days=10)
        created = services.group_create(
            mentor=mentor(w),
            part=part(w),
            title="Lunchtime group",
            capacity=4,
            first_meeting=datetime.datetime.combine(day, datetime.time(13, 0)),
            time_zone="Europe/London",
            meetings=3,
            by=w.people.admin,
        )
        mentee = services.mentee_signup(
            part=part(w), person=w.people.learner, times=["afternoon"], online_ok=True
        )
        services.mentee_place(mentee=mentee, group=created, by=w.people.admin)
        return created

    return w.once("group", build)


def on_part(w):
    return {"part_pk": part(w).pk}


def on_mentor(w):
    return {"pk": mentor(w).pk}


def on_group(w):
    return {"pk": group(w).pk}


def on_meeting(w):
    return {"pk": group(w).pk, "meeting_pk": group(w).meetings().first().pk}


def on_note(w):
    note = w.once(
        "note", lambda: services.note_add(group=group(w), author=w.people.mentor, text="Went well.")
    )
    return {"pk": note.pk}


ACCESS = {
    "mentoring:home": Expect(OK),
    "mentoring:sign_up": Expect(OK, args=on_part, other_admin=HIDDEN),
    "mentoring:leave": Expect(OK, method="post", args=on_part, other_admin=HIDDEN),
    "mentoring:apply": Expect(OK, args=on_part, other_admin=HIDDEN),
    "mentoring:manage": Expect(DENIED, args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "mentoring:match": Expect(
        DENIED, method="post", args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "mentoring:create_group": Expect(DENIED, args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "mentoring:decide_mentor": Expect(HIDDEN, method="post", args=on_mentor, admin=OK, site_admin=OK),
    "mentoring:group": Expect(
        OK, args=on_group, champion=HIDDEN, facilitator=HIDDEN, other_admin=HIDDEN, commissioner=HIDDEN
    ),
    "mentoring:attendance": Expect(
        HIDDEN, args=on_meeting, learner=DENIED, mentor=OK, admin=DENIED, site_admin=DENIED
    ),
    "mentoring:feedback": Expect(
        OK, args=on_meeting, champion=HIDDEN, facilitator=HIDDEN, other_admin=HIDDEN, commissioner=HIDDEN
    ),
    "mentoring:add_note": Expect(
        HIDDEN, args=on_group, learner=DENIED, mentor=OK, admin=DENIED, site_admin=DENIED
    ),
    "mentoring:edit_note": Expect(HIDDEN, args=on_note, mentor=OK),
}
