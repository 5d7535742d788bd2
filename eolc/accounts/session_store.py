"""Database sessions whose every save after the first is a single UPDATE.

Django's database store wraps each save in a transaction so that creating a session under a key
already taken can be told apart. Rewriting an existing row needs no such care: one UPDATE is
atomic on its own. Under load the BEGIN and COMMIT around it were two of the round trips of each
booking, and of the page after it that shows and clears the booking's message.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        data = self._get_session(no_load=False)
        updated = self.model._default_manager.filter(session_key=self.session_key).update(
            session_data=self.encode(data), expire_date=self.get_expiry_date()
        )
        if not updated:  # deleted meanwhile (signed out in another tab): as Django's own store says
            raise UpdateError
