"""Who may open each scenario page (see eolc/core/tests/walk.py). The walk's facilitator wrote it."""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect
from eolc.scenarios import services
from eolc.scenarios.tests.factories import small_scenario


def story(w):
    return w.once("scenario", lambda: small_scenario(w.programme, by=w.people.facilitator))


def on_scenario(w):
    return {"pk": story(w)[0].pk}


def on_step(w):
    scenario, nodes, _ = story(w)
    return {"pk": scenario.pk, "node_pk": nodes["start"].pk}


def on_outcome(w):
    scenario, _, choices = story(w)
    return {"pk": scenario.pk, "choice_pk": choices["talk"].pk}


def on_node(w):
    return {"pk": story(w)[1]["talk"].pk}


def on_choice(w):
    return {"pk": story(w)[2]["talk"].pk}


def on_spare_node(w):
    scenario = story(w)[0]
    return {"pk": services.node_create(scenario=scenario, title="Spare", text="…", is_end=True).pk}


def on_spare_choice(w):
    node = story(w)[1]["talk"]
    return {"pk": services.choice_create(node=node, text="Spare", leads_to=story(w)[1]["good"]).pk}


WRITERS = {"facilitator": OK, "admin": OK, "site_admin": OK}

ACCESS = {
    "scenarios:catalogue": Expect(OK),
    "scenarios:intro": Expect(OK, args=on_scenario),
    "scenarios:start": Expect(OK, method="post", args=on_scenario),
    "scenarios:step": Expect(OK, args=on_step),
    "scenarios:outcome": Expect(OK, args=on_outcome),
    "scenarios:manage": Expect(DENIED, other_admin=OK, **WRITERS),
    "scenarios:create": Expect(DENIED, other_admin=OK, **WRITERS),
    "scenarios:editor": Expect(HIDDEN, args=on_scenario, **WRITERS),
    "scenarios:edit": Expect(HIDDEN, args=on_scenario, **WRITERS),
    "scenarios:publish": Expect(HIDDEN, method="post", args=on_scenario, **WRITERS),
    "scenarios:results": Expect(HIDDEN, args=on_scenario, **WRITERS),
    "scenarios:add_node": Expect(HIDDEN, args=on_scenario, **WRITERS),
    "scenarios:edit_node": Expect(HIDDEN, args=on_node, **WRITERS),
    "scenarios:delete_node": Expect(HIDDEN, method="post", args=on_spare_node, **WRITERS),
    "scenarios:add_choice": Expect(HIDDEN, args=on_node, **WRITERS),
    "scenarios:edit_choice": Expect(HIDDEN, args=on_choice, **WRITERS),
    "scenarios:delete_choice": Expect(HIDDEN, method="post", args=on_spare_choice, **WRITERS),
}
