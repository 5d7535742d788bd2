"""Who may open each action plans page (see eolc/core/tests/walk.py)."""

from eolc.action_plans.tests.factories import make_plan
from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect
from eolc.events.tests.access_table import event


def plan(w):
    """The learner's plan from the programme's event."""
    return w.once("plan", lambda: make_plan(w.people.learner, event=event(w)))


def on_plan(w):
    return {"pk": plan(w).pk}


def on_action(w):
    return {"pk": plan(w).actions.first().pk}


def on_event(w):
    return {"event_pk": event(w).pk}


def api_on_plan(w):
    return {"plan_id": plan(w).pk}


def api_on_action(w):
    return {"plan_id": plan(w).pk, "action_id": plan(w).actions.first().pk}


ACCESS = {
    "action_plans:mine": Expect(OK),
    "action_plans:create": Expect(OK),
    "action_plans:detail": Expect(HIDDEN, args=on_plan, learner=OK),
    "action_plans:pdf": Expect(HIDDEN, args=on_plan, learner=OK),
    "action_plans:share": Expect(HIDDEN, method="post", args=on_plan, learner=OK),
    "action_plans:close": Expect(HIDDEN, method="post", args=on_plan, learner=OK),
    "action_plans:update": Expect(HIDDEN, args=on_action, learner=OK),
    "action_plans:link_update": Expect(HIDDEN, anonymous=HIDDEN),
    "action_plans:template": Expect(DENIED, args=on_event, facilitator=OK, admin=OK, site_admin=OK),
    "action_plans:buddies": Expect(OK),
    "action_plans:buddy_opt_in": Expect(DENIED, method="post", args=on_event),
    "action_plans:end_buddy": Expect(HIDDEN, method="post"),
    "action_plans:follow_through": Expect(OK, learner=DENIED, champion=DENIED, mentor=DENIED),
    "action_plans:follow_through_csv": Expect(OK, learner=DENIED, champion=DENIED, mentor=DENIED),
    "api:plan_list": Expect(OK),
    # Without a body the request stops at validation; each person may create their own plans.
    "api:plan_create": Expect(INVALID),
    "api:plan_detail": Expect(HIDDEN, args=api_on_plan, learner=OK),
    "api:progress_create": Expect(INVALID, args=api_on_action),
}
