"""The mixed-group allocator: who goes to which session, as a pure function of plain data.

No Django here, so it can be tested exhaustively, benchmarked and run in a worker.

Order of priorities (lexicographic; ADR 012 explains the model):

1. Hard: capacity, availability, at most one session per person, pinned people stay put.
2. Place as many people as possible.
3. Per-session rules ("at least 3 sectors", "no sector above 50%") where they can be met.
4. Sector mix: each extra person of a sector already in a session counts for less (a concave
   utility), which makes the problem a convex-cost network flow:
   person -> (session, sector) -> session -> sink, where the k-th unit through the
   (session, sector) node costs k. OR-Tools' min-cost flow solves 2-4 exactly in one call.
5. Secondary mix by job role and area: swaps, moves to a free place and replacements by an
   unplaced person, each taken only when the sector cost (and the number placed) is unchanged.
6. Fairness: earlier requests win ties. Before the role and area steps, an unplaced person takes
   the place of a later request whenever that costs nothing above; in the steps, the latest
   request is the one that gives way.

Steps 1-4 are exact. Steps 5 and 6 are local searches (good, not proven best); on rounds of up to
400 (person, session) choices an exact step follows them: CP-SAT finds the best role and area mix
among every allocation that keeps steps 1-4, then the earliest requests (the sum of request ranks),
within a deterministic work limit that small rounds never reach.

The result is deterministic for the same input, whatever order it comes in.

One module per concept: `data` (input, result, the prepared instance), `flow` (steps 1-4),
`local_search` (steps 5 and 6), `exact` (steps 5 and 6 on small rounds), `baseline` (first come,
first served), `scoring`, `reports` (rules not met) and `allocator` (`allocate`, every step in
order). The public names are re-exported here.
"""

from eolc.allocation.engine.allocator import allocate  # noqa: F401
from eolc.allocation.engine.baseline import first_come_first_served  # noqa: F401
from eolc.allocation.engine.data import (  # noqa: F401
    Person,
    Progress,
    Result,
    Session,
)
from eolc.allocation.engine.flow import max_placeable  # noqa: F401
from eolc.allocation.engine.scoring import (  # noqa: F401
    metrics,
    sector_cost,
    session_mix,
)
