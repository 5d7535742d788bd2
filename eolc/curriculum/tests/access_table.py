"""Who may open each curriculum page and API operation (see eolc/core/tests/walk.py)."""

import datetime

from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect
from eolc.curriculum import services
from eolc.curriculum.models import CompletionSource
from eolc.curriculum.tests.factories import ActivityFactory, CreditSchemeFactory, ModuleFactory, PartFactory


def part(w):
    return w.once("part", lambda: PartFactory(programme=w.programme))


def module(w):
    return w.once("module", lambda: ModuleFactory(part=part(w)))


def activity(w):
    return w.once("activity", lambda: ActivityFactory(module=module(w)))


def certificate(w):
    """The learner's certificate for the part."""

    def build():
        completion = services.part_complete(
            person=w.people.learner, part=part(w), on=datetime.date.today(), source=CompletionSource.IMPORTED
        )
        return completion.certificate

    return w.once("certificate", build)


def credit(w):
    return w.once(
        "credit",
        lambda: part(w).credits.create(scheme=CreditSchemeFactory(), category="Pain", hours="2.00"),
    )


def reflection(w):
    return w.once(
        "reflection",
        lambda: services.reflection_add(person=w.people.learner, part=part(w), text="What I learnt."),
    )


def on_part(w):
    return {"pk": part(w).pk}


def on_module(w):
    return {"pk": module(w).pk}


def on_activity(w):
    return {"pk": activity(w).pk}


def on_learner(w):
    return {"pk": w.people.learner.pk}


def on_certificate(w):
    return {"code": certificate(w).code}


def on_credit(w):
    return {"pk": part(w).pk, "credit_pk": credit(w).pk}


def on_kind_part(w):
    return {"kind": "part", "pk": part(w).pk}


def api_on_programme(w):
    return {"programme_id": w.programme.pk}


def api_on_part(w):
    return {"part_id": part(w).pk}


def api_on_learner(w):
    return {"person_id": w.people.learner.pk}


ACCESS = {
    "curriculum:catalogue": Expect(OK),
    "curriculum:part": Expect(OK, args=on_part, other_admin=HIDDEN),
    "curriculum:enrol": Expect(OK, method="post", args=on_part, other_admin=HIDDEN),
    "curriculum:reflection_add": Expect(OK, args=on_part, other_admin=HIDDEN),
    "curriculum:module": Expect(OK, args=on_module, other_admin=HIDDEN),
    "curriculum:activity": Expect(OK, args=on_activity, other_admin=HIDDEN),
    "curriculum:draft": Expect(INVALID, method="post", args=on_activity, other_admin=HIDDEN),
    "curriculum:captions": Expect(OK, args=on_activity, other_admin=HIDDEN),
    "curriculum:transcript": Expect(OK),
    "curriculum:person_transcript": Expect(HIDDEN, args=on_learner, learner=OK, admin=OK, site_admin=OK),
    "curriculum:transcript_csv": Expect(OK),
    "curriculum:transcript_pdf": Expect(OK),
    "curriculum:reflections_pdf": Expect(OK),
    "curriculum:certificate_pdf": Expect(HIDDEN, args=on_certificate, learner=OK, admin=OK, site_admin=OK),
    "curriculum:certificate_revoke": Expect(
        HIDDEN, args=on_certificate, learner=DENIED, admin=OK, site_admin=OK
    ),
    "curriculum:verify": Expect(
        OK,
        anonymous=OK,
        args=on_certificate,
        why="anyone may check a certificate's code: name, part, date, hours, validity",
    ),
    "curriculum:manage": Expect(DENIED, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:part_create": Expect(DENIED, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:part_edit": Expect(DENIED, args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:part_credit_add": Expect(
        DENIED, method="post", args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "curriculum:part_credit_remove": Expect(
        DENIED, method="post", args=on_credit, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "curriculum:completion_record": Expect(DENIED, args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:module_create": Expect(DENIED, args=on_part, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:module_edit": Expect(DENIED, args=on_module, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:activity_create": Expect(DENIED, args=on_module, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:activity_edit": Expect(DENIED, args=on_activity, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "curriculum:question_add": Expect(
        DENIED, method="post", args=on_activity, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "curriculum:publish": Expect(
        DENIED, method="post", args=on_kind_part, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "curriculum:unpublish": Expect(
        DENIED, method="post", args=on_kind_part, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "curriculum:move": Expect(
        DENIED, method="post", args=on_kind_part, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "api:programme_create": Expect(
        DENIED, admin=OK, other_admin=OK, site_admin=OK, body=lambda w: {"title": "A new programme"}
    ),
    "api:part_create": Expect(
        DENIED,
        admin=OK,
        other_admin=HIDDEN,
        site_admin=OK,
        args=api_on_programme,
        body=lambda w: {"title": "New part", "kind": "self_paced", "ce_hours": "2.0"},
    ),
    "api:completion_create": Expect(
        DENIED,
        admin=OK,
        other_admin=HIDDEN,
        site_admin=OK,
        args=api_on_part,
        body=lambda w: {"person": w.people.learner.pk},
    ),
    "api:enrolment_create": Expect(OK, args=api_on_part, other_admin=HIDDEN),
    "api:transcript": Expect(HIDDEN, args=api_on_learner, learner=OK, admin=OK, site_admin=OK),
    "api:certificate_verify": Expect(
        OK, anonymous=OK, args=on_certificate, why="the same certificate check for integrations"
    ),
}
