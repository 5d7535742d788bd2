"""Pages for writing an action plan, keeping it going, and seeing follow-through without identity."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.action_plans import analytics, services
from eolc.action_plans.forms import (
    ActionFormSet,
    FollowThroughForm,
    PlanForm,
    PlanTemplateForm,
    ProgressForm,
    SharingForm,
)
from eolc.action_plans.presenters import action_rows, chart, stuck_help
from eolc.curriculum.pdf import pdf_response
from eolc.lib.csv_export import csv_response
from eolc.programmes import access


def _crumbs(*extra):
    return [{"text": "Action plans", "href": reverse("action_plans:mine")}, *extra]


# --- A person's own plans ---------------------------------------------------------------------


@login_required
@require_GET
def my_plans(request):
    plans = access.own_action_plans(request.user).newest_first().prefetch_related("actions")
    shared = access.shared_action_plans(request.user).newest_first().select_related("owner")
    return render(
        request,
        "action_plans/my_plans.html",
        {
            "plans": plans,
            "shared": shared,
            "can_view_follow_through": access.can_view_follow_through(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_plan(request):
    events = access.plan_events(request.user)
    initial = {}
    template = None
    chosen = request.GET.get("event", "")
    event = events.filter(pk=chosen).first() if chosen.isdigit() else None
    if event is not None:
        initial["event"] = event.pk
        template = services.plan_template_for(event=event)
        if template is not None:
            initial["title"] = template.title
    form = PlanForm(request.POST or None, events=events, initial=initial)
    formset = ActionFormSet(
        request.POST or None,
        prefix="actions",
        form_kwargs={
            "key_messages": access.published_key_messages().in_order(),
            "barriers": access.linkable_barriers_for(request.user).order_by("pk"),
        },
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        plan = services.action_plan_create(
            owner=request.user,
            title=form.cleaned_data["title"],
            event=form.cleaned_data["event"],
            reminder_weeks=form.cleaned_data["reminder_weeks"],
            share_with_buddy=form.cleaned_data["share_with_buddy"],
            share_with_facilitators=form.cleaned_data["share_with_facilitators"],
            actions=formset.actions(),
        )
        messages.success(request, "Your action plan is saved. We will remind you when you asked us to.")
        return redirect("action_plans:detail", plan.pk)
    return render(
        request,
        "action_plans/plan_form.html",
        {"form": form, "formset": formset, "template": template, "breadcrumbs": _crumbs()},
    )


@login_required
@require_GET
def show_plan(request, pk):
    plan = access.get_action_plan_or_404(request.user, pk)
    is_owner = plan.owner_id == request.user.pk
    actions = plan.actions.prefetch_related("partner_roles", "updates")
    return render(
        request,
        "action_plans/plan_detail.html",
        {
            "plan": plan,
            "rows": action_rows(actions),
            "is_owner": is_owner,
            "sharing": SharingForm(
                initial={
                    "share_with_buddy": plan.share_with_buddy,
                    "share_with_facilitators": plan.share_with_facilitators,
                }
            )
            if is_owner
            else None,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_GET
def plan_pdf(request, pk):
    plan = access.get_own_action_plan_or_404(request.user, pk)
    actions = plan.actions.prefetch_related("partner_roles", "updates")
    return pdf_response(
        request,
        "action_plans/plan_pdf.html",
        {"plan": plan, "rows": action_rows(actions)},
        f"action-plan-{plan.pk}.pdf",
    )


@login_required
@require_POST
def share_plan(request, pk):
    plan = access.get_own_action_plan_or_404(request.user, pk)
    form = SharingForm(request.POST)
    if form.is_valid():
        services.action_plan_sharing_set(plan=plan, **form.cleaned_data)
        messages.success(request, "Who can see your plan has been updated.")
    return redirect("action_plans:detail", plan.pk)


@login_required
@require_POST
def close_plan(request, pk):
    plan = access.get_own_action_plan_or_404(request.user, pk)
    services.action_plan_close(plan=plan)
    messages.success(request, "Your plan is closed. We will not send any more reminders for it.")
    return redirect("action_plans:detail", plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_template(request, event_pk):
    """The event's facilitators suggest a plan name and ideas for participants to start from."""
    event = access.get_managed_event_or_404(request.user, event_pk)
    template = services.plan_template_for(event=event)
    initial = {"title": f"After {event.title}"}
    if template is not None:
        initial = {
            "title": template.title,
            "introduction": template.introduction,
            "suggestions": "\n".join(template.suggestions),
        }
    form = PlanTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.plan_template_save(event=event, by=request.user, **form.cleaned_data)
        messages.success(request, "Participants will see these ideas when they write a plan from this event.")
        return redirect("action_plans:template", event.pk)
    return render(
        request,
        "action_plans/template_form.html",
        {
            "event": event,
            "form": form,
            "plan_url": request.build_absolute_uri(reverse("action_plans:create") + f"?event={event.pk}"),
            "breadcrumbs": [{"text": event.title, "href": reverse("events:detail", args=[event.pk])}],
        },
    )


# --- Progress ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def update_action(request, pk):
    action = access.get_own_action_or_404(request.user, pk)
    form = ProgressForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        update = services.progress_update_create(action=action, **form.cleaned_data)
        return _after_update(request, action, update)
    return render(
        request,
        "action_plans/progress_form.html",
        {
            "action": action,
            "form": form,
            "breadcrumbs": _crumbs(
                {"text": action.plan.title, "href": reverse("action_plans:detail", args=[action.plan_id])}
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def link_update(request, token):
    """The one-click update from a reminder email: no sign-in, one use, one action, until it expires."""
    action = services.update_link_action(token=token)
    if action is None:
        return render(request, "action_plans/link_expired.html", status=404)
    form = ProgressForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        update = services.update_link_use(token=token, **form.cleaned_data)
        if update is None:
            return render(request, "action_plans/link_expired.html", status=404)
        return _after_update(request, update.action, update)
    return render(
        request, "action_plans/progress_form.html", {"action": action, "form": form, "via_link": True}
    )


def _after_update(request, action, update):
    return render(
        request,
        "action_plans/progress_saved.html",
        {
            "action": action,
            "update": update,
            "stuck": update.status == "stuck",
            "help_links": stuck_help(
                request.user if request.user.is_authenticated else action.plan.owner, action.plan
            ),
            "signed_in": request.user.is_authenticated,
        },
    )


# --- Buddies ----------------------------------------------------------------------------------


@login_required
@require_GET
def buddies(request):
    pairs = access.buddy_pairs_for(request.user).active().select_related("first", "second", "event")
    paired_events = {pair.event_id for pair in pairs}
    events = [
        event
        for event in access.plan_events(request.user).order_by("-starts_at")
        if event.pk not in paired_events
    ]
    waiting = set(services.waiting_events(person=request.user))
    return render(
        request,
        "action_plans/buddies.html",
        {
            "pairs": [{"pair": pair, "buddy": pair.other(request.user)} for pair in pairs],
            "events": [{"event": event, "waiting": event.pk in waiting} for event in events],
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def buddy_opt_in(request, event_pk):
    event = access.get_event_or_404(request.user, event_pk)
    if request.POST.get("withdraw"):
        services.buddy_request_withdraw(event=event, person=request.user)
        messages.success(request, "You are no longer looking for a buddy from this session.")
        return redirect("action_plans:buddies")
    try:
        pair = services.buddy_request_create(event=event, person=request.user)
    except services.PlanRefused as refusal:
        raise PermissionDenied(str(refusal)) from refusal
    if pair is None:
        messages.success(
            request, "You are on the list. We will pair you when someone else from the session opts in."
        )
    else:
        messages.success(request, f"Your buddy is {pair.other(request.user)}.")
    return redirect("action_plans:buddies")


@login_required
@require_POST
def end_buddy(request, pk):
    pair = access.get_buddy_pair_or_404(request.user, pk)
    services.buddy_pair_end(pair=pair, by=request.user)
    messages.success(request, "The buddy pairing has ended.")
    return redirect("action_plans:buddies")


# --- Follow-through ---------------------------------------------------------------------------


def _follow_through(request):
    if not access.can_view_follow_through(request.user):
        raise PermissionDenied("Only programme teams and commissioners can see follow-through figures.")
    form = FollowThroughForm(
        request.GET or None,
        programmes=access.follow_through_programmes_for(request.user),
        events=access.follow_through_events_for(request.user),
    )
    data = form.cleaned_data if form.is_valid() else {}
    plans = access.action_plans_in_scope(
        request.user, programme=data.get("programme"), event=data.get("event")
    )
    plans = plans.created_between(data.get("start"), data.get("end"))
    return form, analytics.follow_through(plans)


def _template_link_event(request, form):
    """The selected event, when the person runs it and so may set its plan template."""
    event = form.cleaned_data.get("event") if form.is_valid() else None
    return event if event is not None and access.can_manage_event(request.user, event) else None


@login_required
@require_GET
def follow_through(request):
    form, figures = _follow_through(request)
    return render(
        request,
        "action_plans/follow_through.html",
        {
            "form": form,
            "figures": figures,
            "query": request.GET.urlencode(),
            "small": analytics.SMALL_CELL,
            "managed_event": _template_link_event(request, form),
            "category_chart": chart("Actions done by kind", figures.categories),
            "cohort_chart": chart("Actions done with and without a buddy", figures.cohorts),
        },
    )


@login_required
@require_GET
def follow_through_csv(request):
    _, figures = _follow_through(request)
    header, *rows = analytics.csv_rows(figures)
    return csv_response("follow-through.csv", header, rows)
