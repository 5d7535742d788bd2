"""Pages for finding events, registering, and running them on the day."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.events import calendar_cache, links, page_cache, services
from eolc.events.forms import (
    EventFilterForm,
    EventForm,
    MoveForm,
    RegisterSomeoneForm,
    RegistrationForm,
    SeriesForm,
)
from eolc.events.ics import calendar_for
from eolc.events.models import EventStatus
from eolc.events.presenters import CalendarEntry, EventPresenter, group_mix, month_weeks, viewer_zone
from eolc.lib.csv_export import csv_response
from eolc.programmes import access

ICS_TYPE = "text/calendar; charset=utf-8"


def _is_htmx(request):
    return request.headers.get("HX-Request") == "true"


def _crumbs(*extra):
    return [{"text": "Events", "href": reverse("events:calendar")}, *extra]


# --- Finding events ---------------------------------------------------------------------------


@require_GET
def list_events(request):
    """The calendar: this month by default, as a month grid or a list, with filters that work without JS.

    Anonymous visitors all see the same page for the same query, so its filters, results and whole
    page are rendered once and cached (eolc.events.calendar_cache) until an event, series or
    registration changes; the rebuild then draws only the entries and filters that changed. A
    visitor with a message waiting (after signing out, say) gets the page drawn afresh, message
    included, and it is not kept.
    """
    zone = viewer_zone(request.user)
    anonymous = not request.user.is_authenticated
    parts = key = None
    if anonymous:
        month = request.GET.get("month") or f"{timezone.localdate(timezone=zone):%Y-%m}"
        filters = [(name, values) for name, values in request.GET.lists() if name != "month"]
        key = calendar_cache.key(
            zone=str(zone), month=month, filters=filters, shows_places=request.GET.get("view") == "list"
        )
        parts = calendar_cache.get(key)
    if parts is None:
        context = _calendar_context(request, zone)
        parts = {
            "month_label": context["month_label"],
            "filters": calendar_cache.kept_filters(
                context["choices_key"],
                [*request.GET.lists(), ("this_month", context["this_month"])],
                lambda: render_to_string("events/_filters.html", context, request),
            ),
            "results": render_to_string("events/_results.html", context, request),
            "can_schedule": context["can_schedule"],
        }
        if anonymous:
            calendar_cache.put(key, parts)
    if _is_htmx(request):
        return HttpResponse(parts["results"])
    keep_page = anonymous and not len(messages.get_messages(request))
    if keep_page and "page" in parts:
        return HttpResponse(parts["page"])
    response = render(request, "events/calendar.html", parts)
    if keep_page:
        calendar_cache.put(key, {**parts, "page": response.content.decode()})
    return response


def _calendar_context(request, zone):
    visible = access.events_for(request.user)
    choices_key, choices = calendar_cache.filter_choices(visible)
    form = EventFilterForm(request.GET, choices=choices)
    start = form.month_start(zone)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    window = (
        datetime.datetime.combine(start, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(end, datetime.time(), tzinfo=zone),
    )
    entries = CalendarEntry.listing(
        form.filter(visible).between(*window), zone, with_places=form.chosen_view == "list"
    )
    query = request.GET.copy()
    query.pop("month", None)

    def month_href(day, view=None):
        params = query.copy()
        params["month"] = f"{day:%Y-%m}"
        if view:
            params["view"] = view
        return f"?{params.urlencode()}"

    previous = (start - datetime.timedelta(days=1)).replace(day=1)
    return {
        "form": form,
        "choices_key": choices_key,
        "view": form.chosen_view,
        "month_label": f"{start:%B %Y}",
        "events": entries,
        "weeks": month_weeks(start.year, start.month, entries, zone) if form.chosen_view == "month" else [],
        "previous_href": month_href(previous),
        "next_href": month_href(end),
        "month_view_href": month_href(start, "month"),
        "list_view_href": month_href(start, "list"),
        "this_month": f"{start:%Y-%m}",
        "zone_name": str(zone).replace("_", " "),
        "can_schedule": access.can_schedule_events(request.user),
    }


@require_GET
def show_event(request, pk):
    page = page_cache.get_event_page_or_404(request.user, pk)
    event = page.event
    registration = page_cache.own_registration(request.user, event)
    page_links = links.for_event(event, request.user, registration)
    is_open = event.registration_open()

    def draw():
        return render_to_string(
            "events/event_detail.html",
            _event_context(request, page, registration, page_links, is_open),
            request,
        )

    # A visitor with a message waiting (after signing out, say) gets the page drawn afresh.
    if not request.user.is_authenticated and not len(messages.get_messages(request)):
        return HttpResponse(page_cache.kept_for_visitors(page, (is_open, page_links), draw))
    return HttpResponse(draw())


def _event_context(request, page, registration, page_links, is_open):
    event = page.event
    position = None
    if registration is not None and not registration.is_confirmed:
        position = services.waitlist_position(registration=registration)
    return {
        "event": event,
        "presenter": EventPresenter(
            event, viewer=request.user, confirmed=event.confirmed_count, registration=registration
        ),
        "sessions": [EventPresenter(session, viewer=request.user) for session in page.sessions],
        "registration": registration,
        "open": is_open,
        "can_manage": access.can_manage_event(request.user, event),
        "waitlisted_count": event.waitlisted_count,
        "waitlist_position": position,
        "facilitators": ", ".join(str(person) for person in event.facilitators.all()),
        "place_links": [link for link in page_links if link.get("kind") == "place"],
        "follow_ups": [link for link in page_links if link.get("kind") != "place"],
        "breadcrumbs": _crumbs(),
    }


# --- Registering ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def register_event(request, pk):
    # The event page's kept parts, with the same per-request visibility check (page_cache).
    event = page_cache.get_event_page_or_404(request.user, pk).event
    existing = page_cache.own_registration(request.user, event)
    if existing:
        messages.info(request, "You are already registered for this event.")
        return redirect("events:detail", pk=event.pk)
    refusal = None
    form = RegistrationForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        try:
            services.registration_check(event=event, person=request.user)
        except services.RegistrationRefused as exc:
            refusal = str(exc)
    else:  # registering makes the same check: once is enough
        try:
            registration, _ = services.registration_create(
                event=event, person=request.user, **form.cleaned_data
            )
        except services.RegistrationRefused as exc:
            refusal = str(exc)
        else:
            if registration.is_confirmed:
                messages.success(request, "You have a place. We have emailed you a calendar invite.")
            else:
                messages.info(
                    request, "The event is full, so you are on the waiting list. We will email you."
                )
            return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            "presenter": EventPresenter(event, viewer=request.user),
            "form": form,
            "refusal": refusal,
            "breadcrumbs": _crumbs({"text": event.title, "href": reverse("events:detail", args=[event.pk])}),
        },
        status=409 if refusal and request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel_registration(request, pk):
    # The event page's kept parts, with the same per-request visibility check (page_cache).
    event = page_cache.get_event_page_or_404(request.user, pk).event
    registration = page_cache.own_registration(request.user, event)
    if registration is None:
        messages.info(request, "You are not registered for this event.")
        return redirect("events:detail", pk=event.pk)
    if request.method == "POST":
        services.registration_cancel(registration=registration, by=request.user)
        messages.success(request, "Your place is cancelled. We have emailed you to confirm.")
        return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/cancel.html",
        {
            "event": event,
            "presenter": EventPresenter(event, viewer=request.user, registration=registration),
            "breadcrumbs": _crumbs({"text": event.title, "href": reverse("events:detail", args=[event.pk])}),
        },
    )


# --- Calendars --------------------------------------------------------------------------------


def _ics(body, filename):
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def event_ics(request, pk):
    event = access.get_event_or_404(request.user, pk)
    registration = page_cache.own_registration(request.user, event)
    joining = registration is not None and registration.is_confirmed
    return _ics(calendar_for([event], name=event.title, joining_link=joining), f"event-{event.pk}.ics")


@require_GET
def public_feed(request):
    events = access.public_events().upcoming(timezone.now() - datetime.timedelta(days=31))
    return _ics(calendar_for(events.chronological(), name="EoLC Together events"), "eolc-events.ics")


@require_GET
def personal_feed(request, token):
    feed = access.get_calendar_feed_or_404(token)
    events = access.events_for(feed.person).booked_by(feed.person).exclude(status=EventStatus.DRAFT)
    body = calendar_for(events.chronological(), name="My EoLC Together events", joining_link=True)
    return _ics(body, "my-eolc-events.ics")


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request):
    # The address is made on request (POST), so that opening the page never writes.
    feed = getattr(request.user, "calendar_feed", None)
    if request.method == "POST":
        services.calendar_feed_reset(person=request.user)
        if feed is None:
            messages.success(request, "Your calendar address is ready.")
        else:
            messages.success(request, "Your calendar has a new address. The old address no longer works.")
        return redirect("events:my_calendar")
    booked = access.events_for(request.user).booked_by(request.user).upcoming().chronological()
    waiting = access.own_registrations(request.user).waitlisted()
    return render(
        request,
        "events/my_calendar.html",
        {
            "feed_url": feed
            and request.build_absolute_uri(reverse("events:personal_feed", args=[feed.token])),
            "booked": [EventPresenter(event, viewer=request.user) for event in booked],
            "waiting_count": waiting.count(),
            "breadcrumbs": _crumbs(),
        },
    )


# --- Running events ---------------------------------------------------------------------------


def _event_form(request, data=None, initial=None):
    programmes = access.event_programmes_for(request.user)
    parts = access.parts_for(request.user).filter(programme__in=programmes)
    series = access.managed_series(request.user)
    return EventForm(data, initial=initial, programmes=programmes, parts=parts, series=series)


@login_required
@require_http_methods(["GET", "POST"])
def create_event(request):
    if not access.can_schedule_events(request.user):
        raise PermissionDenied("Only facilitators and programme administrators can schedule events.")
    # A new series sends its author here to schedule the first session in it.
    initial = {"series": request.GET["series"]} if request.GET.get("series", "").isdigit() else None
    form = _event_form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = services.event_create(
            created_by=request.user, facilitators=[request.user], **form.event_fields()
        )
        messages.success(request, "The event is saved.")
        return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "heading": "Schedule an event", "breadcrumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_series(request):
    if not access.can_schedule_events(request.user):
        raise PermissionDenied("Only facilitators and programme administrators can set up a series.")
    programmes = access.event_programmes_for(request.user)
    form = SeriesForm(
        request.POST or None,
        programmes=programmes,
        parts=access.parts_for(request.user).filter(programme__in=programmes),
    )
    if request.method == "POST" and form.is_valid():
        series = services.series_create(**form.cleaned_data)
        messages.success(request, f"The series is set up. Now schedule its sessions in {series.title}.")
        return redirect(f"{reverse('events:create')}?series={series.pk}")
    return render(
        request,
        "events/series_form.html",
        {"form": form, "breadcrumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_event(request, pk):
    event = access.get_managed_event_or_404(request.user, pk)
    form = _event_form(request, request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        fields = form.event_fields()
        cancelling = fields["status"] == EventStatus.CANCELLED and not event.is_cancelled
        if cancelling:
            fields["status"] = event.status
        services.event_update(event=event, by=request.user, **fields)
        if cancelling:
            told = services.event_cancel(event=event, by=request.user)
            messages.success(request, f"The event is cancelled; {told} registered people will be told.")
        else:
            messages.success(request, "The event is saved.")
        return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/event_form.html",
        {
            "form": form,
            "event": event,
            "heading": f"Change {event.title}",
            "breadcrumbs": _crumbs({"text": event.title, "href": reverse("events:detail", args=[event.pk])}),
        },
    )


def _registrations(request, event):
    return (
        access.registrations_for(request.user)
        .for_event(event)
        .select_related("person__job_role", "person__area", "person__organisation")
        .first_come()
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_registrations(request, pk):
    event = access.get_managed_event_or_404(request.user, pk)
    form = RegisterSomeoneForm(request.POST or None, people=access.bookable_people_for(request.user, event))
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            registration, created = services.registration_create(
                event=event, person=person, registered_by=request.user, enforce_window=False
            )
        except services.RegistrationRefused as exc:
            form.add_error("email", f"{person} cannot be registered: {exc}")
        else:
            state = registration.get_status_display().lower()
            verb = "is now registered" if created else "was already registered"
            messages.success(request, f"{person} {verb} ({state}).")
            return redirect("events:registrations", pk=event.pk)
    registrations = list(_registrations(request, event).active())
    confirmed = [r for r in registrations if r.is_confirmed]
    return render(
        request,
        "events/registrations.html",
        {
            "event": event,
            "presenter": EventPresenter(event, viewer=request.user, confirmed=len(confirmed)),
            "confirmed": confirmed,
            "waitlisted": [r for r in registrations if not r.is_confirmed],
            "mix": group_mix(confirmed),
            "form": form,
            "breadcrumbs": _crumbs({"text": event.title, "href": reverse("events:detail", args=[event.pk])}),
        },
    )


def _managed_registration(request, event, registration_pk):
    registration = access.get_registration_or_404(request.user, registration_pk)
    if not _registrations(request, event).filter(pk=registration.pk).exists():
        raise Http404("No such registration at this event")
    return registration


@login_required
@require_POST
def remove_registration(request, pk, registration_pk):
    event = access.get_managed_event_or_404(request.user, pk)
    registration = _managed_registration(request, event, registration_pk)
    promoted = services.registration_cancel(registration=registration, by=request.user)
    note = f" {promoted[0].person} was next on the waiting list and now has a place." if promoted else ""
    messages.success(request, f"{registration.person} is removed.{note}")
    return redirect("events:registrations", pk=event.pk)


@login_required
@require_http_methods(["GET", "POST"])
def move_registration(request, pk, registration_pk):
    event = access.get_managed_event_or_404(request.user, pk)
    registration = _managed_registration(request, event, registration_pk)
    others = access.managed_events(request.user).published().upcoming().exclude(pk=event.pk)
    if event.programme_id:
        others = others.filter(programme_id=event.programme_id)
    form = MoveForm(request.POST or None, events=others.chronological())
    if request.method == "POST" and form.is_valid():
        try:
            new = services.registration_move(
                registration=registration, to_event=form.cleaned_data["to_event"], by=request.user
            )
        except services.RegistrationRefused as exc:
            form.add_error("to_event", str(exc))
        else:
            messages.success(request, f"{registration.person} is moved ({new.get_status_display().lower()}).")
            return redirect("events:registrations", pk=event.pk)
    return render(
        request,
        "events/move.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "breadcrumbs": _crumbs(
                {"text": event.title, "href": reverse("events:detail", args=[event.pk])},
                {"text": "Registrations", "href": reverse("events:registrations", args=[event.pk])},
            ),
        },
    )


def _local(value, zone):
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


@login_required
@require_GET
def registrations_csv(request, pk):
    event = access.get_managed_event_or_404(request.user, pk)
    audit_record(
        actor=request.user,
        action=Action.PERSONAL_DATA_EXPORTED,
        target=event,
        detail={"export": "registrations"},
        request=request,
    )
    zone = viewer_zone(request.user)
    rows = (
        [
            r.person.full_name,
            r.person.email,
            r.person.get_sector_display(),
            r.person.job_role.name if r.person.job_role_id else "",
            r.person.organisation.name if r.person.organisation_id else "",
            r.person.area.name if r.person.area_id else "",
            r.get_status_display(),
            _local(r.created_at, zone),
            r.access_needs,
            r.hopes,
        ]
        for r in _registrations(request, event)
    )
    header = ["Name", "Email", "Sector", "Job role", "Organisation", "Area", "Status", "Registered"]
    return csv_response(f"event-{event.pk}-registrations.csv", [*header, "Access needs", "Hopes"], rows)


@login_required
@require_GET
def attendance_csv(request, pk):
    event = access.get_managed_event_or_404(request.user, pk)
    audit_record(
        actor=request.user,
        action=Action.PERSONAL_DATA_EXPORTED,
        target=event,
        detail={"export": "attendance"},
        request=request,
    )
    marks = {a.person_id: a for a in event.attendances.all()}
    rows = []
    for registration in _registrations(request, event).confirmed():
        mark = marks.get(registration.person_id)
        state = "" if mark is None else ("Attended" if mark.attended else "Absent")
        rows.append([registration.person.full_name, registration.person.email, event.title, state])
    return csv_response(f"event-{event.pk}-attendance.csv", ["Name", "Email", "Event", "Attendance"], rows)


# --- Check-in ---------------------------------------------------------------------------------


def _check_in_rows(request, event):
    marks = {a.person_id: a.attended for a in event.attendances.all()}
    return [
        {"registration": r, "person": r.person, "attended": marks.get(r.person_id)}
        for r in _registrations(request, event).confirmed()
    ]


@login_required
@require_GET
def check_in(request, pk):
    event = access.get_managed_event_or_404(request.user, pk)
    rows = _check_in_rows(request, event)
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "presenter": EventPresenter(event, viewer=request.user),
            "rows": rows,
            "marked": sum(1 for row in rows if row["attended"] is not None),
            "breadcrumbs": _crumbs({"text": event.title, "href": reverse("events:detail", args=[event.pk])}),
        },
    )


@login_required
@require_POST
def mark_attendance(request, pk, registration_pk):
    event = access.get_managed_event_or_404(request.user, pk)
    registration = _managed_registration(request, event, registration_pk)
    attended = request.POST.get("attended") == "yes"
    try:
        services.attendance_record(
            event=event, person=registration.person, attended=attended, by=request.user
        )
    except services.NotRegistered as exc:
        messages.error(request, str(exc))
        return redirect("events:check_in", pk=event.pk)
    if _is_htmx(request):
        row = {"registration": registration, "person": registration.person, "attended": attended}
        return render(request, "events/_check_in_row.html", {"event": event, "row": row})
    messages.success(request, f"{registration.person}: {'attended' if attended else 'absent'}.")
    return redirect(reverse("events:check_in", args=[event.pk]) + f"#person-{registration.pk}")
