"""Personal data in imports (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import StaffRecord

PERSONAL_DATA = {
    # The staged rows can hold other people's details until the batch is confirmed; they are the
    # uploader's working copy, not data about the uploader.
    "imports.ImportBatch": StaffRecord(links=("uploaded_by",), why="a staff upload of records to import"),
}
