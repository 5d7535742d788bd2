"""First come, first served: what a booking system would do, to compare the proposal with."""

from collections.abc import Sequence

from eolc.allocation.engine.data import Person, Session, _Instance


def _first_come(instance: _Instance) -> dict:
    """First come, first served on a prepared instance (see `first_come_first_served`)."""
    free = instance.free.tolist()
    placements = dict(instance.pinned)
    session_ids = [s.id for s in instance.sessions]
    for person, row in zip(instance.free_people, instance.rows, strict=True):
        for j in row:
            if free[j] > 0:
                free[j] -= 1
                placements[person.id] = session_ids[j]
                break
    return placements


def first_come_first_served(sessions: Sequence[Session], people: Sequence[Person]) -> dict:
    """What a booking system does: pinned people first, then each person in request order takes
    the first session they listed that still has a place."""
    return _first_come(_Instance(sessions, people))
