"""The noticeboard: threads and replies, reports and moderation, email preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.champions import services
from eolc.champions.forms import (
    NoticeboardFilterForm,
    PreferenceForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from eolc.champions.views.network import network_crumbs
from eolc.programmes import access

THREADS_PAGE_SIZE = 20


THREAD_ACTIONS = {
    "lock": ({"locked": True}, "locked: nobody can reply"),
    "unlock": ({"locked": False}, "open for replies again"),
    "hide": ({"hidden": True}, "hidden from champions"),
    "show": ({"hidden": False}, "shown again"),
}


@login_required
@require_GET
def noticeboard(request, slug):
    network = access.get_network_or_404(request.user, slug)
    form = NoticeboardFilterForm(request.GET or None)
    threads = access.threads_for(request.user, network)
    if form.is_valid() and form.cleaned_data["category"]:
        threads = threads.in_category(form.cleaned_data["category"])
    threads = threads.latest_first().select_related("author").annotate(replies=Count("posts") - 1)
    page = Paginator(threads, THREADS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    is_staff = access.is_network_staff(request.user, network.programme)
    return render(
        request,
        "champions/noticeboard.html",
        {
            "network": network,
            "programme": network.programme,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "is_staff": is_staff,
            "open_reports": access.open_reports_for(request.user, network).count() if is_staff else 0,
            "breadcrumbs": network_crumbs(network),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_new(request, slug):
    network = access.get_network_or_404(request.user, slug)
    form = ThreadForm(request.POST or None, initial={"category": request.GET.get("category", "")})
    if request.method == "POST" and form.is_valid():
        thread = services.thread_create(network=network, author=request.user, **form.cleaned_data)
        messages.success(request, "Your post is on the noticeboard.")
        return redirect("champions:thread", slug, thread.pk)
    return render(
        request,
        "champions/thread_form.html",
        {"network": network, "form": form, "breadcrumbs": _noticeboard_crumbs(network)},
    )


def _noticeboard_crumbs(network):
    return network_crumbs(
        network,
        {"text": "Noticeboard", "href": reverse("champions:noticeboard", args=[network.programme.slug])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, slug, pk):
    network = access.get_network_or_404(request.user, slug)
    thread = access.get_thread_or_404(request.user, network, pk)
    is_staff = access.is_network_staff(request.user, network.programme)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_reply(thread=thread, author=request.user, body=form.cleaned_data["body"])
        except services.ThreadLocked as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your reply is posted.")
            return redirect("champions:thread", slug, thread.pk)
    posts = thread.posts.select_related("author").annotate(
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True))
    )
    if not is_staff:
        posts = posts.filter(is_hidden=False)
    return render(
        request,
        "champions/thread.html",
        {
            "network": network,
            "thread": thread,
            "posts": posts,
            "form": form,
            "is_staff": is_staff,
            "breadcrumbs": _noticeboard_crumbs(network),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request, slug, pk):
    network = access.get_network_or_404(request.user, slug)
    post = access.get_post_or_404(request.user, network, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "Thank you. The programme team will look at this post.")
        return redirect("champions:thread", slug, post.thread_id)
    return render(
        request,
        "champions/report.html",
        {"network": network, "post": post, "form": form, "breadcrumbs": _noticeboard_crumbs(network)},
    )


@login_required
@require_POST
def post_moderate(request, slug, pk):
    network = access.get_network_or_404(request.user, slug)
    post = access.get_moderated_post_or_404(request.user, network, pk)
    action = request.POST.get("action")
    if action == "dismiss":
        services.reports_dismiss(post=post, by=request.user)
        messages.success(request, "The reports are closed and the post stays.")
    else:
        services.post_hide(post=post, by=request.user, hidden=action != "show")
        messages.success(request, "The post is hidden." if action != "show" else "The post is shown again.")
    if request.POST.get("next") == "reports":
        return redirect("champions:reports", slug)
    return redirect("champions:thread", slug, post.thread_id)


@login_required
@require_POST
def thread_moderate(request, slug, pk):
    network = access.get_network_or_404(request.user, slug)
    thread = access.get_moderated_thread_or_404(request.user, network, pk)
    action = request.POST.get("action")
    if action in THREAD_ACTIONS:
        change, done = THREAD_ACTIONS[action]
        services.thread_moderate(thread=thread, **change)
        messages.success(request, f"The thread is {done}.")
    return redirect("champions:thread", slug, thread.pk)


@login_required
@require_GET
def reports(request, slug):
    network = access.get_staff_network_or_404(request.user, slug)
    return render(
        request,
        "champions/reports.html",
        {
            "network": network,
            "reports": access.open_reports_for(request.user, network).select_related(
                "post__thread", "post__author", "reporter"
            ),
            "breadcrumbs": _noticeboard_crumbs(network),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request, slug):
    network = access.get_network_or_404(request.user, slug)
    current = access.own_noticeboard_preference(request.user, network)
    form = PreferenceForm(request.POST or None, initial={"frequency": current})
    if request.method == "POST" and form.is_valid():
        services.noticeboard_preference_set(
            network=network, person=request.user, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, "Your email preference is saved.")
        return redirect("champions:noticeboard", slug)
    return render(
        request,
        "champions/preferences.html",
        {"network": network, "form": form, "breadcrumbs": _noticeboard_crumbs(network)},
    )
