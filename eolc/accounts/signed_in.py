"""The signed-in person's account row, kept in each process's memory under their own stamp.

Every signed-in request loads the person behind its session; building that query cost about as
much as a whole bare request. The row is kept in the "local-small" cache under the person's stamp
(`PERSON_STAMP`, eolc/core/stamps.py), which any save or delete of their account moves once it
commits, and which the request reads in the same round trip as every other stamp. A password
change, a closed or erased account or a new staff flag therefore reach every app server on the
next request: Django checks the session's password hash and `is_active` against the row it gets
from here. The session itself is never kept: signing out still ends it at once (ADR 023).
Their memberships are kept under the same stamp (eolc/programmes/access/roles.py).
"""

from django.contrib.auth import get_user_model

from eolc.core.stamps import PersonStamp, kept

PERSON_STAMP = PersonStamp("accounts:person")
TIMEOUT_SECONDS = 300


def account_of(person_id):
    """The person's account as the database has it, or None when there is no such person."""
    if PERSON_STAMP.changing():
        return _read(person_id)
    key = f"accounts:person:{PERSON_STAMP.value_of(person_id)}:{person_id}"
    return kept(key, lambda: _read(person_id), timeout=TIMEOUT_SECONDS)


def _read(person_id):
    model = get_user_model()
    try:
        return model._default_manager.get(pk=person_id)
    except model.DoesNotExist:
        return None
