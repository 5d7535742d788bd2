from eolc.scenarios import services


def small_scenario(programme, *, by=None, publish=True):
    """Start → (talk | wait); talk → good end; wait → hard end. Returns (scenario, nodes by name)."""
    scenario = services.scenario_create(
        programme=programme, title="Mr Green at home", summary="A short story about planning ahead.", by=by
    )
    start = services.node_create(
        scenario=scenario,
        title="Mr Green is more tired",
        text="He sleeps most of the day.",
        question="What do you do?",
        roles=["home-care-worker", "person-receiving-care"],
    )
    talk = services.node_create(
        scenario=scenario, title="A conversation", text="He tells you what matters.", roles=["district-nurse"]
    )
    good = services.node_create(
        scenario=scenario, title="Peaceful at home", text="He dies at home.", is_end=True
    )
    hard = services.node_create(
        scenario=scenario,
        title="An ambulance at night",
        text="He is admitted.",
        is_end=True,
        roles=["primary-carer"],
    )
    talk_choice = services.choice_create(
        node=start,
        text="Tell the district nurse today",
        leads_to=talk,
        feedback="Key message: Talk early about what lies ahead.",
    )
    wait_choice = services.choice_create(
        node=start, text="Wait and see", leads_to=hard, feedback="Key message: Plan for nights and weekends."
    )
    finish = services.choice_create(node=talk, text="Share his plan", leads_to=good, feedback="Well done.")
    scenario.refresh_from_db()
    if publish:
        services.scenario_publish(scenario=scenario)
    nodes = {"start": start, "talk": talk, "good": good, "hard": hard}
    return scenario, nodes, {"talk": talk_choice, "wait": wait_choice, "finish": finish}
