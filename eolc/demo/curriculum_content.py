"""Demo curricula: the four-part course for health care social workers (programme 2) and a short
"working together" course for front-line staff in London (programme 1).

Everything is loaded by natural keys (part title within a programme, module title within a part,
activity title within a module, question and choice numbers), so loading twice adds nothing.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from eolc.curriculum import services
from eolc.curriculum.models import (
    Activity,
    ActivityKind,
    Choice,
    CompletionSource,
    CreditScheme,
    Domain,
    Enrolment,
    Module,
    Part,
    PartCredit,
    Question,
    Status,
)
from eolc.demo import content
from eolc.demo.social_work_course import (
    NASW,
    NMC,
    PART_ONE_MODULES,
    POST_TEST,
    SOCIAL_WORK_PARTS,
    UK_CPD,
)
from eolc.demo.working_together_course import WORKING_TOGETHER_PART, working_together_modules

# --- Loading ----------------------------------------------------------------------------------


def _questions(activity, questions):
    for number, data in enumerate(questions, 1):
        question, _ = Question.objects.update_or_create(
            activity=activity, number=number, defaults={"prompt": data["prompt"]}
        )
        for choice_number, (text, correct, feedback) in enumerate(data["choices"], 1):
            Choice.objects.update_or_create(
                question=question,
                number=choice_number,
                defaults={"text": text, "correct": correct, "feedback": feedback},
            )


def _modules(part, modules, domains):
    for module_number, data in enumerate(modules, 1):
        module, _ = Module.objects.update_or_create(
            part=part,
            title=data["title"],
            defaults={"number": module_number, "summary": data["summary"], "status": Status.PUBLISHED},
        )
        module.domains.set([domains[slug] for slug in data["domains"]])
        for number, spec in enumerate(data["activities"], 1):
            activity, _ = Activity.objects.update_or_create(
                module=module,
                title=spec["title"],
                defaults={
                    "kind": spec["kind"],
                    "number": number,
                    "body": spec["body"],
                    "content_warning": spec["warning"],
                    "resource_url": spec.get("url", ""),
                    "status": Status.PUBLISHED,
                },
            )
            activity.domains.set([domains[slug] for slug in spec["domains"]])
            _questions(activity, spec.get("questions", []))


def _part(programme, spec, schemes, accreditor=None, approval=""):
    part, _ = Part.objects.update_or_create(
        programme=programme,
        title=spec["title"],
        defaults={
            "number": spec["number"],
            "kind": spec["kind"],
            "summary": spec["summary"],
            "ce_hours": Decimal(spec["hours"]),
            "status": Status.PUBLISHED,
            "required_meetings": spec.get("required_meetings", 0),
            "accrediting_body": accreditor,
            "approval_number": approval,
        },
    )
    for category, hours in spec["credits"]:
        PartCredit.objects.update_or_create(
            part=part, scheme=schemes[NASW], category=category, defaults={"hours": Decimal(hours)}
        )
    return part


def _post_test(part):
    module, _ = Module.objects.update_or_create(
        part=part,
        title="Check your learning",
        defaults={
            "number": 99,
            "summary": "A post-test across the eight domains.",
            "status": Status.PUBLISHED,
        },
    )
    test, _ = Activity.objects.update_or_create(
        module=module,
        title="Part I post-test",
        defaults={
            "kind": ActivityKind.POST_TEST,
            "number": 1,
            "pass_mark": 75,
            "body": "Eight questions, one for each domain. You need six right to pass, and you can try "
            "as often as you like.",
            "status": Status.PUBLISHED,
        },
    )
    _questions(test, POST_TEST)


@transaction.atomic
def curriculum_load(*, programmes, organisations, people) -> str:
    """Load both demo curricula and a little learner history; returns a one-line summary."""
    domains = {d.slug: d for d in Domain.objects.all()}
    schemes = {}
    for name, organisation in [(NASW, organisations["us_accreditor"]), (UK_CPD, None), (NMC, None)]:
        schemes[name], _ = CreditScheme.objects.update_or_create(
            name=name, defaults={"accrediting_body": organisation}
        )

    us_programme = programmes[content.SOCIAL_WORK_CE]
    parts = {}
    for spec in SOCIAL_WORK_PARTS:
        parts[spec["title"]] = _part(
            us_programme, spec, schemes, organisations["us_accreditor"], "AASWP-CE-2026-0417"
        )
    for spec in SOCIAL_WORK_PARTS:
        parts[spec["title"]].requires.set([parts[title] for title in spec.get("requires", [])])
    part_one = parts["Part I: Online training"]
    _modules(part_one, PART_ONE_MODULES, domains)
    _post_test(part_one)

    london = programmes[content.LONDON]
    together = _part(london, WORKING_TOGETHER_PART, schemes)
    for scheme, hours in [(UK_CPD, "1.50"), (NMC, "1.50")]:
        PartCredit.objects.update_or_create(
            part=together,
            scheme=schemes[scheme],
            category="Integrated working",
            defaults={"hours": Decimal(hours)},
        )
    _modules(together, working_together_modules(), domains)

    _history(people, part_one, parts)
    return (
        f"Curriculum: {Part.objects.filter(programme__in=[us_programme, london]).count()} parts, "
        f"{Module.objects.filter(part__programme__in=[us_programme, london]).count()} modules, "
        f"{Activity.objects.filter(module__part__programme__in=[us_programme, london]).count()} activities"
    )


def _history(people, part_one, parts):
    """The demo learner is part-way through Part I; a dozen US social workers have finished it."""
    learner = people.get("learner@example.org")
    if learner is not None:
        Enrolment.objects.get_or_create(person=learner, part=part_one)
        first = Activity.objects.published().in_part(part_one).order_by("module__number", "number").first()
        if first is not None and first.kind == ActivityKind.RESOURCE:
            services.activity_done(person=learner, activity=first)
    finishers = sorted(email for email in people if email.endswith("@example.com"))[:12]
    for index, email in enumerate(finishers):
        on = datetime.date(2026, 4, 6) + datetime.timedelta(days=7 * index)
        services.part_complete(person=people[email], part=part_one, on=on, source=CompletionSource.SELF_PACED)
        if index % 3 == 0:
            services.part_complete(
                person=people[email],
                part=parts["Part II: Virtual instructor-led training"],
                on=on + datetime.timedelta(days=30),
                source=CompletionSource.ATTENDANCE,
            )
