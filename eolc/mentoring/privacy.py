"""Personal data in mentoring (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

PERSONAL_DATA = {
    "mentoring.Mentor": About(
        person="person",
        export=("programme", "status", "capacity", "work_settings", "experience", "applied_at", "decided_at"),
        blank=("experience",),
        links={"decided_by": "the administrator who decided"},
    ),
    "mentoring.Mentee": About(
        person="person",
        export=("part", "status", "times", "online_ok", "work_setting", "group", "created_at"),
    ),
    # Notes are the mentor's words about a group's meetings; the mentor's download holds them.
    "mentoring.SessionNote": About(
        person="author", export=("group", "meeting", "text", "created_at"), blank=("text",)
    ),
    "mentoring.Feedback": About(
        person="person", export=("meeting", "useful", "comment", "created_at"), blank=("comment",)
    ),
}
