"""Personal data in the library (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    "library.Resource": StaffRecord(links=("created_by",), why="published learning material"),
    "library.SessionPlan": StaffRecord(links=("created_by",), why="a trainer's published session plan"),
    "library.PlanSection": StaffRecord(links=(), why="part of a session plan; its notes are for trainers"),
    "library.DeliveredSession": About(
        person="trainer",
        export=("programme", "plan", "delivered_on", "area", "venue"),
        not_personal={"venue": "where a public session was held"},
    ),
}
