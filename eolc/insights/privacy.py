"""Personal data in insights (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    # A contribution's words are the contributor's: erasure empties them, and the row stays so that
    # theme and key message counts do not change.
    "insights.Contribution": About(
        person="contributor",
        export=("programme", "event", "kind", "text", "barrier", "sector", "consent", "status", "created_at"),
        blank=("text",),
        links={"entered_by": "the facilitator who typed it in", "reviewed_by": "the reviewer"},
        not_personal={"flagged": "a moderation flag"},
    ),
    "insights.Theme": StaffRecord(links=("created_by",), why="a theme named by the programme team"),
    "insights.SuggestionRun": StaffRecord(
        links=("created_by",), why="machine-suggested clusters of contribution ids"
    ),
    "insights.KeyMessage": StaffRecord(links=("created_by",), why="a published key message"),
    "insights.KeyMessageVersion": StaffRecord(
        links=("published_by",), why="a published version of a key message"
    ),
    "insights.PracticeExample": About(
        person="submitted_by",
        export=(
            *("title", "category", "summary", "outcomes", "other_organisations"),
            *("contact_name", "contact_email", "contact_consent", "status", "review_note", "created_at"),
        ),
        blank=("contact_name", "contact_email"),
        links={"reviewed_by": "the reviewer"},
    ),
}
