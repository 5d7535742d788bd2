"""The catalogue of practice examples: submitting, reviewing and reading them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.insights import services
from eolc.insights.forms import CatalogueFilterForm, PracticeExampleForm, PracticeReviewForm
from eolc.programmes import access


@require_GET
def catalogue(request):
    published = access.practice_examples_for(request.user).published()
    form = CatalogueFilterForm(request.GET or None, published=published)
    examples = published
    if form.is_valid():
        data = form.cleaned_data
        examples = (
            examples.search(data["q"])
            .in_category(data["category"])
            .in_area(data["area"])
            .involving(data["organisation"])
        )
    page = Paginator(
        examples.newest_first().select_related("area").prefetch_related("organisations"), 20
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "insights/catalogue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_review": access.can_review_practice_examples(request.user),
        },
    )


@require_GET
def show_example(request, pk):
    example = access.get_practice_example_or_404(request.user, pk)
    can_review = access.can_review_practice_examples(request.user)
    return render(
        request,
        "insights/example.html",
        {
            "example": example,
            "organisations": example.organisations.all(),
            "can_review": can_review and not example.is_published,
            "review_form": PracticeReviewForm() if can_review else None,
            "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def submit_example(request):
    form = PracticeExampleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        example = services.practice_example_submit(by=request.user, **form.cleaned_data)
        messages.success(
            request, "Thank you. Someone from the programme team will read it before it is published."
        )
        return redirect("insights:example", example.pk)
    return render(
        request,
        "insights/example_form.html",
        {"form": form, "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}]},
    )


@login_required
@require_GET
def example_queue(request):
    if not access.can_review_practice_examples(request.user):
        raise PermissionDenied("Only programme teams review practice examples.")
    pending = (
        access.practice_examples_for(request.user).pending().order_by("created_at").select_related("area")
    )
    return render(
        request,
        "insights/example_queue.html",
        {
            "examples": pending,
            "breadcrumbs": [{"text": "Practice examples", "href": reverse("insights:catalogue")}],
        },
    )


@login_required
@require_POST
def review_example(request, pk):
    example = access.get_reviewable_practice_example_or_404(request.user, pk)
    form = PracticeReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    publish = "publish" in request.POST
    services.practice_example_review(example=example, by=request.user, publish=publish, note=note)
    messages.success(request, "Published." if publish else "Not published; it stays out of the catalogue.")
    return redirect("insights:example_queue")
