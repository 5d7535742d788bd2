"""The allocator: every step in order, from the requests to the proposal and its report."""

from collections.abc import Sequence

from eolc.allocation.engine.baseline import _first_come
from eolc.allocation.engine.data import Person, Progress, Result, Session, _Instance, _silent
from eolc.allocation.engine.exact import EXACT_MAX_CHOICES, _refine_exactly
from eolc.allocation.engine.flow import _MixModel
from eolc.allocation.engine.local_search import _earlier_first, _improve_secondary
from eolc.allocation.engine.reports import _rule_reports
from eolc.allocation.engine.scoring import metrics, session_mix


def allocate(sessions: Sequence[Session], people: Sequence[Person], progress: Progress = _silent) -> Result:
    """Propose who goes where; see the package docstring for the priorities.

    `progress(percent, phase)` is called as each phase starts, for a progress bar.
    """
    progress(0, "Reading the requests")
    instance = _Instance(sessions, people)
    sessions, people_by_id, pinned = instance.sessions, instance.people_by_id, instance.pinned
    progress(10, "Placing the most people in the most mixed sessions")
    model = _MixModel(instance)
    people_index, session_index = model.solve(progress)
    placements = {
        instance.free_people[i].id: sessions[j].id
        for i, j in zip(people_index.tolist(), session_index.tolist(), strict=True)
    }
    bound = len(placements) + len(pinned)
    progress(60, "Giving places to earlier requests")
    placements = _earlier_first(placements, instance, model)
    progress(70, "Mixing job roles and areas")
    placements = _improve_secondary(placements, instance, model)
    if 0 < len(instance.arc_person) <= EXACT_MAX_CHOICES:
        progress(78, "Checking the role and area mix against an exact model")
        placements = _refine_exactly(placements, instance, model)
    placements = {**pinned, **placements}
    progress(85, "Working out first come, first served")
    unplaced = [p.id for p in instance.ordered if p.id not in placements]
    mix = session_mix(sessions, people_by_id, placements)
    baseline = _first_come(instance)
    baseline_mix = session_mix(sessions, people_by_id, baseline)
    progress(95, "Scoring the mix")
    result = Result(
        placements=placements,
        unplaced=unplaced,
        mix=mix,
        baseline=baseline,
        baseline_unplaced=[p.id for p in instance.ordered if p.id not in baseline],
        baseline_mix=baseline_mix,
        max_placeable=bound,
        reports=_rule_reports(sessions, people, people_by_id, mix, pinned),
        score=metrics(sessions, people, mix, bound),
        baseline_score=metrics(sessions, people, baseline_mix, bound),
    )
    progress(100, "Done")
    return result
