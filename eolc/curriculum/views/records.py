"""What learning leaves behind: transcripts, reflections, certificates and their verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.curriculum import presenters, services
from eolc.curriculum.forms import RevokeForm
from eolc.curriculum.pdf import pdf_response
from eolc.curriculum.progress import reflections_of
from eolc.curriculum.transcript import hours_text, transcript_for
from eolc.lib.csv_export import SafeWriter
from eolc.programmes import access


def _transcript_context(request, person):
    record = transcript_for(person)
    return {
        "person": person,
        "entries": [
            {
                "completion": entry.completion,
                "hours": hours_text(entry.completion.ce_hours),
                "credits": presenters.credit_rows(entry.credits),
                "certificate": entry.certificate,
            }
            for entry in record.entries
        ],
        "total": hours_text(record.total),
        "by_scheme": [{"scheme": s, "hours": hours_text(h)} for s, h in record.by_scheme.items()],
        "by_category": [
            {"scheme": s, "category": c, "hours": hours_text(h)}
            for (s, c), h in record.by_scheme_and_category.items()
        ],
        "generated_on": timezone.localdate(),
        "site_url": request.build_absolute_uri("/"),
    }


@login_required
@require_GET
def transcript(request):
    context = _transcript_context(request, request.user)
    context["breadcrumbs"] = [{"text": "Learning", "href": reverse("curriculum:catalogue")}]
    context["reflection_count"] = reflections_of(request.user).count()
    context["own"] = True
    return render(request, "curriculum/transcript.html", context)


@login_required
@require_GET
def person_transcript(request, pk):
    """Someone else's transcript, for administrators of a programme they belong to."""
    person = access.get_person_record_or_404(request.user, pk)
    if person.pk == request.user.pk:
        return redirect("curriculum:transcript")
    audit_record(actor=request.user, action=Action.PERSONAL_DATA_VIEWED, target=person, request=request)
    context = _transcript_context(request, person)
    context["breadcrumbs"] = [{"text": "Learning", "href": reverse("curriculum:catalogue")}]
    return render(request, "curriculum/transcript.html", context)


@login_required
@require_GET
def transcript_csv(request):
    record = transcript_for(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ce-transcript.csv"'
    writer = SafeWriter(response)
    writer.writerow(
        ["Programme", "Part", "Completed on", "CE hours", "Scheme", "Category", "Hours", "Certificate"]
    )
    for entry in record.entries:
        completion = entry.completion
        code = entry.certificate.code if entry.certificate else ""
        base = [completion.part.programme.title, completion.part.title, completion.completed_on.isoformat()]
        if not entry.credits:
            writer.writerow([*base, hours_text(completion.ce_hours), "", "", "", code])
        for credit in entry.credits:
            writer.writerow(
                [
                    *base,
                    hours_text(completion.ce_hours),
                    credit.scheme,
                    credit.category,
                    hours_text(credit.hours),
                    code,
                ]
            )
    writer.writerow(["Total", "", "", hours_text(record.total), "", "", "", ""])
    for (scheme, category), hours in record.by_scheme_and_category.items():
        writer.writerow(["Total", "", "", "", scheme, category, hours_text(hours), ""])
    return response


@login_required
@require_GET
def transcript_pdf(request):
    return pdf_response(
        request,
        "curriculum/pdf/transcript.html",
        _transcript_context(request, request.user),
        "ce-transcript.pdf",
    )


@login_required
@require_GET
def reflections_pdf(request):
    """The learner's reflections, to attach to a CPD or revalidation record."""
    reflections = reflections_of(request.user)
    context = {"person": request.user, "reflections": reflections, "generated_on": timezone.localdate()}
    return pdf_response(request, "curriculum/pdf/reflections.html", context, "cpd-reflections.pdf")


@login_required
@require_GET
def certificate_pdf(request, code):
    certificate = access.get_certificate_or_404(request.user, code)
    if not certificate.is_valid:
        messages.error(request, "This certificate has been revoked, so it cannot be downloaded.")
        return redirect("curriculum:transcript")
    completion = certificate.completion
    context = {
        **presenters.certificate_facts(request, certificate),
        "certificate": certificate,
        "completion": completion,
        "credits": presenters.credit_rows(completion.credits.all()),
        "hours": hours_text(completion.ce_hours),
    }
    return pdf_response(
        request, "curriculum/pdf/certificate.html", context, f"certificate-{certificate.code}.pdf"
    )


@require_GET
def verify(request, code):
    """Public: only the name, part, date, hours and whether the certificate is valid."""
    certificate = access.get_verifiable_certificate_or_404(code)
    return render(
        request, "curriculum/verify.html", {"facts": presenters.certificate_facts(request, certificate)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def certificate_revoke(request, code):
    certificate = access.get_certificate_or_404(request.user, code)
    if not access.can_manage_part(request.user, certificate.completion.part):
        raise PermissionDenied("Only programme administrators can revoke certificates.")
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate, reason=form.cleaned_data["reason"], revoked_by=request.user
            )
        except ValidationError as invalid:
            form.add_error("reason", invalid.messages[0])
        else:
            messages.success(request, f"Certificate {certificate.code} is revoked.")
            return redirect("curriculum:verify", code=certificate.code)
    return render(
        request,
        "curriculum/manage/revoke.html",
        {
            "form": form,
            "certificate": certificate,
            "facts": presenters.certificate_facts(request, certificate),
        },
    )
