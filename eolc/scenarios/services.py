"""Writes for scenarios: editing the story, checking it can be played, and counting what learners do.

Counts are plain counters moved with F() expressions, so concurrent learners never lose an
increment; a route through the story is kept in the learner's session only until it is counted.
"""

from collections import deque
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from eolc.scenarios.models import Choice, Node, NodeRole, PathCount, Scenario, ScenarioStatus

PATH_MAX_LENGTH = 500


class ScenarioInvalid(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("The scenario cannot be published until its problems are fixed.")


# --- Editing ----------------------------------------------------------------------------------


def _touch(scenario):
    Scenario.objects.filter(pk=scenario.pk).update(updated_at=timezone.now())


@transaction.atomic
def scenario_create(*, programme, title, summary, content_warning="", by=None) -> Scenario:
    scenario = Scenario(
        programme=programme,
        title=title.strip(),
        summary=summary.strip(),
        content_warning=content_warning.strip(),
        created_by=by,
    )
    scenario.full_clean()
    scenario.save()
    return scenario


@transaction.atomic
def scenario_update(*, scenario: Scenario, **fields) -> Scenario:
    start = fields.get("start_node")
    if start is not None and start.scenario_id != scenario.pk:
        raise ValidationError({"start_node": "Choose a step of this scenario."})
    for name, value in fields.items():
        setattr(scenario, name, value)
    scenario.updated_at = timezone.now()
    scenario.full_clean()
    scenario.save()
    return scenario


def _check_media(media_url, transcript):
    if media_url and not transcript.strip():
        raise ValidationError({"transcript": "Add a transcript for the film or audio clip."})


def _set_roles(node, roles):
    NodeRole.objects.filter(node=node).exclude(role__in=roles).delete()
    have = set(NodeRole.objects.filter(node=node).values_list("role", flat=True))
    NodeRole.objects.bulk_create(NodeRole(node=node, role=role) for role in roles if role not in have)


@transaction.atomic
def node_create(
    *, scenario: Scenario, title, text, roles=(), question="", media_url="", transcript="", is_end=False
):
    """A new step; the first step of a scenario becomes its start."""
    _check_media(media_url, transcript)
    number = (scenario.nodes.aggregate(n=Max("number"))["n"] or 0) + 1
    node = Node(
        scenario=scenario,
        number=number,
        title=title.strip(),
        text=text.strip(),
        question=question.strip(),
        media_url=media_url,
        transcript=transcript.strip(),
        is_end=is_end,
    )
    node.full_clean()
    node.save()
    _set_roles(node, roles)
    if scenario.start_node_id is None:
        Scenario.objects.filter(pk=scenario.pk).update(start_node=node)
        scenario.start_node = node
    _touch(scenario)
    return node


@transaction.atomic
def node_update(*, node: Node, roles=None, **fields) -> Node:
    _check_media(fields.get("media_url", node.media_url), fields.get("transcript", node.transcript))
    for name, value in fields.items():
        setattr(node, name, value.strip() if isinstance(value, str) and name != "media_url" else value)
    node.full_clean()
    node.save()
    if roles is not None:
        _set_roles(node, roles)
    _touch(node.scenario)
    return node


@transaction.atomic
def node_delete(*, node: Node) -> None:
    """Choices that led here are kept without a destination, so the check reports them."""
    scenario = node.scenario
    node.delete()
    _touch(scenario)


def _check_destination(node, leads_to, key_messages):
    if leads_to is not None and leads_to.scenario_id != node.scenario_id:
        raise ValidationError({"leads_to": "Choose a step of this scenario."})
    if any(message.programme_id != node.scenario.programme_id for message in key_messages):
        raise ValidationError({"key_messages": "Choose key messages of this scenario's programme."})


@transaction.atomic
def choice_create(*, node: Node, text, leads_to=None, feedback="", key_messages=()) -> Choice:
    _check_destination(node, leads_to, key_messages)
    number = (node.choices.aggregate(n=Max("number"))["n"] or 0) + 1
    choice = Choice(node=node, number=number, text=text.strip(), leads_to=leads_to, feedback=feedback.strip())
    choice.full_clean()
    choice.save()
    choice.key_messages.set(key_messages)
    _touch(node.scenario)
    return choice


@transaction.atomic
def choice_update(*, choice: Choice, text, leads_to=None, feedback="", key_messages=()) -> Choice:
    _check_destination(choice.node, leads_to, key_messages)
    choice.text, choice.leads_to, choice.feedback = text.strip(), leads_to, feedback.strip()
    choice.full_clean()
    choice.save()
    choice.key_messages.set(key_messages)
    _touch(choice.node.scenario)
    return choice


@transaction.atomic
def choice_delete(*, choice: Choice) -> None:
    scenario = choice.node.scenario
    choice.delete()
    _touch(scenario)


# --- Checking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    message: str
    node_id: int | None = None


def scenario_problems(scenario: Scenario) -> list[Problem]:
    """Everything that would stop a learner finishing the story, in the editor's order.

    Every choice must lead somewhere; every step must be reachable from the start (no orphans);
    every step that is not an ending needs a choice; an ending must be reachable from every step
    a learner can reach; a film or clip needs a transcript.
    """
    nodes = list(scenario.nodes.prefetch_related("choices"))
    by_id = {node.pk: node for node in nodes}
    problems = []
    if not nodes:
        return [Problem("The scenario has no steps yet.")]
    if scenario.start_node_id not in by_id:
        problems.append(Problem("Choose the step where the story starts."))
    if not any(node.is_end for node in nodes):
        problems.append(Problem("No step is marked as an ending."))
    edges = {node.pk: [] for node in nodes}
    for node in nodes:
        for choice in node.choices.all():
            if choice.leads_to_id is None:
                problems.append(
                    Problem(f"The choice “{choice.text}” in “{node.title}” does not lead anywhere.", node.pk)
                )
            else:
                edges[node.pk].append(choice.leads_to_id)
        if not node.is_end and not node.choices.all():
            problems.append(Problem(f"“{node.title}” has no choices and is not an ending.", node.pk))
        if node.is_end and node.choices.all():
            problems.append(Problem(f"“{node.title}” is an ending but has choices.", node.pk))
        if node.media_url and not node.transcript.strip():
            problems.append(Problem(f"The clip in “{node.title}” has no transcript.", node.pk))
    reachable = _reachable(scenario.start_node_id, edges) if scenario.start_node_id in by_id else set()
    for node in nodes:
        if reachable and node.pk not in reachable:
            problems.append(Problem(f"“{node.title}” cannot be reached from the start.", node.pk))
    reverse = {pk: [] for pk in by_id}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    can_finish = _reachable_from_many([n.pk for n in nodes if n.is_end], reverse)
    if reachable and not reachable & {n.pk for n in nodes if n.is_end}:
        problems.append(Problem("No ending can be reached from the start."))
    for node in nodes:
        if node.pk in reachable and node.pk not in can_finish:
            problems.append(Problem(f"From “{node.title}” no ending can be reached.", node.pk))
    return problems


def _reachable(start, edges) -> set:
    return _reachable_from_many([start], edges)


def _reachable_from_many(starts, edges) -> set:
    seen, queue = set(starts), deque(starts)
    while queue:
        for target in edges.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


@transaction.atomic
def scenario_publish(*, scenario: Scenario) -> Scenario:
    problems = scenario_problems(scenario)
    if problems:
        raise ScenarioInvalid(problems)
    scenario.status = ScenarioStatus.PUBLISHED
    scenario.save(update_fields=["status"])
    return scenario


@transaction.atomic
def scenario_unpublish(*, scenario: Scenario) -> Scenario:
    scenario.status = ScenarioStatus.DRAFT
    scenario.save(update_fields=["status"])
    return scenario


# --- Playing: anonymous counts ----------------------------------------------------------------


@transaction.atomic
def play_start(*, scenario: Scenario) -> list[int]:
    """Count a new play-through; returns the route so far (the start step) for the session."""
    Scenario.objects.filter(pk=scenario.pk).update(plays_started=F("plays_started") + 1)
    Node.objects.filter(pk=scenario.start_node_id).update(times_reached=F("times_reached") + 1)
    return [scenario.start_node_id]


@transaction.atomic
def play_choose(*, choice: Choice, path: list[int]) -> list[int]:
    """Count a choice and the step it leads to; returns the new route.

    Going back and choosing again cuts the route back to that step. Reaching an ending on a
    route from the start counts the whole route once.
    """
    node, target = choice.node, choice.leads_to
    if target is None:
        raise ValueError("This choice does not lead anywhere.")
    path = path[: path.index(node.pk) + 1] if node.pk in path else [node.pk]
    path.append(target.pk)
    Choice.objects.filter(pk=choice.pk).update(times_chosen=F("times_chosen") + 1)
    Node.objects.filter(pk=target.pk).update(times_reached=F("times_reached") + 1)
    scenario = node.scenario
    if target.is_end and path[0] == scenario.start_node_id:
        _path_count(scenario, path)
        Scenario.objects.filter(pk=scenario.pk).update(plays_finished=F("plays_finished") + 1)
    return path


def _path_count(scenario, path):
    key = ">".join(str(pk) for pk in path)
    if len(key) > PATH_MAX_LENGTH:
        return
    updated = PathCount.objects.filter(scenario=scenario, path=key).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            PathCount.objects.create(scenario=scenario, path=key, count=1)
    except IntegrityError:
        PathCount.objects.filter(scenario=scenario, path=key).update(count=F("count") + 1)
