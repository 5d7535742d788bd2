"""Generation stamps: a short value in the database that a change moves, so what each process
keeps in its own memory under it is dropped on every app server at once.

A stamp is part of the key of the entries it guards; once a change commits, the stamp moves and the
next request misses and loads afresh. The stamp lives in the database (`StampValue`) so every
process reads the same value; the entries it guards live in the per-process "local" cache, where
reading them back costs next to nothing. Every stamp a transaction moved is written, once it
commits, in one statement.

Within a request (the `remember_stamps` middleware) the first stamp asked for reads every stamp, and
the signed-in person's own (`PersonStamp`), in one round trip, together with any one object's own
stamps (`ObjectStamp`) asked for at the same time (`current`); later questions are answered from
that; a stamp the request itself moves is read afresh. Until its change commits, the transaction
that made it should not use what is kept (`Stamp.changing`): it would read the state before its
own change.
"""

import itertools
import re
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from eolc.core.models import StampValue

_stamps: dict[str, "Stamp"] = {}
_person_stamps: dict[str, "PersonStamp"] = {}
_remembered: ContextVar[dict | None] = ContextVar("remembered_stamps", default=None)
# Whose per-person stamps the request's one read includes: a function, as the user loads lazily.
_reader: ContextVar = ContextVar("stamp_reader", default=lambda: None)
# The request's path, and the object stamps that the pages at some paths ask for (`read_with_path`).
_path: ContextVar[str] = ContextVar("stamp_path", default="")
_path_keys: list = []
# The stamps this thread's open transaction moved: key -> (the move's number, the `pending` of the
# stamp it belongs to), written together when it commits.
_moving = threading.local()
_move_numbers = itertools.count()


@contextmanager
def stamps_remembered(person_id=lambda: None, path=""):
    """`person_id()` names the signed-in person, whose per-person stamps come in the same read, as
    do the object stamps the page at `path` asks for."""
    token, reader, at = _remembered.set({}), _reader.set(person_id), _path.set(path)
    try:
        yield
    finally:
        _remembered.reset(token)
        _reader.reset(reader)
        _path.reset(at)


def read_with_path(pattern: str, keys) -> None:
    """Pages at paths matching `pattern` ask for the object stamps `keys(match)`: read them with
    the request's first read. A signed-in request's first is the person's own stamp, asked for
    before the page can name its object; without this, the object's stamps took a second read."""
    _path_keys.append((re.compile(pattern), keys))


def _keys_for_path(path: str) -> list[str]:
    for pattern, keys in _path_keys:
        found = pattern.match(path)
        if found:
            return keys(found)
    return []


def _unread(remembered: dict, person_id) -> list[str]:
    """Every stamp the request may ask for that it has not read yet: all shared ones, the person's
    own and those of the page at the request's path."""
    keys = list(_stamps)
    if person_id is not None:
        keys += [stamp.key(person_id) for stamp in _person_stamps.values()]
    keys += _keys_for_path(_path.get())
    return [key for key in keys if key not in remembered]


def _remembered_values(keys: list[str]) -> list[str]:
    remembered = _remembered.get()
    if remembered is None:
        values = _read(keys)
        return [values[key] for key in keys]
    missing = [key for key in keys if key not in remembered]
    if missing:  # read with it whatever else the request may ask for
        missing = list(dict.fromkeys(missing + _unread(remembered, _reader.get()())))
        remembered.update(_read(missing))
    return [remembered[key] for key in keys]


def read_with(sql: str, params: list, *, person_id=None) -> list[tuple]:
    """The rows of `sql`, fetched in the same round trip as the stamps the request will ask for,
    those of `person_id` among them: the signed-in request's session is read this way, with the
    person it named last time (eolc/accounts/session_store.py). `sql` selects two text columns, the
    first never a stamp's key, and ends without ORDER BY or LIMIT. Outside a request, or once its
    stamps are read, it runs alone. A wrong `person_id` costs only the right person's stamps being
    read when first asked for."""
    remembered = _remembered.get()
    keys = [] if remembered is None else _unread(remembered, person_id)
    if keys:
        sql = f"{sql} UNION ALL {_select_sql(keys)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *keys])
        rows = cursor.fetchall()
    if not keys:
        return rows
    wanted = set(keys)
    # A stamp without a row yet is made when it is first asked for (`_read`).
    remembered.update((key, value) for key, value in rows if key in wanted)
    return [row for row in rows if row[0] not in wanted]


def _remembered_value(key: str) -> str:
    return _remembered_values([key])[0]


_MISSING = object()


def kept(key: str, load, *, timeout: int, alias: str = "local-small"):
    """What `load()` returns, kept in this process's memory under `key`, which holds the values of
    the stamps guarding it; None is kept too. Callers load afresh instead while their own
    transaction has moved one of those stamps (`changing`)."""
    local = caches[alias]
    found = local.get(key, _MISSING)
    if found is _MISSING:
        found = load()
        local.set(key, found, timeout)
    return found


def current(*keys: str) -> list[str]:
    """The values of several stamps' keys, read together with whatever the request has not read
    yet: an object's own stamps (`ObjectStamp.key`) cost no extra round trip when asked for with
    the others."""
    return _remembered_values(list(keys))


def _move(key: str, pending) -> None:
    """Moved once the change commits: written inside the change's transaction, the one stamp row
    would stay locked until commit and every change on the site would queue on it.

    Each move asks to be written on commit, and the first of its transaction's to run writes it
    with every stamp moved after it: those moves' own writes run after it, or their savepoints
    were rolled back (an extra move costs only a fresh load). A move before it whose write has
    not run was rolled back, so it is left out."""
    outermost = connection.atomic_blocks[0] if connection.in_atomic_block else None
    if outermost is not None:
        pending.transaction = outermost
    if outermost is None or getattr(_moving, "transaction", None) is not outermost:
        _moving.transaction, _moving.keys = outermost, {}  # what an earlier rollback left is dropped
    number = next(_move_numbers)
    _moving.keys[key] = (number, pending)
    transaction.on_commit(lambda: _write_moved(number))


def _write_moved(since: int) -> None:
    keys = getattr(_moving, "keys", {})
    moved = {key: pending for key, (number, pending) in keys.items() if number >= since}
    if not moved:  # written with an earlier move
        return
    for key, pending in moved.items():
        del keys[key]
        pending.transaction = None
    _write(sorted(moved), "DO UPDATE SET value = excluded.value")
    remembered = _remembered.get()
    if remembered is not None:
        for key in moved:
            remembered.pop(key, None)


def _changing(pending) -> bool:
    """Whether this thread's open transaction moved the stamp: the outermost atomic block is the
    one it was moved in (a transaction rolled back since then has been replaced by another)."""
    return connection.in_atomic_block and getattr(pending, "transaction", None) is connection.atomic_blocks[0]


def _follow_saves_and_deletes(move, name: str, model) -> str:
    label = f"{name}:{model._meta.label}"
    post_save.connect(move, sender=model, weak=False, dispatch_uid=f"{label}:save")
    post_delete.connect(move, sender=model, weak=False, dispatch_uid=f"{label}:delete")
    return label


# Every request reads stamps, and a change writes them: SQL of our own (the same on SQLite and
# PostgreSQL) costs a third of the Python work of building it with the ORM.
_TABLE = connection.ops.quote_name(StampValue._meta.db_table)
_CHUNK = 500  # rows in one statement, well within either database's limit on parameters


def _read(keys) -> dict[str, str]:
    values = _select(keys)
    missing = set(keys) - values.keys()
    if missing:  # made by the first request to ask; of two at once, the first insert wins
        _write(sorted(missing), "DO NOTHING")
        values.update(_select(missing))
    return values


def _select_sql(keys) -> str:
    marks = ", ".join(["%s"] * len(keys))
    return f"SELECT key, value FROM {_TABLE} WHERE key IN ({marks})"  # noqa: S608


def _select(keys) -> dict[str, str]:
    keys = list(keys)
    with connection.cursor() as cursor:
        cursor.execute(_select_sql(keys), keys)
        return dict(cursor.fetchall())


def _write(keys: list[str], on_conflict: str) -> None:
    """One new value for all of `keys`, in key order: two writes locking the same rows in
    different orders could deadlock."""
    value = str(time.time_ns())
    with connection.cursor() as cursor:
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            rows = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {_TABLE} (key, value) VALUES {rows} ON CONFLICT (key) {on_conflict}",  # noqa: S608
                [part for key in chunk for part in (key, value)],
            )


class Stamp:
    def __init__(self, key: str):
        self.key = key
        self._pending = threading.local()  # this thread moved it in a transaction not yet committed
        _stamps[key] = self

    def value(self) -> str:
        return _remembered_value(self.key)

    def move(self, **kwargs) -> None:
        _move(self.key, self._pending)

    def changing(self) -> bool:
        """Whether this thread's open transaction has moved the stamp (outside a transaction, its
        changes have all committed or rolled back)."""
        return _changing(self._pending)

    def follow(self, *models) -> None:
        """Move on every save and delete of these models; for a many-to-many `through` model, on
        every change to the relation too (adding and removing send no save or delete)."""
        for model in models:
            label = _follow_saves_and_deletes(self.move, self.key, model)
            if model._meta.auto_created:
                m2m_changed.connect(self.move, sender=model, weak=False, dispatch_uid=f"{label}:m2m")


class PersonStamp:
    """A stamp for each person, moved by changes to that person's own rows: one learner's progress
    does not drop what is kept for everyone else."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self._pending = threading.local()
        _person_stamps[prefix] = self

    def key(self, person_id) -> str:
        return f"{self.prefix}:{person_id}"

    def value(self, person) -> str:
        return self.value_of(person.pk)

    def value_of(self, person_id) -> str:
        return _remembered_value(self.key(person_id))

    def move(self, person_id) -> None:
        """Moved once the change commits; for writes that send no signals (`bulk_update`)."""
        _move(self.key(person_id), self._pending)

    def changing(self) -> bool:
        """Whether this thread's open transaction has moved any person's stamp."""
        return _changing(self._pending)

    def follow(self, *models, person: str = "person_id") -> None:
        """Move a person's stamp on every save and delete of these models' rows about them;
        `person` names the field holding the person's id ("pk" for the people themselves)."""

        def move(*, instance, **kwargs):
            self.move(getattr(instance, person))

        for model in models:
            _follow_saves_and_deletes(move, self.prefix, model)


class ObjectStamp:
    """A stamp for each object of one kind, moved by changes that concern that object: an edit to
    one event drops what is kept for that event, not for every event. What moves it is wired by
    the app that knows which objects a change concerns (`move_for`)."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self._pending = threading.local()

    def key(self, pk) -> str:
        return f"{self.prefix}:{pk}"

    def value(self, pk) -> str:
        return _remembered_value(self.key(pk))

    def move_for(self, pks) -> None:
        for pk in set(pks):
            _move(self.key(pk), self._pending)
