"""Project and strategic groups, and consultations on drafts sent to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.champions import presenters, services
from eolc.champions.forms import (
    ConsultationForm,
    ConsultationResponseForm,
    GroupMemberForm,
    OutcomeForm,
    TeamResponseForm,
)
from eolc.programmes import access


def _consultation_crumbs(programme):
    return [
        {"text": "Champions", "href": reverse("champions:index")},
        {"text": "Consultations", "href": reverse("champions:consultations", args=[programme.slug])},
    ]


@login_required
@require_GET
def consultations(request, slug):
    programme = access.get_consultation_programme_or_404(request.user, slug)
    rows = [
        (consultation, services.consultation_summary(consultation))
        for consultation in access.consultations_for(request.user, programme).newest_first()
    ]
    return render(
        request,
        "champions/consultations.html",
        {
            "programme": programme,
            "rows": rows,
            "can_run": access.can_run_consultations(request.user, programme),
            "breadcrumbs": [{"text": "Champions", "href": reverse("champions:index")}],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_new(request, slug):
    programme = access.get_programme_or_404(request.user, slug)
    if not access.can_run_consultations(request.user, programme):
        raise PermissionDenied("Only the programme team can open a consultation.")
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_open(
                programme=programme, opened_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "The consultation is open and the people you chose have been emailed.")
            return redirect("champions:consultation", slug, consultation.pk)
    return render(
        request,
        "champions/consultation_form.html",
        {"programme": programme, "form": form, "breadcrumbs": _consultation_crumbs(programme)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation(request, slug, pk):
    programme = access.get_programme_or_404(request.user, slug)
    consultation = access.get_consultation_or_404(request.user, programme, pk)
    can_respond = consultation.is_open() and access.can_respond_to_consultation(request.user, consultation)
    mine = consultation.responses.filter(person=request.user).first()
    initial = {"stance": mine.stance, "comment": mine.comment} if mine else {}
    form = ConsultationResponseForm(request.POST or None, initial=initial) if can_respond else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("This consultation is not open to your comments.")
        if form.is_valid():
            try:
                services.consultation_respond(
                    consultation=consultation, person=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages[0])
            else:
                messages.success(
                    request, "Thank you. Your view is recorded; you can change it until the closing date."
                )
                return redirect("champions:consultation", slug, consultation.pk)
    can_run = access.can_run_consultations(request.user, programme)
    return render(
        request,
        "champions/consultation.html",
        {
            "programme": programme,
            "consultation": consultation,
            "summary": services.consultation_summary(consultation),
            "form": form,
            "mine": mine,
            "can_run": can_run,
            "responses": consultation.responses.select_related("person") if can_run else None,
            "team_form": TeamResponseForm(initial={"text": consultation.team_response}) if can_run else None,
            "outcome_form": OutcomeForm(
                initial={"outcome": consultation.outcome, "note": consultation.outcome_note}
            )
            if can_run
            else None,
            "breadcrumbs": _consultation_crumbs(programme),
        },
    )


@login_required
@require_POST
def consultation_team_respond(request, slug, pk):
    programme = access.get_programme_or_404(request.user, slug)
    consultation = access.get_run_consultation_or_404(request.user, programme, pk)
    form = TeamResponseForm(request.POST)
    if form.is_valid():
        services.consultation_team_respond(consultation=consultation, text=form.cleaned_data["text"])
        messages.success(request, "Your response is published to the consultees.")
    else:
        messages.error(request, "Write the team's response before saving it.")
    return redirect("champions:consultation", slug, consultation.pk)


@login_required
@require_POST
def consultation_decide(request, slug, pk):
    programme = access.get_programme_or_404(request.user, slug)
    consultation = access.get_run_consultation_or_404(request.user, programme, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.consultation_decide(consultation=consultation, by=request.user, **form.cleaned_data)
        messages.success(request, "The outcome is recorded on the draft.")
    else:
        messages.error(request, "Choose the outcome before saving it.")
    return redirect("champions:consultation", slug, consultation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def groups(request, slug):
    programme = access.get_programme_or_404(request.user, slug)
    seats = access.group_memberships_for(request.user, programme)
    form = GroupMemberForm(request.POST or None, people=access.group_candidates_for(request.user, programme))
    if request.method == "POST" and form.is_valid():
        services.group_member_add(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['person']} has a seat on the group.")
        return redirect("champions:groups", slug)
    return render(
        request,
        "champions/groups.html",
        {
            "programme": programme,
            "form": form,
            "groups": presenters.group_rows(seats),
            "breadcrumbs": _consultation_crumbs(programme),
        },
    )


@login_required
@require_POST
def group_remove(request, slug, pk):
    programme = access.get_programme_or_404(request.user, slug)
    seat = access.get_group_membership_or_404(request.user, programme, pk)
    services.group_member_remove(membership=seat)
    messages.success(request, f"{seat.person} has left the {seat.get_group_display().lower()}.")
    return redirect("champions:groups", slug)
