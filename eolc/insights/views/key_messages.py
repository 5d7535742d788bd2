"""Drafting, consulting on and publishing key messages, and the public list of published ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import ConsultationForm, KeyMessageForm
from eolc.insights.presenters import contribution_rows, support_table
from eolc.insights.views.contributions import _hub_crumbs
from eolc.programmes import access


@require_GET
def message_list(request):
    """Published key messages, for everyone; the programme team also sees a link to their drafts."""
    published = (
        access.published_key_messages().select_related("programme").order_by("programme__title", "position")
    )
    return render(
        request,
        "insights/messages.html",
        {"messages_list": published, "programmes": access.insight_programmes_for(request.user)},
    )


@require_GET
def message_public(request, slug):
    message = access.get_published_key_message_or_404(slug)
    quotes = message.supporting_contributions().quotable().order_by("pk")[:6]
    return render(
        request,
        "insights/message_public.html",
        {
            "message": message,
            "support": support_table(message, public=True),
            "quotes": quotes,
            "breadcrumbs": [{"text": "Key messages", "href": reverse("insights:messages")}],
        },
    )


@login_required
@require_GET
def programme_messages(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    key_messages = access.managed_key_messages(request.user).in_programme(programme).in_order()
    return render(
        request,
        "insights/programme_messages.html",
        {"programme": programme, "key_messages": key_messages, "breadcrumbs": _hub_crumbs()},
    )


def _message_form(request, programme, initial=None):
    contributions = (
        access.managed_contributions(request.user).in_programme(programme).approved().order_by("kind", "pk")
    )
    return KeyMessageForm(
        request.POST or None, themes=programme.themes.all(), contributions=contributions, initial=initial
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_message(request, slug):
    programme = access.get_insight_programme_or_404(request.user, slug)
    form = _message_form(request, programme)
    if request.method == "POST" and form.is_valid():
        message = services.key_message_create(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Draft saved.")
        return redirect("insights:message", message.pk)
    return render(
        request,
        "insights/message_form.html",
        {
            "form": form,
            "programme": programme,
            "breadcrumbs": _hub_crumbs(
                {
                    "text": "Key messages",
                    "href": reverse("insights:programme_messages", args=[programme.slug]),
                }
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    form = _message_form(
        request,
        message.programme,
        initial={
            "title": message.title,
            "body": message.body,
            "themes": list(message.themes.all()),
            "contributions": list(message.contributions.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        message = services.key_message_update(message=message, by=request.user, **form.cleaned_data)
        messages.success(
            request, f"Published as version {message.version}." if message.is_published else "Draft saved."
        )
        return redirect("insights:message", message.pk)
    return render(
        request,
        "insights/message_form.html",
        {
            "form": form,
            "message": message,
            "programme": message.programme,
            "breadcrumbs": _hub_crumbs(
                {"text": message.title, "href": reverse("insights:message", args=[message.pk])}
            ),
        },
    )


@login_required
@require_GET
def show_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    supporting = message.supporting_contributions().select_related("event", "job_role").order_by("kind", "pk")
    return render(
        request,
        "insights/message.html",
        {
            "message": message,
            "support": support_table(message, public=False),
            "public_support": support_table(message, public=True),
            "themes": message.themes.annotate(size=Count("contributions")),
            "rows": contribution_rows(supporting),
            "versions": message.versions.select_related("published_by"),
            "consultation_form": ConsultationForm() if _may_consult(request.user, message) else None,
            "breadcrumbs": _hub_crumbs(
                {
                    "text": "Key messages",
                    "href": reverse("insights:programme_messages", args=[message.programme.slug]),
                }
            ),
        },
    )


def _may_consult(user, message):
    return services.consultation_available() and access.can_run_consultations(user, message.programme)


@login_required
@require_POST
def consult_message(request, pk):
    """Send the draft to champions or the groups for comments, through the champions app."""
    message = access.get_managed_key_message_or_404(request.user, pk)
    if not _may_consult(request.user, message):
        raise PermissionDenied("Only the programme team can run consultations.")
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("insights:message", message.pk)
    try:
        services.key_message_consultation_open(message=message, by=request.user, **form.cleaned_data)
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, "The draft has been sent for comments.")
    return redirect("insights:message", message.pk)


@login_required
@require_POST
def publish_message(request, pk):
    message = access.get_managed_key_message_or_404(request.user, pk)
    if "withdraw" in request.POST:
        services.key_message_withdraw(message=message)
        messages.success(request, "Withdrawn: it no longer appears on the public page.")
    else:
        try:
            message = services.key_message_publish(message=message, by=request.user)
        except services.InsightRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Published (version {message.version}).")
    return redirect("insights:message", message.pk)
