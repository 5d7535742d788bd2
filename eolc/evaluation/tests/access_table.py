"""Who may open each evaluation page (see eolc/core/tests/walk.py).

Written by the trust work from what the pages answered. Rows without `args=` use id 1, which
does not exist, so every role gets 404 there: give them builders of real objects (see
eolc/events/tests/access_table.py) to test object-level access properly.
"""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect
from eolc.evaluation.models import Invitation
from eolc.evaluation.tests.factories import ScheduleFactory, SurveyFactory
from eolc.events.tests.access_table import event


def invitation(w):
    """The learner's invitation to answer the programme's survey about the event."""

    def build():
        schedule = ScheduleFactory(survey=SurveyFactory(programme=w.programme), event=event(w))
        return Invitation.objects.create(
            schedule=schedule,
            survey=schedule.survey,
            event=schedule.event,
            person=w.people.learner,
            claimed_at=schedule.event.starts_at,
            claim="walk",
            sent_at=schedule.event.starts_at,
        )

    return w.once("invitation", build)


def on_invitation(w):
    return {"pk": invitation(w).pk}


ACCESS = {
    "evaluation:mine": Expect(OK),
    "evaluation:answer": Expect(HIDDEN, args=on_invitation, learner=OK),
    "evaluation:programme": Expect(OK, learner=DENIED, champion=DENIED, mentor=DENIED, other_admin=HIDDEN),
    "evaluation:create": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "evaluation:use_template": Expect(
        DENIED, method="post", facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "evaluation:edit": Expect(HIDDEN),
    "evaluation:copy": Expect(HIDDEN, method="post"),
    "evaluation:preview": Expect(HIDDEN),
    "evaluation:add_question": Expect(HIDDEN, method="post"),
    "evaluation:edit_question": Expect(HIDDEN),
    "evaluation:delete_question": Expect(HIDDEN, method="post"),
    "evaluation:move_question": Expect(HIDDEN, method="post"),
    "evaluation:add_schedule": Expect(HIDDEN, method="post"),
    "evaluation:delete_schedule": Expect(HIDDEN, method="post"),
    "evaluation:results": Expect(HIDDEN),
    "evaluation:results_csv": Expect(HIDDEN, args=lambda w: {"pk": 1, "table": "answers"}),
    "evaluation:remind": Expect(HIDDEN, method="post"),
}
