"""Personal data in events (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

STAFF = "the organiser who did it; stays, anonymous once they are erased"

PERSONAL_DATA = {
    "events.Event": StaffRecord(
        links=("created_by", "facilitators"),
        why="an event is published content, not data about its organisers",
    ),
    "events.Registration": About(
        person="person",
        export=(
            "event",
            "series",
            "status",
            "access_needs",
            "hopes",
            "created_at",
            "confirmed_at",
            "cancelled_at",
        ),
        blank=("access_needs", "hopes"),
        links={"registered_by": STAFF},
    ),
    "events.Attendance": About(
        person="person", export=("event", "attended", "recorded_at"), links={"recorded_by": STAFF}
    ),
    "events.CalendarFeed": About(person="person", export=("created_at",), delete_rows=True),
}
