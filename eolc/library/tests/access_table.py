"""Who may open each library and trainer pack page (see eolc/core/tests/walk.py).

The walk's facilitator is the trainer who wrote the plan and recorded the delivered session.
"""

import datetime

from eolc.accounts.models import Area
from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect
from eolc.library import services
from eolc.library.tests.factories import CareRoleFactory, FaithGuideFactory, ResourceFactory


def resource(w):
    return w.once("resource", lambda: ResourceFactory())


def plan(w):
    return w.once(
        "plan",
        lambda: services.session_plan_save(
            created_by=w.people.facilitator,
            data={
                "programme": w.programme,
                "title": "Learning session",
                "minutes": 30,
                "aim": "",
                "key_messages": "",
            },
            sections=[{"title": "Welcome", "minutes": 30, "activity": "Introductions"}],
        ),
    )


def delivered(w):
    return w.once(
        "delivered",
        lambda: services.delivered_session_record(
            trainer=w.people.facilitator,
            programme=w.programme,
            delivered_on=datetime.date.today(),
            area=Area.objects.get(code="E09000007"),
            attendees={"health": 5},
        ),
    )


def on_resource(w):
    return {"pk": resource(w).pk}


def on_role(w):
    return {"slug": CareRoleFactory().slug}


def on_faith_guide(w):
    return {"slug": FaithGuideFactory().slug}


def on_plan(w):
    return {"pk": plan(w).pk}


def on_delivered(w):
    return {"pk": delivered(w).pk}


def api_on_resource(w):
    return {"resource_id": resource(w).pk}


ACCESS = {
    "library:index": Expect(OK),
    "library:create": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "library:resource": Expect(OK, args=on_resource),
    "library:edit": Expect(DENIED, args=on_resource, site_admin=OK),
    "library:publish": Expect(DENIED, method="post", args=on_resource, site_admin=OK),
    "library:unpublish": Expect(DENIED, method="post", args=on_resource, site_admin=OK),
    "library:download": Expect(HIDDEN, args=on_resource),
    "library:visit": Expect(
        OK,
        args=on_resource,
        get_writes={"library_resource": "counts visits to a linked resource; no personal data"},
    ),
    "library:captions": Expect(HIDDEN, args=on_resource),
    "library:roles": Expect(OK),
    "library:role": Expect(OK, args=on_role),
    "library:faith_guides": Expect(OK),
    "library:faith_guide": Expect(OK, args=on_faith_guide),
    "library:trainer_pack": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "library:create_plan": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "library:plan": Expect(HIDDEN, args=on_plan, facilitator=OK, admin=OK, site_admin=OK),
    "library:edit_plan": Expect(HIDDEN, args=on_plan, facilitator=OK, admin=OK, site_admin=OK),
    "library:plan_pdf": Expect(HIDDEN, args=on_plan, facilitator=OK, admin=OK, site_admin=OK),
    "library:delivered": Expect(OK, learner=DENIED, champion=DENIED, mentor=DENIED),
    "library:record_delivered": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "library:delete_delivered": Expect(HIDDEN, method="post", args=on_delivered, facilitator=OK),
    "api:resource_list": Expect(OK),
    "api:resource_detail": Expect(OK, args=api_on_resource),
    "api:delivered_session_list": Expect(OK),
    "api:delivered_session_create": Expect(INVALID),
}
