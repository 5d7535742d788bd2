"""Personal data in reports (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import StaffRecord

PERSONAL_DATA = {
    "reports.LearningPoints": StaffRecord(
        links=("updated_by",), why="a programme's learning points, written by its team"
    ),
}
