"""What scenario pages show: the editor's map of steps and the counts behind the results page."""

from dataclasses import dataclass, field

from eolc.scenarios.models import PathCount


@dataclass
class ChoiceRow:
    choice: object
    target: object
    count: int = 0
    percent: int = 0
    messages: list = field(default_factory=list)


@dataclass
class NodeRow:
    node: object
    is_start: bool
    roles: list
    choices: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    arrivals: int = 0


def node_rows(scenario, problems=()) -> list[NodeRow]:
    nodes = list(scenario.nodes.prefetch_related("choices__leads_to", "choices__key_messages", "role_tags"))
    arrivals = {}
    for node in nodes:
        for choice in node.choices.all():
            if choice.leads_to_id:
                arrivals[choice.leads_to_id] = arrivals.get(choice.leads_to_id, 0) + 1
    rows = []
    for node in nodes:
        choices = list(node.choices.all())
        total = sum(choice.times_chosen for choice in choices)
        rows.append(
            NodeRow(
                node=node,
                is_start=node.pk == scenario.start_node_id,
                roles=node.role_labels(),
                choices=[
                    ChoiceRow(
                        choice=choice,
                        target=choice.leads_to,
                        count=choice.times_chosen,
                        percent=round(100 * choice.times_chosen / total) if total else 0,
                        messages=[message.title for message in choice.key_messages.all()],
                    )
                    for choice in choices
                ],
                problems=[p.message for p in problems if p.node_id == node.pk],
                arrivals=arrivals.get(node.pk, 0),
            )
        )
    return rows


@dataclass
class PathRow:
    count: int
    steps: list  # node titles, start to end


def top_paths(scenario, limit=10) -> list[PathRow]:
    titles = dict(scenario.nodes.values_list("pk", "title"))
    return [
        PathRow(count=row.count, steps=[titles.get(pk, "A deleted step") for pk in row.node_ids()])
        for row in PathCount.objects.filter(scenario=scenario)[:limit]
    ]
