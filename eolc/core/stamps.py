"""Generation stamps: a short value in the shared cache that a change moves, so what each process
keeps in its own memory under it is dropped on every app server at once.

A stamp is part of the key of the entries it guards; once a change commits, the stamp moves and the
next request misses and loads afresh. The stamp lives in the shared cache (the database cache
table, or Redis) so every process reads the same value; the entries it guards live in the
per-process "local" cache, where reading them back costs next to nothing.

Within a request (the `remember_stamps` middleware) the first stamp asked for reads every stamp in
one round trip, and later questions are answered from that; a stamp the request itself moves is
read afresh. Until its change commits, the transaction that made it should not use what is kept
(`Stamp.changing`): it would read the state before its own change.
"""

import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

_stamps: dict[str, "Stamp"] = {}
_remembered: ContextVar[dict | None] = ContextVar("remembered_stamps", default=None)


@contextmanager
def stamps_remembered():
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def _read(keys) -> dict[str, str]:
    values = cache.get_many(keys)
    for key in set(keys) - values.keys():
        cache.add(key, str(time.time_ns()), None)
        values[key] = cache.get(key)
    return values


class Stamp:
    def __init__(self, key: str):
        self.key = key
        self._pending = threading.local()  # this thread moved it in a transaction not yet committed
        _stamps[key] = self

    def value(self) -> str:
        remembered = _remembered.get()
        if remembered is None:
            return _read([self.key])[self.key]
        if self.key not in remembered:
            remembered.update(_read(list(_stamps)))
        return remembered[self.key]

    def move(self, **kwargs) -> None:
        """Moved once the change commits: written inside the change's transaction, the one stamp row
        would stay locked until commit and every change on the site would queue on it."""

        def moved():
            self._pending.active = False
            cache.set(self.key, str(time.time_ns()), None)
            remembered = _remembered.get()
            if remembered is not None:
                remembered.pop(self.key, None)

        if connection.in_atomic_block:
            self._pending.active = True
        transaction.on_commit(moved)

    def changing(self) -> bool:
        """Whether this thread's open transaction has moved the stamp (outside a transaction, its
        changes have all committed or rolled back)."""
        if not connection.in_atomic_block:
            self._pending.active = False
        return getattr(self._pending, "active", False)

    def follow(self, *models) -> None:
        """Move on every save and delete of these models; for a many-to-many `through` model, on
        every change to the relation too (adding and removing send no save or delete)."""
        for model in models:
            label = f"{self.key}:{model._meta.label}"
            post_save.connect(self.move, sender=model, weak=False, dispatch_uid=f"{label}:save")
            post_delete.connect(self.move, sender=model, weak=False, dispatch_uid=f"{label}:delete")
            if model._meta.auto_created:
                m2m_changed.connect(self.move, sender=model, weak=False, dispatch_uid=f"{label}:m2m")
