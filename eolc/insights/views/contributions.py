"""Sharing what worked, and the facilitators' hub, bulk entry and review of contributions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import BulkContributionForm, BulkReviewForm, ContributionForm, ReviewForm
from eolc.insights.models import Consent, ReviewStatus
from eolc.insights.presenters import contribution_rows
from eolc.programmes import access


def _require_reviewer(user):
    if not access.can_review_contributions(user):
        raise PermissionDenied("Only facilitators and programme administrators can do this.")


def _hub_crumbs(*extra):
    return [{"text": "Insights", "href": reverse("insights:hub")}, *extra]


# --- Sharing a contribution -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contribute(request):
    user = request.user
    events = access.contribution_events_for(user).order_by("-starts_at")
    initial = {"consent": Consent.ANONYMOUS}
    chosen = request.GET.get("event", "")
    if chosen.isdigit() and events.filter(pk=chosen).exists():
        initial["event"] = int(chosen)
    form = ContributionForm(
        request.POST or None,
        events=events,
        programmes=access.programmes_for(user),
        barriers=access.linkable_barriers_for(user),
        initial=initial,
    )
    findings = []
    if request.method == "POST" and form.is_valid():
        findings = form.identifying_details()
        if not findings:
            data = form.cleaned_data
            services.contribution_create(
                contributor=user,
                kind=data["kind"],
                text=data["text"],
                consent=data["consent"],
                event=data["event"],
                programme=data["programme"],
                barrier=data["barrier"],
            )
            messages.success(
                request,
                "Thank you. A facilitator will read it before it is used anywhere. Add another below.",
            )
            return redirect(
                reverse("insights:contribute") + (f"?event={data['event'].pk}" if data["event"] else "")
            )
    return render(
        request,
        "insights/contribute.html",
        {
            "form": form,
            "findings": findings,
            "profile": user,
            "mine_count": access.own_contributions(user).count(),
        },
    )


@login_required
@require_GET
def my_contributions(request):
    contributions = access.own_contributions(request.user).newest_first().select_related("event", "job_role")
    return render(
        request,
        "insights/my_contributions.html",
        {
            "rows": contribution_rows(contributions),
            "breadcrumbs": [{"text": "Share what worked", "href": reverse("insights:contribute")}],
        },
    )


# --- Facilitators: hub, bulk entry, review ----------------------------------------------------


@login_required
@require_GET
def hub(request):
    _require_reviewer(request.user)
    programmes = access.insight_programmes_for(request.user).annotate(
        themes_count=Count("themes", distinct=True), messages_count=Count("key_messages", distinct=True)
    )
    waiting = access.managed_contributions(request.user).pending().count()
    return render(request, "insights/hub.html", {"programmes": programmes, "waiting": waiting})


@login_required
@require_http_methods(["GET", "POST"])
def bulk_entry(request):
    _require_reviewer(request.user)
    user = request.user
    events = access.managed_events(user).order_by("-starts_at")
    # Keep the batch's choices after saving, so the next pile of notes is quick to type in.
    initial = {"consent": Consent.ANONYMOUS}
    for name in ("event", "programme", "kind", "sector", "job_role", "consent"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    form = BulkContributionForm(
        request.POST or None, events=events, programmes=access.insight_programmes_for(user), initial=initial
    )
    findings = []
    if request.method == "POST" and form.is_valid():
        findings = form.identifying_details()
        if not findings:
            data = form.cleaned_data
            created = services.contributions_bulk_create(
                entered_by=user,
                lines=data["lines"],
                kind=data["kind"],
                consent=data["consent"],
                sector=data["sector"],
                job_role=data["job_role"],
                event=data["event"],
                programme=data["programme"],
            )
            messages.success(
                request, f"{len(created)} contribution{'s' if len(created) != 1 else ''} added for review."
            )
            keep = {
                name: request.POST.get(name, "")
                for name in ("event", "programme", "kind", "sector", "job_role", "consent")
            }
            query = "&".join(f"{name}={value}" for name, value in keep.items() if value)
            return redirect(reverse("insights:bulk") + f"?{query}")
    return render(
        request,
        "insights/bulk.html",
        {"form": form, "findings": findings, "breadcrumbs": _hub_crumbs()},
    )


@login_required
@require_GET
def review_queue(request):
    _require_reviewer(request.user)
    pending = access.managed_contributions(request.user).pending().order_by("created_at", "pk")
    pending = pending.select_related("event", "programme", "job_role")
    page = Paginator(pending, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "insights/review_queue.html",
        {"page": page, "rows": contribution_rows(page.object_list), "breadcrumbs": _hub_crumbs()},
    )


@login_required
@require_POST
def review_many(request):
    _require_reviewer(request.user)
    form = BulkReviewForm(request.POST, contributions=access.managed_contributions(request.user).pending())
    if form.is_valid():
        count = services.contributions_review_many(
            contributions=access.managed_contributions(request.user).filter(
                pk__in=[c.pk for c in form.cleaned_data["contributions"]]
            ),
            by=request.user,
            decision=form.cleaned_data["decision"],
        )
        verb = "approved" if form.cleaned_data["decision"] == ReviewStatus.APPROVED else "rejected"
        messages.success(request, f"{count} contribution{'s' if count != 1 else ''} {verb}.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("insights:review")


@login_required
@require_http_methods(["GET", "POST"])
def review_contribution(request, pk):
    contribution = access.get_managed_contribution_or_404(request.user, pk)
    barriers = access.managed_contributions(request.user).approved().barriers()
    if contribution.programme_id:
        barriers = barriers.filter(programme_id=contribution.programme_id)
    form = ReviewForm(
        request.POST or None,
        barriers=barriers.exclude(pk=contribution.pk),
        initial={
            "text": contribution.text,
            "kind": contribution.kind,
            "sector": contribution.sector,
            "job_role": contribution.job_role,
            "consent": contribution.consent,
            "barrier": contribution.barrier,
        },
    )
    if request.method == "POST" and form.is_valid():
        decision = ReviewStatus.REJECTED if "reject" in request.POST else ReviewStatus.APPROVED
        services.contribution_review(
            contribution=contribution, by=request.user, decision=decision, **form.cleaned_data
        )
        messages.success(request, "Approved." if decision == ReviewStatus.APPROVED else "Rejected.")
        return redirect("insights:review")
    return render(
        request,
        "insights/review_contribution.html",
        {
            "contribution": contribution,
            "form": form,
            "breadcrumbs": _hub_crumbs({"text": "Review", "href": reverse("insights:review")}),
        },
    )
