"""Who may write and play scenarios.

Scenario models are looked up through the app registry: scenarios depend on programmes.
Programme administrators and facilitators write and publish scenarios; anyone signed in may
play a published one. What learners choose is kept only as counts.
"""

from django.apps import apps
from django.shortcuts import get_object_or_404

from eolc.programmes.models import Programme, Role

SCENARIO_EDITOR_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _scenarios(model_name):
    return apps.get_model("scenarios", model_name)


def scenario_programmes_for(user):
    """Programmes in which a person may write scenarios."""
    return Programme.objects.with_role(user, *SCENARIO_EDITOR_ROLES)


def can_write_scenarios(user) -> bool:
    return user.is_authenticated and (user.is_site_admin or scenario_programmes_for(user).exists())


def editable_scenarios(user):
    Scenario = _scenarios("Scenario")
    if not user.is_authenticated:
        return Scenario.objects.none()
    return Scenario.objects.filter(programme__in=scenario_programmes_for(user).values("pk"))


def get_editable_scenario_or_404(user, pk):
    return get_object_or_404(editable_scenarios(user).select_related("programme", "start_node"), pk=pk)


def get_editable_node_or_404(user, pk):
    Node = _scenarios("Node")
    return get_object_or_404(
        Node.objects.filter(scenario__in=editable_scenarios(user).values("pk")).select_related("scenario"),
        pk=pk,
    )


def get_editable_choice_or_404(user, pk):
    Choice = _scenarios("Choice")
    return get_object_or_404(
        Choice.objects.filter(node__scenario__in=editable_scenarios(user).values("pk")).select_related(
            "node__scenario", "leads_to"
        ),
        pk=pk,
    )


def scenario_key_messages(scenario):
    """Key messages a scenario's choices may be linked to: those of its programme, drafts included."""
    return apps.get_model("insights", "KeyMessage").objects.in_programme(scenario.programme).in_order()


def playable_scenarios(user):
    """Published scenarios, for anyone signed in."""
    Scenario = _scenarios("Scenario")
    if not user.is_authenticated:
        return Scenario.objects.none()
    return Scenario.objects.published()


def get_playable_scenario_or_404(user, pk):
    return get_object_or_404(playable_scenarios(user).select_related("start_node"), pk=pk)


def get_playable_node_or_404(user, scenario, pk):
    return get_object_or_404(scenario.nodes.prefetch_related("choices", "role_tags"), pk=pk)


def get_playable_choice_or_404(user, scenario, pk):
    Choice = _scenarios("Choice")
    return get_object_or_404(
        Choice.objects.filter(node__scenario=scenario, leads_to__isnull=False).select_related(
            "node", "leads_to"
        ),
        pk=pk,
    )
