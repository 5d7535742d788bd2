"""Personal data in the champions network (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    "champions.InvitationSource": StaffRecord(
        links=("created_by",), why="a tracked invitation link made by staff"
    ),
    "champions.Champion": About(
        person="person",
        export=(
            *("network", "status", "motivations", "statement", "phone", "job_title", "bio"),
            *("joined_at", "activated_at", "left_at"),
        ),
        blank=("motivations", "statement", "phone", "job_title", "bio"),
        links={"approved_by": "the administrator who approved them"},
    ),
    # The consent ledger is append-only (ADR 015): it stays, linked to the anonymous account.
    "champions.ConsentRecord": About(
        person="champion__person",
        export=("field", "audience", "granted", "wording_version", "method", "recorded_at"),
        links={"recorded_by": "who recorded it on the champion's behalf"},
    ),
    "champions.ContactMessage": About(
        person="sender",
        export=("network", "recipient", "body", "share_address", "created_at"),
        blank=("body",),
        links={"recipient": "the champion written to; the sender's download holds the message"},
    ),
    "champions.Thread": About(
        person="author", export=("network", "category", "title", "created_at"), blank=("title",)
    ),
    "champions.Post": About(
        person="author",
        export=("thread", "body", "created_at"),
        blank=("body",),
        links={"hidden_by": "the moderator"},
    ),
    "champions.Report": About(
        person="reporter",
        export=("post", "reason", "created_at"),
        blank=("reason",),
        links={"resolved_by": "the moderator"},
    ),
    "champions.NoticeboardPreference": About(
        person="person", export=("network", "frequency"), delete_rows=True
    ),
    "champions.GroupMembership": About(
        person="person", export=("programme", "group", "created_at"), links={"added_by": "the administrator"}
    ),
    "champions.Consultation": StaffRecord(
        links=("opened_by", "decided_by"), why="a draft sent for comment by the programme team"
    ),
    "champions.ConsultationResponse": About(
        person="person", export=("consultation", "stance", "comment", "created_at"), blank=("comment",)
    ),
}
