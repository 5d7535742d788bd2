"""Turn curriculum models into what templates show: tags, progress text and links."""

from dataclasses import dataclass

from django.urls import reverse

from eolc.curriculum.models import Activity, ActivityKind, Certificate, PartKind
from eolc.curriculum.progress import Progress, Record, Tally
from eolc.curriculum.transcript import hours_text

KIND_VERBS = {
    ActivityKind.VIDEO: "Watch",
    ActivityKind.EXERCISE: "Try",
    ActivityKind.REFLECTION: "Reflect",
    ActivityKind.RESOURCE: "Read",
    ActivityKind.POST_TEST: "Test yourself",
}


def tag(text: str, colour: str = "") -> dict:
    return {"text": text, "classes": f"nhsuk-tag nhsuk-tag--{colour}" if colour else "nhsuk-tag"}


def tally_tag(tally: Tally | None, *, completed=False) -> dict:
    if completed or (tally and tally.complete):
        return tag("Completed", "green")
    if tally and tally.done:
        return tag(f"In progress: {tally.percent}%", "blue")
    return tag("Not started", "grey")


def missing_links(missing) -> list[dict]:
    return [{"text": part.title, "href": reverse("curriculum:part", args=[part.pk])} for part in missing]


@dataclass
class PartRow:
    part: object
    href: str
    tag: dict
    hours: str
    kind: str
    missing: list[dict]
    enrolled: bool


def part_rows(parts, progress: Progress, record: Record) -> list[PartRow]:
    """Rows for the catalogue from outline parts (eolc.curriculum.outline), whose prerequisites
    are at hand, and the person's record: no query."""
    rows = []
    for part in parts:
        missing = [required for required in part.requires if required.pk not in record.completed]
        completed = part.pk in progress.completed_parts
        if completed:
            state = tag("Completed", "green")
        elif missing:
            state = tag("Locked", "grey")
        elif part.pk in record.enrolled:
            state = tally_tag(progress.parts.get(part.pk))
            if state["text"] == "Not started":
                state = tag("Enrolled", "blue")
        else:
            state = tag("Open to enrol", "white")
        rows.append(
            PartRow(
                part=part,
                href=reverse("curriculum:part", args=[part.pk]),
                tag=state,
                hours=hours_text(part.ce_hours),
                kind=PartKind(part.kind).label,
                missing=missing_links(missing),
                enrolled=part.pk in record.enrolled,
            )
        )
    return rows


def activity_rows(activities, done_ids: set[int]) -> list[dict]:
    return [
        {
            "activity": activity,
            "href": reverse("curriculum:activity", args=[activity.pk]),
            "kind": ActivityKind(activity.kind).label,
            "tag": tag("Done", "green") if activity.pk in done_ids else tag("To do", "grey"),
            "optional": not activity.required,
            "draft": activity.status != "published",
        }
        for activity in activities
    ]


def neighbours(activity: Activity, ordered: list[Activity]) -> tuple[Activity | None, Activity | None]:
    """The activities before and after `activity` in the part's order."""
    ids = [a.pk for a in ordered]
    if activity.pk not in ids:
        return None, None
    i = ids.index(activity.pk)
    return (ordered[i - 1] if i > 0 else None), (ordered[i + 1] if i + 1 < len(ordered) else None)


def credit_rows(credits) -> list[dict]:
    """Credit lines of a part or completion, hours as exact strings."""
    return [
        {"scheme": getattr(c.scheme, "name", c.scheme), "category": c.category, "hours": hours_text(c.hours)}
        for c in credits
    ]


def captions_href(activity) -> str:
    return reverse("curriculum:captions", args=[activity.pk])


def certificate_facts(request, certificate: Certificate) -> dict:
    """What anyone may know about a certificate: the verification page shows the same."""
    completion = certificate.completion
    return {
        "code": certificate.code,
        "valid": certificate.is_valid,
        "name": completion.person.full_name or "Name not given",
        "programme": completion.part.programme.title,
        "part": completion.part.title,
        "completed_on": completion.completed_on,
        "ce_hours": hours_text(completion.ce_hours),
        "credits": credit_rows(completion.credits.all()),
        "verification_url": request.build_absolute_uri(reverse("curriculum:verify", args=[certificate.code])),
    }
