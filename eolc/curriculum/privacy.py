"""Personal data in the curriculum (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

STAFF = "the administrator who did it; stays, anonymous once they are erased"

PERSONAL_DATA = {
    "curriculum.Enrolment": About(
        person="person", export=("part", "enrolled_at"), links={"enrolled_by": STAFF}
    ),
    "curriculum.ActivityProgress": About(
        person="person",
        export=("activity", "status", "draft", "answer", "score", "passed", "attempts", "completed_at"),
        blank=("draft", "answer"),
    ),
    # Completions are the CE record and feed every report: they stay, linked to the anonymous account.
    "curriculum.Completion": About(
        person="person", export=("part", "completed_on", "source", "ce_hours"), links={"recorded_by": STAFF}
    ),
    "curriculum.Certificate": About(
        person="completion__person",
        export=("code", "issued_at", "accrediting_body", "approval_number", "revoked_at", "revoked_reason"),
        links={"revoked_by": STAFF},
    ),
    "curriculum.Reflection": About(
        person="person", export=("part", "activity", "text", "created_at"), blank=("text",)
    ),
}
