"""Personal data in scenarios (see eolc/privacy/registry.py). Learners leave none: what they choose
is kept only as counts. The only link to a person is the staff member who wrote a scenario."""

from eolc.privacy.registry import StaffRecord

PERSONAL_DATA = {
    "scenarios.Scenario": StaffRecord(links=("created_by",), why="published learning material"),
}
