"""Personal data in action plans (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    "action_plans.ActionPlan": About(
        person="owner",
        export=("event", "title", "share_with_buddy", "share_with_facilitators", "created_at", "closed_at"),
        blank=("title",),
        not_personal={"reminder_weeks": "when reminders go out"},
    ),
    "action_plans.Action": About(
        person="plan__owner",
        export=(
            "position",
            "description",
            "due_date",
            "partners",
            "support_needed",
            "barrier",
            "category",
            "status",
        ),
        blank=("description", "partners", "support_needed", "barrier"),
    ),
    "action_plans.ProgressUpdate": About(
        person="action__plan__owner",
        export=("status", "note", "stuck_reasons", "stuck_other", "via_link", "created_at"),
        blank=("note", "stuck_other"),
    ),
    "action_plans.BuddyRequest": About(person="person", export=("event", "created_at"), delete_rows=True),
    "action_plans.BuddyPair": About(
        person="first",
        export=("event", "second", "created_at", "ended_at"),
        links={"second": "the buddy; their own download lists the pair", "ended_by": "who ended the pairing"},
    ),
    "action_plans.PlanTemplate": StaffRecord(
        links=("updated_by",), why="suggestions written by an event's team"
    ),
}
