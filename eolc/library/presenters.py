"""Turn library records into what templates show: prose blocks, tags, the role matrix, plan timings."""

from dataclasses import dataclass

from django.apps import apps

from eolc.accounts.models import Sector
from eolc.library.models import CareTask, Involvement, ResourceKind

KIND_TAG = {
    ResourceKind.DOCUMENT: "nhsuk-tag--blue",
    ResourceKind.FILM: "nhsuk-tag--purple",
    ResourceKind.ROLE_GUIDE: "nhsuk-tag--aqua-green",
    ResourceKind.FAITH_GUIDE: "nhsuk-tag--green",
    ResourceKind.SESSION_PLAN: "nhsuk-tag--orange",
    ResourceKind.BEST_PRACTICE: "nhsuk-tag--yellow",
    ResourceKind.EVALUATION: "nhsuk-tag--grey",
    ResourceKind.LINK: "nhsuk-tag--white",
}


@dataclass
class Block:
    kind: str  # "paragraph" or "list"
    lines: list[str]


def prose(text: str) -> list[Block]:
    """Paragraphs split by blank lines. A paragraph starting "- " is a bulleted list; its lines that do not
    start "- " continue the item above, so long items can be wrapped."""
    blocks = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:].strip())
                else:
                    items[-1] = f"{items[-1]} {line}"
            blocks.append(Block("list", items))
        else:
            blocks.append(Block("paragraph", [" ".join(lines)]))
    return blocks


def kind_tag(resource) -> dict:
    return {"text": resource.get_kind_display(), "classes": KIND_TAG.get(resource.kind, "")}


def role_sections(role) -> list[dict]:
    return [
        {"heading": "What they do", "id": "what-they-do", "blocks": prose(role.what_they_do)},
        {"heading": "When they are involved", "id": "when", "blocks": prose(role.when_involved)},
        {"heading": "What they need from others", "id": "needs", "blocks": prose(role.needs_from_others)},
        {"heading": "How to reach them", "id": "reach", "blocks": prose(role.how_to_reach)},
    ]


def faith_sections(guide) -> list[dict]:
    return [
        {"heading": "Talking about death", "id": "talking", "blocks": prose(guide.talking_about_death)},
        {"heading": "Care before death", "id": "before", "blocks": prose(guide.care_before_death)},
        {"heading": "At the time of death", "id": "time-of-death", "blocks": prose(guide.at_time_of_death)},
        {"heading": "After death and bereavement", "id": "after", "blocks": prose(guide.after_death)},
        {
            "heading": "Practical points for non-specialist staff",
            "id": "practical",
            "blocks": prose(guide.practical_points),
        },
    ]


INVOLVEMENT_TEXT = {Involvement.LEADS: "Leads", Involvement.SUPPORTS: "Supports"}


def role_matrix(roles) -> dict:
    """Rows of roles, columns of tasks; every cell has words (never colour alone)."""
    columns = [{"value": task.value, "label": task.label} for task in CareTask]
    rows = []
    for role in roles:
        cells = {r.task: r.involvement for r in role.responsibilities.all()}
        rows.append(
            {
                "role": role,
                "cells": [
                    {
                        "text": INVOLVEMENT_TEXT.get(cells.get(task.value), "–"),
                        "leads": cells.get(task.value) == Involvement.LEADS,
                        "label": "Not usually" if task.value not in cells else "",
                    }
                    for task in CareTask
                ],
            }
        )
    return {"columns": columns, "rows": rows}


def role_tasks(role) -> list[dict]:
    """The tasks a role leads or supports, for its own page."""
    return [
        {"task": r.get_task_display(), "involvement": r.get_involvement_display()}
        for r in sorted(
            role.responsibilities.all(), key=lambda r: (r.involvement != Involvement.LEADS, r.task)
        )
    ]


def scenario_nodes_for(role) -> list:
    """Scenario nodes featuring a role, once the scenarios app (tagging nodes by role slug) is installed."""
    try:
        Node = apps.get_model("scenarios", "Node")
    except LookupError:
        return []
    return list(Node.objects.for_role(role.slug)[:10])


def plan_timeline(plan) -> list[dict]:
    """Each section with its start and end minute, so trainers can keep time."""
    rows, start = [], 0
    for section in plan.sections.all():
        rows.append({"section": section, "start": start, "end": start + section.minutes})
        start += section.minutes
    return rows


def clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


def sector_rows(counts: dict[str, int]) -> list[dict]:
    return [{"label": sector.label, "count": counts.get(sector.value, 0)} for sector in Sector]
