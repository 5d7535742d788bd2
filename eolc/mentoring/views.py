"""Pages for mentoring: signing up, offering to mentor, running groups, notes and feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.events.models import EventStatus
from eolc.mentoring import services
from eolc.mentoring.forms import FeedbackForm, GroupForm, MenteeSignupForm, MentorApplyForm, NoteForm
from eolc.mentoring.presenters import attendance_by_meeting, feedback_summary, standing
from eolc.programmes import access


def _crumbs(*extra):
    return [{"text": "Mentoring", "href": reverse("mentoring:home")}, *extra]


def _part_crumb(part):
    return {"text": part.title, "href": reverse("mentoring:home") + f"#part-{part.pk}"}


@login_required
@require_GET
def home(request):
    parts = access.mentorship_parts_for(request.user).select_related("programme")
    standings = [
        standing(request.user, part, can_manage=access.can_manage_programme(request.user, part.programme))
        for part in parts
    ]
    return render(request, "mentoring/home.html", {"standings": standings})


# --- Mentees ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def sign_up(request, part_pk):
    part = access.get_mentorship_part_or_404(request.user, part_pk)
    missing = services.eligibility_missing(person=request.user, part=part)
    mentee = access.own_mentee_places(request.user).filter(part=part).first()
    initial = {"work_setting": request.user.work_setting, "area": request.user.area_id, "online_ok": True}
    if mentee is not None:
        initial.update(times=mentee.times, online_ok=mentee.online_ok)
    form = MenteeSignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and not missing and form.is_valid():
        try:
            mentee = services.mentee_signup(
                part=part,
                person=request.user,
                times=form.cleaned_data["times"],
                online_ok=form.cleaned_data["online_ok"],
                work_setting=form.cleaned_data["work_setting"],
                area=form.cleaned_data["area"],
            )
        except (services.NotEligible, services.MentoringRefused) as refusal:
            form.add_error(None, str(refusal))
        else:
            if mentee.group_id:
                messages.success(
                    request, f"You have a place in “{mentee.group}”. Its meetings are in your calendar."
                )
                return redirect("mentoring:group", mentee.group_id)
            messages.success(
                request, "You are signed up. We will place you in a group as soon as one fits your times."
            )
            return redirect("mentoring:home")
    status = 403 if missing and request.method == "POST" else 200
    return render(
        request,
        "mentoring/sign_up.html",
        {"part": part, "form": form, "missing": missing, "breadcrumbs": _crumbs()},
        status=status,
    )


@login_required
@require_POST
def leave(request, part_pk):
    part = access.get_mentorship_part_or_404(request.user, part_pk)
    mentee = access.own_mentee_places(request.user).filter(part=part).first()
    if mentee is not None:
        services.mentee_leave(mentee=mentee, by=request.user)
        messages.success(request, "You have left your mentoring group.")
    return redirect("mentoring:home")


# --- Mentors ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def apply_to_mentor(request, part_pk):
    part = access.get_mentorship_part_or_404(request.user, part_pk)
    mentor = access.own_mentor_offers(request.user).filter(programme=part.programme).first()
    initial = {}
    if mentor is not None:
        initial = {
            "experience": mentor.experience,
            "work_settings": mentor.work_settings,
            "specialisms": list(mentor.specialisms.all()),
            "capacity": mentor.capacity,
        }
    form = MentorApplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        mentor = services.mentor_apply(programme=part.programme, person=request.user, **form.cleaned_data)
        if mentor.is_approved:
            messages.success(request, "Your mentor details are updated.")
        else:
            messages.success(request, "Thank you. The programme's administrators will look at your offer.")
        return redirect("mentoring:home")
    return render(
        request,
        "mentoring/apply.html",
        {"part": part, "form": form, "mentor": mentor, "breadcrumbs": _crumbs()},
    )


@login_required
@require_GET
def manage(request, part_pk):
    part = access.get_managed_mentorship_part_or_404(request.user, part_pk)
    mentors = access.managed_mentors(request.user).in_programme(part.programme).select_related("person")
    groups = (
        access.mentoring_groups_for(request.user)
        .for_part(part)
        .with_member_counts()
        .select_related("mentor__person")
    )
    waiting = (
        access.managed_mentees(request.user)
        .for_part(part)
        .waiting()
        .first_come()
        .select_related("person", "area")
    )
    return render(
        request,
        "mentoring/manage.html",
        {
            "part": part,
            "applications": [m for m in mentors if m.status == "applied"],
            "mentors": [(m, services.mentor_places_left(m)) for m in mentors if m.is_approved],
            "declined": [m for m in mentors if m.status == "declined"],
            "groups": groups,
            "waiting": waiting,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
@require_POST
def decide_mentor(request, pk):
    mentor = access.get_managed_mentor_or_404(request.user, pk)
    part = access.mentorship_parts_for(request.user).filter(programme=mentor.programme).first()
    approve = request.POST.get("decision") == "approve"
    try:
        services.mentor_decide(mentor=mentor, approve=approve, by=request.user)
    except services.MentoringRefused as refusal:
        messages.error(request, str(refusal))
    else:
        verb = "approved" if approve else "declined"
        messages.success(request, f"{mentor.person} is {verb} as a mentor.")
    return redirect("mentoring:manage", part.pk) if part else redirect("mentoring:home")


@login_required
@require_POST
def match(request, part_pk):
    part = access.get_managed_mentorship_part_or_404(request.user, part_pk)
    placed = services.mentees_match(part=part, by=request.user)
    still = access.managed_mentees(request.user).for_part(part).waiting().count()
    messages.success(
        request,
        f"{len(placed)} placed in groups; {still} still waiting for a group that fits.",
    )
    return redirect("mentoring:manage", part.pk)


# --- Groups -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def create_group(request, part_pk):
    part = access.get_mentorship_part_or_404(request.user, part_pk)
    if not access.can_lead_mentoring(request.user, part):
        raise PermissionDenied("Only approved mentors and programme administrators can start a group.")
    mentors = access.mentors_for_scheduling(request.user, part)
    initial = {"time_zone": request.user.time_zone}
    if mentors.count() == 1:
        initial["mentor"] = mentors.first()
    form = GroupForm(request.POST or None, mentors=mentors, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                mentor=data["mentor"],
                part=part,
                title=data["title"],
                description=data["description"],
                capacity=data["capacity"],
                work_setting=data["work_setting"],
                online=data["online"],
                joining_link=data["joining_link"],
                area=data["area"],
                venue_name=data["venue_name"],
                first_meeting=form.first_meeting(),
                minutes=data["minutes"],
                meetings=data["meetings"],
                time_zone=data["time_zone"],
                by=request.user,
            )
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                form.add_error("first_date" if name == "first_meeting" else name, problems)
        else:
            messages.success(request, f"“{group}” is scheduled with {data['meetings']} monthly meetings.")
            return redirect("mentoring:group", group.pk)
    return render(
        request,
        "mentoring/group_form.html",
        {"part": part, "form": form, "breadcrumbs": _crumbs(_part_crumb(part))},
    )


@login_required
@require_GET
def show_group(request, pk):
    group = access.get_mentoring_group_or_404(request.user, pk)
    is_mentor = access.is_group_mentor(request.user, group)
    can_manage = access.can_manage_mentoring_group(request.user, group)
    now = timezone.now()
    meetings = list(group.meetings().exclude(status=EventStatus.DRAFT))
    mine = set(
        access.own_mentoring_feedback(request.user).filter(group=group).values_list("meeting", flat=True)
    )
    member = (
        access.registrations_for(request.user).filter(series=group.series, person=request.user).confirmed()
    )
    members = list(group.mentees.placed().select_related("person", "area")) if can_manage else []
    grid = attendance_by_meeting(group, meetings, members) if can_manage else {}
    context = {
        "group": group,
        "is_mentor": is_mentor,
        "can_manage": can_manage,
        "is_member": member.exists(),
        "members": members,
        "meetings": [
            {
                "event": m,
                "past": m.starts_at <= now,
                "feedback_given": m.pk in mine,
                "recorded": bool(grid.get(m.pk)),
                "came": sum(grid.get(m.pk, {}).values()),
            }
            for m in meetings
        ],
        "next_meeting": services.next_meeting(group, now),
        "breadcrumbs": _crumbs(),
    }
    if can_manage:
        context["feedback"] = feedback_summary(group)
    if is_mentor:
        context["notes"] = (
            access.own_session_notes(request.user).filter(group=group).select_related("meeting")
        )
    return render(request, "mentoring/group.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_attendance(request, pk, meeting_pk):
    group = access.get_led_group_or_404(request.user, pk)
    meeting = access.get_group_meeting_or_404(group, meeting_pk)
    members = list(group.mentees.placed().select_related("person"))
    recorded = attendance_by_meeting(group, [meeting], members).get(meeting.pk, {})
    error = None
    if meeting.starts_at > timezone.now():
        error = "You can record attendance once the meeting has started."
    elif request.method == "POST":
        came = set(request.POST.getlist("attended"))
        for mentee in members:
            services.meeting_attendance_record(
                group=group,
                meeting=meeting,
                person=mentee.person,
                attended=str(mentee.person_id) in came,
                by=request.user,
            )
        messages.success(
            request, f"Attendance saved: {len(came & {str(m.person_id) for m in members})} came."
        )
        return redirect("mentoring:group", group.pk)
    return render(
        request,
        "mentoring/attendance.html",
        {
            "group": group,
            "meeting": meeting,
            "rows": [(m, recorded.get(m.person_id)) for m in members],
            "error": error,
            "breadcrumbs": _crumbs(
                {"text": group.title, "href": reverse("mentoring:group", args=[group.pk])}
            ),
        },
    )


# --- Notes ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def add_note(request, pk):
    group = access.get_led_group_or_404(request.user, pk)
    form = NoteForm(request.POST or None, meetings=group.meetings())
    if request.method == "POST" and form.is_valid():
        services.note_add(
            group=group,
            author=request.user,
            text=form.cleaned_data["text"],
            meeting=form.cleaned_data["meeting"],
        )
        messages.success(request, "Your note is saved. Only you can read it.")
        return redirect(reverse("mentoring:group", args=[group.pk]) + "#notes")
    return render(
        request,
        "mentoring/note_form.html",
        {
            "group": group,
            "form": form,
            "title": "Add a private note",
            "breadcrumbs": _crumbs(
                {"text": group.title, "href": reverse("mentoring:group", args=[group.pk])}
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_note(request, pk):
    note = access.get_own_session_note_or_404(request.user, pk)
    group = note.group
    form = NoteForm(
        request.POST or None, meetings=group.meetings(), initial={"text": note.text, "meeting": note.meeting}
    )
    if request.method == "POST" and form.is_valid():
        services.note_update(note=note, text=form.cleaned_data["text"], meeting=form.cleaned_data["meeting"])
        messages.success(request, "Your note is updated.")
        return redirect(reverse("mentoring:group", args=[group.pk]) + "#notes")
    return render(
        request,
        "mentoring/note_form.html",
        {
            "group": group,
            "form": form,
            "title": "Edit your note",
            "breadcrumbs": _crumbs(
                {"text": group.title, "href": reverse("mentoring:group", args=[group.pk])}
            ),
        },
    )


# --- Feedback ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def give_feedback(request, pk, meeting_pk):
    group = access.get_mentoring_group_or_404(request.user, pk)
    meeting = access.get_group_meeting_or_404(group, meeting_pk)
    existing = access.own_mentoring_feedback(request.user).filter(meeting=meeting).first()
    initial = {"useful": existing.useful, "comment": existing.comment} if existing else {}
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                group=group,
                meeting=meeting,
                person=request.user,
                useful=form.cleaned_data["useful"],
                comment=form.cleaned_data["comment"],
            )
        except services.MentoringRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Thank you for your feedback.")
            return redirect("mentoring:group", group.pk)
    return render(
        request,
        "mentoring/feedback_form.html",
        {
            "group": group,
            "meeting": meeting,
            "form": form,
            "breadcrumbs": _crumbs(
                {"text": group.title, "href": reverse("mentoring:group", args=[group.pk])}
            ),
        },
    )
