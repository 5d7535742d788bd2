import pytest

from eolc.scenarios import services
from eolc.scenarios.models import Choice, Node, PathCount, Scenario
from eolc.scenarios.tests.factories import small_scenario


def messages(scenario):
    return [problem.message for problem in services.scenario_problems(scenario)]


def test_a_complete_scenario_has_no_problems_and_publishes(programme):
    scenario, _, _ = small_scenario(programme)
    assert messages(scenario) == []
    assert scenario.is_published


def test_the_first_step_becomes_the_start(programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    assert scenario.start_node == nodes["start"]


def test_a_choice_that_leads_nowhere_is_reported_and_blocks_publishing(programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    services.choice_create(node=nodes["talk"], text="Do nothing")
    assert "The choice “Do nothing” in “A conversation” does not lead anywhere." in messages(scenario)
    with pytest.raises(services.ScenarioInvalid):
        services.scenario_publish(scenario=scenario)
    assert not Scenario.objects.get(pk=scenario.pk).is_published


def test_orphans_dead_ends_and_traps_are_reported(programme):
    scenario, nodes, choices = small_scenario(programme, publish=False)
    services.node_create(scenario=scenario, title="Nobody gets here", text="…", is_end=True)
    dead_end = services.node_create(scenario=scenario, title="A dead end", text="…")
    loop = services.node_create(scenario=scenario, title="Going round in circles", text="…")
    services.choice_create(node=loop, text="Round again", leads_to=dead_end)
    services.choice_update(choice=choices["wait"], text="Wait and see", leads_to=loop)
    found = messages(scenario)
    assert "“Nobody gets here” cannot be reached from the start." in found
    assert "“A dead end” has no choices and is not an ending." in found
    assert "From “Going round in circles” no ending can be reached." in found
    assert "“An ambulance at night” cannot be reached from the start." in found


def test_no_reachable_ending_is_reported(programme):
    scenario = services.scenario_create(programme=programme, title="Loop", summary="…")
    first = services.node_create(scenario=scenario, title="One", text="…")
    second = services.node_create(scenario=scenario, title="Two", text="…")
    services.node_create(scenario=scenario, title="The end nobody reaches", text="…", is_end=True)
    services.choice_create(node=first, text="On", leads_to=second)
    services.choice_create(node=second, text="Back", leads_to=first)
    scenario.refresh_from_db()
    assert "No ending can be reached from the start." in messages(scenario)


def test_deleting_a_step_leaves_its_choices_pointing_nowhere(programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    services.node_delete(node=nodes["talk"])
    assert (
        "The choice “Tell the district nurse today” in “Mr Green is more tired” does not lead anywhere."
        in (messages(scenario))
    )


def test_a_clip_needs_a_transcript(programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    with pytest.raises(Exception) as error:
        services.node_update(node=nodes["talk"], media_url="https://example.org/clip.mp4", transcript="")
    assert "transcript" in str(error.value)


def test_choices_and_complete_paths_are_counted_without_a_person(programme):
    scenario, nodes, choices = small_scenario(programme)
    path = services.play_start(scenario=scenario)
    path = services.play_choose(choice=choices["talk"], path=path)
    path = services.play_choose(choice=choices["finish"], path=path)
    assert path == [nodes["start"].pk, nodes["talk"].pk, nodes["good"].pk]
    # A second learner waits, then goes back and tries the other way.
    path = services.play_start(scenario=scenario)
    path = services.play_choose(choice=choices["wait"], path=path)
    path = services.play_choose(choice=choices["talk"], path=path)
    path = services.play_choose(choice=choices["finish"], path=path)

    assert {c.text: c.times_chosen for c in Choice.objects.filter(node__scenario=scenario)} == {
        "Tell the district nurse today": 2,
        "Wait and see": 1,
        "Share his plan": 2,
    }
    assert Node.objects.get(pk=nodes["good"].pk).times_reached == 2
    scenario.refresh_from_db()
    assert (scenario.plays_started, scenario.plays_finished) == (2, 3)
    counts = {row.path: row.count for row in PathCount.objects.filter(scenario=scenario)}
    good = f"{nodes['start'].pk}>{nodes['talk'].pk}>{nodes['good'].pk}"
    hard = f"{nodes['start'].pk}>{nodes['hard'].pk}"
    assert counts == {good: 2, hard: 1}
    assert not {f.name for f in PathCount._meta.get_fields()} & {"person", "user", "session"}
    assert not {f.name for f in Choice._meta.get_fields()} & {"person", "user", "session"}


def test_a_route_started_mid_story_counts_choices_but_not_a_path(programme):
    scenario, nodes, choices = small_scenario(programme)
    services.play_choose(choice=choices["finish"], path=[])
    assert not PathCount.objects.exists()
    assert Choice.objects.get(pk=choices["finish"].pk).times_chosen == 1


def test_nodes_for_a_role(programme):
    scenario, nodes, _ = small_scenario(programme, publish=False)
    assert not Node.objects.for_role("primary-carer").exists()  # drafts are not linked to
    services.scenario_publish(scenario=scenario)
    assert set(Node.objects.for_role("home-care-worker")) == {nodes["start"]}
    assert list(Node.objects.for_role("primary-carer")) == [nodes["hard"]]
    assert nodes["hard"].get_absolute_url() == f"/scenarios/{scenario.pk}/steps/{nodes['hard'].pk}/"
