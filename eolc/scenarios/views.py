"""Pages for writing scenarios and for playing them. The player is plain pages, links and forms:
every step is its own page, so it works without JavaScript and with any screen reader."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.programmes import access
from eolc.scenarios import services
from eolc.scenarios.forms import ChoiceForm, NodeForm, PlayForm, ScenarioForm
from eolc.scenarios.presenters import node_rows, top_paths

SESSION_KEY = "scenario-route-{}"


def _editor_crumbs(scenario=None):
    crumbs = [{"text": "Write scenarios", "href": reverse("scenarios:manage")}]
    if scenario is not None:
        crumbs.append({"text": scenario.title, "href": reverse("scenarios:editor", args=[scenario.pk])})
    return crumbs


def _form_errors_from(form, error: ValidationError):
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


# --- Writing ----------------------------------------------------------------------------------


@login_required
@require_GET
def manage(request):
    if not access.can_write_scenarios(request.user):
        raise PermissionDenied("Only programme administrators and facilitators write scenarios.")
    scenarios = access.editable_scenarios(request.user).select_related("programme")
    return render(request, "scenarios/manage.html", {"scenarios": scenarios})


@login_required
@require_http_methods(["GET", "POST"])
def create_scenario(request):
    programmes = access.scenario_programmes_for(request.user)
    if not access.can_write_scenarios(request.user):
        raise PermissionDenied("Only programme administrators and facilitators write scenarios.")
    form = ScenarioForm(request.POST or None, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scenario = services.scenario_create(
            programme=data["programme"],
            title=data["title"],
            summary=data["summary"],
            content_warning=data["content_warning"],
            by=request.user,
        )
        messages.success(request, "Scenario created. Add its first step.")
        return redirect("scenarios:add_node", scenario.pk)
    return render(
        request,
        "scenarios/scenario_form.html",
        {"form": form, "heading": "New scenario", "breadcrumbs": _editor_crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_scenario(request, pk):
    scenario = access.get_editable_scenario_or_404(request.user, pk)
    initial = {
        "programme": scenario.programme,
        "title": scenario.title,
        "summary": scenario.summary,
        "content_warning": scenario.content_warning,
        "start_node": scenario.start_node,
    }
    form = ScenarioForm(
        request.POST or None,
        programmes=access.scenario_programmes_for(request.user),
        nodes=scenario.nodes.all(),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scenario_update(scenario=scenario, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, "Scenario details saved.")
            return redirect("scenarios:editor", scenario.pk)
    return render(
        request,
        "scenarios/scenario_form.html",
        {"form": form, "heading": "Scenario details", "breadcrumbs": _editor_crumbs(scenario)},
    )


@login_required
@require_GET
def editor(request, pk):
    scenario = access.get_editable_scenario_or_404(request.user, pk)
    problems = services.scenario_problems(scenario)
    return render(
        request,
        "scenarios/editor.html",
        {
            "scenario": scenario,
            "rows": node_rows(scenario, problems),
            "problems": problems,
            "breadcrumbs": _editor_crumbs(),
        },
    )


@login_required
@require_POST
def publish(request, pk):
    scenario = access.get_editable_scenario_or_404(request.user, pk)
    if request.POST.get("action") == "unpublish":
        services.scenario_unpublish(scenario=scenario)
        messages.success(request, "The scenario is back in draft; learners cannot open it.")
        return redirect("scenarios:editor", scenario.pk)
    try:
        services.scenario_publish(scenario=scenario)
    except services.ScenarioInvalid as invalid:
        messages.error(request, f"Not published: fix the {len(invalid.problems)} problem(s) listed first.")
    else:
        messages.success(request, "Published. Learners can now play the scenario.")
    return redirect("scenarios:editor", scenario.pk)


def _at_node(node):
    """The editor scrolled to the step just changed, so the author sees the result in place."""
    return reverse("scenarios:editor", args=[node.scenario_id]) + f"#node-{node.pk}"


def _node_form_initial(node):
    return {
        "title": node.title,
        "text": node.text,
        "question": node.question,
        "roles": node.role_slugs(),
        "media_url": node.media_url,
        "transcript": node.transcript,
        "is_end": node.is_end,
    }


@login_required
@require_http_methods(["GET", "POST"])
def add_node(request, pk):
    scenario = access.get_editable_scenario_or_404(request.user, pk)
    form = NodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            node = services.node_create(scenario=scenario, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, f"Step “{node.title}” added.")
            return redirect(_at_node(node))
    return render(
        request,
        "scenarios/node_form.html",
        {
            "form": form,
            "scenario": scenario,
            "heading": "Add a step",
            "breadcrumbs": _editor_crumbs(scenario),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_node(request, pk):
    node = access.get_editable_node_or_404(request.user, pk)
    form = NodeForm(request.POST or None, initial=_node_form_initial(node))
    if request.method == "POST" and form.is_valid():
        try:
            services.node_update(node=node, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, f"Step “{node.title}” saved.")
            return redirect(_at_node(node))
    return render(
        request,
        "scenarios/node_form.html",
        {
            "form": form,
            "scenario": node.scenario,
            "node": node,
            "heading": "Edit a step",
            "breadcrumbs": _editor_crumbs(node.scenario),
        },
    )


@login_required
@require_POST
def delete_node(request, pk):
    node = access.get_editable_node_or_404(request.user, pk)
    scenario = node.scenario
    services.node_delete(node=node)
    messages.success(request, f"Step “{node.title}” deleted. Choices that led to it now lead nowhere.")
    return redirect("scenarios:editor", scenario.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add_choice(request, pk):
    node = access.get_editable_node_or_404(request.user, pk)
    form = ChoiceForm(
        request.POST or None,
        nodes=node.scenario.nodes.exclude(pk=node.pk),
        key_messages=access.scenario_key_messages(node.scenario),
    )
    if request.method == "POST" and form.is_valid():
        services.choice_create(node=node, **form.cleaned_data)
        messages.success(request, "Choice added.")
        return redirect(_at_node(node))
    return render(
        request,
        "scenarios/choice_form.html",
        {
            "form": form,
            "node": node,
            "heading": f"Add a choice to “{node.title}”",
            "breadcrumbs": _editor_crumbs(node.scenario),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_choice(request, pk):
    choice = access.get_editable_choice_or_404(request.user, pk)
    node = choice.node
    form = ChoiceForm(
        request.POST or None,
        nodes=node.scenario.nodes.exclude(pk=node.pk),
        key_messages=access.scenario_key_messages(node.scenario),
        initial={
            "text": choice.text,
            "leads_to": choice.leads_to,
            "feedback": choice.feedback,
            "key_messages": list(choice.key_messages.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        services.choice_update(choice=choice, **form.cleaned_data)
        messages.success(request, "Choice saved.")
        return redirect(_at_node(node))
    return render(
        request,
        "scenarios/choice_form.html",
        {
            "form": form,
            "node": node,
            "choice": choice,
            "heading": f"Edit a choice in “{node.title}”",
            "breadcrumbs": _editor_crumbs(node.scenario),
        },
    )


@login_required
@require_POST
def delete_choice(request, pk):
    choice = access.get_editable_choice_or_404(request.user, pk)
    node = choice.node
    services.choice_delete(choice=choice)
    messages.success(request, "Choice deleted.")
    return redirect(_at_node(node))


@login_required
@require_GET
def results(request, pk):
    scenario = access.get_editable_scenario_or_404(request.user, pk)
    return render(
        request,
        "scenarios/results.html",
        {
            "scenario": scenario,
            "rows": node_rows(scenario),
            "paths": top_paths(scenario),
            "breadcrumbs": _editor_crumbs(scenario),
        },
    )


# --- Playing ----------------------------------------------------------------------------------


@login_required
@require_GET
def catalogue(request):
    return render(
        request,
        "scenarios/catalogue.html",
        {
            "scenarios": access.playable_scenarios(request.user),
            "can_write": access.can_write_scenarios(request.user),
        },
    )


def _player_crumbs(scenario=None):
    crumbs = [{"text": "Scenarios", "href": reverse("scenarios:catalogue")}]
    if scenario is not None:
        crumbs.append({"text": scenario.title, "href": reverse("scenarios:intro", args=[scenario.pk])})
    return crumbs


@login_required
@require_GET
def intro(request, pk):
    scenario = access.get_playable_scenario_or_404(request.user, pk)
    return render(request, "scenarios/intro.html", {"scenario": scenario, "breadcrumbs": _player_crumbs()})


@login_required
@require_POST
def start(request, pk):
    scenario = access.get_playable_scenario_or_404(request.user, pk)
    request.session[SESSION_KEY.format(scenario.pk)] = services.play_start(scenario=scenario)
    return redirect("scenarios:step", scenario.pk, scenario.start_node_id)


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk, node_pk):
    scenario = access.get_playable_scenario_or_404(request.user, pk)
    node = access.get_playable_node_or_404(request.user, scenario, node_pk)
    choices = [choice for choice in node.choices.all() if choice.leads_to_id]
    form = PlayForm(
        request.POST if request.method == "POST" else None, choices=choices, question=node.question
    )
    if request.method == "POST" and form.is_valid():
        choice = access.get_playable_choice_or_404(request.user, scenario, form.cleaned_data["choice"])
        key = SESSION_KEY.format(scenario.pk)
        request.session[key] = services.play_choose(choice=choice, path=list(request.session.get(key, [])))
        return redirect("scenarios:outcome", scenario.pk, choice.pk)
    route = request.session.get(SESSION_KEY.format(scenario.pk), [])
    return render(
        request,
        "scenarios/step.html",
        {
            "scenario": scenario,
            "node": node,
            "form": form,
            "step_number": route.index(node.pk) + 1 if node.pk in route else None,
            "breadcrumbs": _player_crumbs(scenario),
        },
    )


@login_required
@require_GET
def outcome(request, pk, choice_pk):
    scenario = access.get_playable_scenario_or_404(request.user, pk)
    choice = access.get_playable_choice_or_404(request.user, scenario, choice_pk)
    return render(
        request,
        "scenarios/outcome.html",
        {
            "scenario": scenario,
            "choice": choice,
            "key_messages": choice.key_messages.published().in_order(),
            "breadcrumbs": _player_crumbs(scenario),
        },
    )
