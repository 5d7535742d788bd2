from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eolc.audit.forms import AuditFilterForm
from eolc.programmes import access


@login_required
@require_GET
def audit_log(request):
    if not access.can_read_audit_log(request.user):
        raise PermissionDenied("Only site administrators can read the audit log.")
    form = AuditFilterForm(request.GET or None)
    events = access.audit_events_for(request.user)
    if form.is_valid():
        events = events.by_action(form.cleaned_data["action"])
        if form.cleaned_data["person"]:
            events = events.about(form.cleaned_data["person"])
    page = Paginator(events.select_related("actor"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()})
