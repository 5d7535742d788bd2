"""Plain data in and out of the allocator, and the input prepared once as arrays for the solvers."""

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Session:
    id: Hashable
    capacity: int
    label: str = ""
    min_sectors: int | None = None
    max_sector_share: float | None = None
    pinned: tuple = ()

    @property
    def name(self) -> str:
        return self.label or f"Session {self.id}"


@dataclass(frozen=True)
class Person:
    id: Hashable
    sector: str
    available: tuple
    requested_at: object = 0
    role: str = ""
    area: str = ""


@dataclass
class Result:
    placements: dict  # person id -> session id
    unplaced: list  # person ids, earliest request first
    mix: dict  # session id -> {"sector": {...}, "role": {...}, "area": {...}}
    baseline: dict  # first come, first served: person id -> session id
    baseline_unplaced: list
    baseline_mix: dict
    max_placeable: int
    reports: list = field(default_factory=list)
    score: dict = field(default_factory=dict)
    baseline_score: dict = field(default_factory=dict)


Progress = Callable[[int, str], None]


def _silent(percent: int, phase: str) -> None:
    """The default progress callback: nobody is watching."""


def _order(people: Sequence[Person]) -> list[Person]:
    """Earliest request first; the person id breaks ties so the order never depends on input order."""
    return sorted(people, key=lambda p: (p.requested_at, str(p.id)))


def _pins(sessions, people_by_id):
    """person id -> session id for pinned people; a person pinned twice keeps the first pin."""
    pinned = {}
    for session in sessions:
        for pid in session.pinned:
            if pid in people_by_id and pid not in pinned:
                pinned[pid] = session.id
    return pinned


class _Instance:
    """The input as arrays: free people in request order, the sessions each could attend, sector
    codes and what pinned people already take. Built once; both flow models read it."""

    def __init__(self, sessions, people):
        self.sessions = sorted(sessions, key=lambda s: str(s.id))
        self.ordered = _order(people)
        self.people_by_id = {p.id: p for p in people}
        self.pinned = _pins(self.sessions, self.people_by_id)
        self.session_index = {s.id: j for j, s in enumerate(self.sessions)}
        self.sector_names = sorted({p.sector for p in self.ordered})
        sector_code = {name: c for c, name in enumerate(self.sector_names)}
        self.free_people = [p for p in self.ordered if p.id not in self.pinned]
        index = self.session_index
        rows = [[index[sid] for sid in dict.fromkeys(p.available) if sid in index] for p in self.free_people]
        self.rows = rows  # each free person's sessions, as indices, in the order they listed them
        self.row_of = {p.id: row for p, row in zip(self.free_people, rows, strict=True)}
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        n_arcs = int(lengths.sum())
        self.arc_session = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=n_arcs)
        self.arc_person = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        self.person_sector = np.fromiter(
            (sector_code[p.sector] for p in self.free_people), dtype=np.int64, count=len(rows)
        )
        n_sessions, n_sectors = len(self.sessions), max(1, len(self.sector_names))
        self.n_sectors = n_sectors
        self.pinned_count = np.zeros(n_sessions * n_sectors, dtype=np.int64)
        for pid, sid in self.pinned.items():
            self.pinned_count[index[sid] * n_sectors + sector_code[self.people_by_id[pid].sector]] += 1
        capacity = np.fromiter((s.capacity for s in self.sessions), dtype=np.int64, count=n_sessions)
        pinned_per_session = self.pinned_count.reshape(n_sessions, n_sectors).sum(axis=1)
        self.free = np.maximum(0, capacity - pinned_per_session)
