"""Personal data in allocation (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    "allocation.RequestRound": StaffRecord(
        links=("created_by",), why="a round organisers open over sessions"
    ),
    "allocation.PlaceRequest": About(
        person="person",
        export=("round", "created_at"),
        links={"requested_by": "the organiser who asked on the person's behalf"},
    ),
    "allocation.Allocation": StaffRecord(
        links=("created_by", "confirmed_by"), why="a proposal of groups; its result holds ids, not names"
    ),
}
