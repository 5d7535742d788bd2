"""What the import pages show: the columns each kind of file has, and the preview table rows."""

from eolc.imports.models import ImportKind
from eolc.imports.services import CREATE, ERROR, UNCHANGED, UPDATE

COLUMNS = {
    ImportKind.PEOPLE: {
        "email": "Email",
        "full_name": "Full name",
        "sector": "Sector",
        "job_role": "Job role",
        "organisation": "Organisation",
        "area": "Area",
        "role": "Role",
    },
    ImportKind.ATTENDANCE: {"email": "Email", "event": "Event", "attended": "Attended"},
}

SAMPLE_ROWS = {
    ImportKind.PEOPLE: [
        ["amara.okoye@example.org", "Amara Okoye", "Health", "District nurse", "", "Camden", "Learner"],
        ["tom.reilly@example.org", "Tom Reilly", "Social care", "Social worker", "", "Islington", "Champion"],
    ],
    ImportKind.ATTENDANCE: [
        ["amara.okoye@example.org", "Working together at the end of life: Camden", "yes"],
        ["tom.reilly@example.org", "Working together at the end of life: Camden", "no"],
    ],
}

_STATUS = {
    CREATE: ("To add", "nhsuk-tag--green"),
    UPDATE: ("To update", "nhsuk-tag--blue"),
    UNCHANGED: ("No change", "nhsuk-tag--grey"),
    ERROR: ("Problem", "nhsuk-tag--red"),
}


def preview_rows(kind, plans) -> list[dict]:
    rows = []
    for plan in plans:
        label, tag = _STATUS[plan.action]
        rows.append(
            {
                "row": plan.row,
                "cells": [plan.values.get(name, "") for name in COLUMNS[kind]],
                "status": label,
                "tag": tag,
                "notes": plan.errors or plan.changes,
                "is_error": bool(plan.errors),
            }
        )
    return rows
