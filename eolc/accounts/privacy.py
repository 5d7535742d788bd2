"""Personal data in accounts (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About

PERSONAL_DATA = {
    "accounts.User": About(
        person="pk",
        export=(
            *("email", "full_name", "job_role", "sector", "work_setting", "organisation", "area"),
            *("time_zone", "date_joined", "last_login", "deletion_requested_at", "deletion_reason"),
        ),
        # Name and address are replaced by the erasure itself; sector, role and area stay for counts.
        blank=("deletion_reason", "organisation"),
        not_personal={"password": "a one-way hash, replaced by an unusable one at erasure"},
    ),
    "accounts.ApiToken": About(
        person="user", export=("created_at", "last_used_at", "revoked_at"), delete_rows=True
    ),
}
