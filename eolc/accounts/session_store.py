"""Database sessions read and rewritten with one statement of our own each.

Every signed-in request reads its session, and building that SELECT with the ORM cost about as
much Python as the rest of a small page's own work; the SQL is ours, as for generation stamps
(eolc/core/stamps.py). Django's store also wraps each save in a transaction so that creating a
session under a key already taken can be told apart. Rewriting an existing row needs no such care:
one UPDATE is atomic on its own, where the BEGIN and COMMIT around it were two of the round trips
of each booking, and of the page after it that shows and clears the booking's message. Creating a
session is left to Django's store.

The session is read in the same round trip as the request's generation stamps (`stamps.read_with`),
the person's own among them: which person that is, the process remembers from the session's last
read here. The person signed in is still whoever the session itself names; a wrong or missing
guess costs only a second round trip for their stamps.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from eolc.core import stamps

_TABLE = connection.ops.quote_name(Session._meta.db_table)
# Two columns, as `stamps.read_with` asks: its first is never a stamp's key.
_SELECT = f"SELECT '', session_data FROM {_TABLE} WHERE session_key = %s AND expire_date > %s"  # noqa: S608
_UPDATE = f"UPDATE {_TABLE} SET session_data = %s, expire_date = %s WHERE session_key = %s"  # noqa: S608


# Session key -> the person it named when last read in this process; emptied when it grows large.
_person_of: dict[str, str] = {}
_PEOPLE_KEPT = 10_000


def _when(moment):
    """As the ORM would send a DateTimeField's value (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(moment)


class SessionStore(DatabaseSessionStore):
    def load(self):
        key = self.session_key
        rows = stamps.read_with(_SELECT, [key, _when(timezone.now())], person_id=_person_of.get(key))
        if not rows:  # unknown or expired: a new key is made if anything is stored
            self._session_key = None
            return {}
        data = self.decode(rows[0][1])
        person_id = data.get(SESSION_KEY)
        if person_id is not None and key is not None:
            if len(_person_of) >= _PEOPLE_KEPT:
                _person_of.clear()
            _person_of[key] = person_id
        return data

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        data = self.encode(self._get_session(no_load=False))
        with connection.cursor() as cursor:
            cursor.execute(_UPDATE, [data, _when(self.get_expiry_date()), self.session_key])
            updated = cursor.rowcount
        if not updated:  # deleted meanwhile (signed out in another tab): as Django's own store says
            raise UpdateError
