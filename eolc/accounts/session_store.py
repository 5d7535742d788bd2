"""Database sessions read and rewritten with one statement of our own each.

Every signed-in request reads its session, and building that SELECT with the ORM cost about as
much Python as the rest of a small page's own work; the SQL is ours, as for generation stamps
(eolc/core/stamps.py). Django's store also wraps each save in a transaction so that creating a
session under a key already taken can be told apart. Rewriting an existing row needs no such care:
one UPDATE is atomic on its own, where the BEGIN and COMMIT around it were two of the round trips
of each booking, and of the page after it that shows and clears the booking's message. Creating a
session is left to Django's store.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

_TABLE = connection.ops.quote_name(Session._meta.db_table)
_SELECT = f"SELECT session_data FROM {_TABLE} WHERE session_key = %s AND expire_date > %s"  # noqa: S608
_UPDATE = f"UPDATE {_TABLE} SET session_data = %s, expire_date = %s WHERE session_key = %s"  # noqa: S608


def _when(moment):
    """As the ORM would send a DateTimeField's value (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(moment)


class SessionStore(DatabaseSessionStore):
    def load(self):
        with connection.cursor() as cursor:
            cursor.execute(_SELECT, [self.session_key, _when(timezone.now())])
            row = cursor.fetchone()
        if row is None:  # unknown or expired: a new key is made if anything is stored
            self._session_key = None
            return {}
        return self.decode(row[0])

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        data = self.encode(self._get_session(no_load=False))
        with connection.cursor() as cursor:
            cursor.execute(_UPDATE, [data, _when(self.get_expiry_date()), self.session_key])
            updated = cursor.rowcount
        if not updated:  # deleted meanwhile (signed out in another tab): as Django's own store says
            raise UpdateError
