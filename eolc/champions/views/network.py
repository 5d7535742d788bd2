"""Pages of a champions network: invitation, joining, consent, directory, messages, the team's tools."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eolc.champions import presenters, services
from eolc.champions.forms import (
    ConsentForm,
    DirectoryFilterForm,
    InvitationEmailForm,
    InvitationSourceForm,
    MessageForm,
    OnBehalfConsentForm,
    ProfileForm,
    SignUpForm,
)
from eolc.champions.growth import area_rows, chart
from eolc.champions.models import Activation, Audience, ConsentField, ConsentMethod
from eolc.lib.csv_export import csv_response
from eolc.programmes import access

DIRECTORY_PAGE_SIZE = 20


def network_crumbs(network, *extra):
    return [
        {"text": "Champions", "href": reverse("champions:index")},
        {"text": network.programme.title, "href": reverse("champions:home", args=[network.programme.slug])},
        *extra,
    ]


@login_required
@require_GET
def index(request):
    return render(
        request,
        "champions/index.html",
        {
            "networks": access.network_programmes_for(request.user).filter(champion_network__isnull=False),
            "mine": access.own_championships(request.user),
            "member_networks": access.member_networks_for(request.user),
        },
    )


@require_GET
def invitation(request, slug):
    network = access.get_open_invitation_or_404(slug)
    source = services.invitation_visit(network=network, code=request.GET.get("src", ""))
    query = f"?{urlencode({'src': source.code})}" if source else ""
    sign_up_url = reverse("champions:sign_up", args=[slug]) + query
    return render(
        request,
        "champions/invitation.html",
        {
            "network": network,
            "programme": network.programme,
            "sign_up_url": sign_up_url,
            "sign_in_url": reverse("account_login") + "?" + urlencode({"next": sign_up_url}),
            "already": _still_in(access.own_champion(request.user, network)),
        },
    )


def _still_in(champion):
    return champion if champion is not None and not champion.has_left else None


@login_required
@require_http_methods(["GET", "POST"])
def sign_up(request, slug):
    network = access.get_open_invitation_or_404(slug)
    existing = access.own_champion(request.user, network)
    if existing is not None and not existing.has_left:
        return redirect("champions:home", slug)
    form = SignUpForm(request.POST or None, initial={"source": request.GET.get("src", "")[:40]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.champion_sign_up(
                network=network,
                person=request.user,
                motivations=data["motivations"],
                statement=data["statement"],
                interests=data["interests"],
                job_title=data["job_title"],
                phone=data["phone"],
                bio=data["bio"],
                source=network.sources.filter(code=data["source"].lower()).first()
                if data["source"]
                else None,
            )
        except services.AlreadyChampion:
            return redirect("champions:home", slug)
        messages.success(
            request,
            "Welcome to the champions network. Now choose what other champions may see about you.",
        )
        return redirect("champions:consents", slug)
    return render(
        request,
        "champions/sign_up.html",
        {"network": network, "programme": network.programme, "form": form, "person": request.user},
    )


@login_required
@require_GET
def home(request, slug):
    network, champion = access.get_network_home_or_404(request.user, slug)
    if champion is not None and champion.status == "pending":
        services.champions_activate_from_attendance(network=network, person=request.user)
        champion.refresh_from_db()
    programme = network.programme
    return render(
        request,
        "champions/home.html",
        {
            "network": network,
            "programme": programme,
            "champion": champion,
            "in_network": access.network_programmes_for(request.user).filter(pk=programme.pk).exists(),
            "is_staff": access.is_network_staff(request.user, programme),
            "can_manage": access.can_manage_programme(request.user, programme),
            "upcoming": presenters.event_rows(
                access.champion_events_for(request.user, programme).upcoming()[:10], request.user
            ),
            "attended": presenters.event_rows(
                access.champion_events_attended(request.user, programme), request.user
            ),
            "breadcrumbs": [{"text": "Champions", "href": reverse("champions:index")}],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request, slug):
    champion = access.get_own_champion_or_404(request.user, slug)
    initial = {
        "motivations": champion.motivations,
        "statement": champion.statement,
        "interests": champion.interests.all(),
        "job_title": champion.job_title,
        "phone": champion.phone,
        "bio": champion.bio,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.champion_profile_update(champion=champion, **form.cleaned_data)
        messages.success(request, "Your champion details are saved.")
        return redirect("champions:home", slug)
    return render(
        request,
        "champions/profile.html",
        {"form": form, "champion": champion, "breadcrumbs": network_crumbs(champion.network)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, slug):
    champion = access.get_own_champion_or_404(request.user, slug)
    if champion.has_left:
        return redirect("champions:home", slug)
    if request.method == "POST":
        services.champion_leave(champion=champion, by=request.user)
        messages.success(request, "You have left the champions network. Everything you shared is withdrawn.")
        return redirect("champions:home", slug)
    context = {"champion": champion, "breadcrumbs": network_crumbs(champion.network)}
    return render(request, "champions/leave.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def consents(request, slug):
    champion = access.get_own_champion_or_404(request.user, slug)
    if request.method == "POST" and "withdraw_all" in request.POST:
        wanted = {key: False for key in services.consent_state(champion)}
        changed = services.consents_set(
            champion=champion, wanted=wanted, method=ConsentMethod.WEB, by=request.user
        )
        messages.success(request, f"You have withdrawn everything you shared ({len(changed)} changes).")
        return redirect("champions:consents", slug)
    form = ConsentForm(request.POST or None, state=services.consent_state(champion))
    if request.method == "POST" and form.is_valid():
        changed = services.consents_set(
            champion=champion, wanted=form.wanted(), method=ConsentMethod.WEB, by=request.user
        )
        if changed:
            messages.success(request, "What you share is updated. It applies straight away, everywhere.")
        else:
            messages.info(request, "Nothing changed.")
        return redirect("champions:consents", slug)
    history = champion.consents.newest_first().select_related("recorded_by")
    return render(
        request,
        "champions/consents.html",
        {
            "champion": champion,
            "programme": champion.network.programme,
            "form": form,
            "rows": presenters.consent_rows(form, champion.network.programme),
            "history": presenters.history_rows(history),
            "breadcrumbs": network_crumbs(champion.network),
        },
    )


@never_cache
@login_required
@require_GET
def directory(request, slug):
    network = access.get_network_or_404(request.user, slug)
    champions = access.directory_champions_for(request.user, network)
    form = DirectoryFilterForm(request.GET or None)
    champions = form.apply(champions).directory_order().prefetch_related("interests")
    page = Paginator(champions, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = (
        "champions/_directory_results.html"
        if request.headers.get("HX-Request") == "true"
        else "champions/directory.html"
    )
    return render(
        request,
        template,
        {
            "network": network,
            "programme": network.programme,
            "form": form,
            "page": page,
            "cards": presenters.directory_cards(page.object_list),
            "query": query.urlencode(),
            "is_staff": access.is_network_staff(request.user, network.programme),
            "breadcrumbs": network_crumbs(network),
        },
    )


@never_cache
@login_required
@require_GET
def local_champions(request, slug):
    """For every member of the programme: champions who chose to be findable by everyone."""
    network = access.get_member_network_or_404(request.user, slug)
    form = DirectoryFilterForm(request.GET or None)
    champions = form.apply(access.visible_champions_for(request.user, network)).directory_order()
    page = Paginator(champions.prefetch_related("interests"), DIRECTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "champions/local.html",
        {
            "network": network,
            "programme": network.programme,
            "form": form,
            "page": page,
            "cards": presenters.directory_cards(page.object_list),
            "query": query.urlencode(),
            "breadcrumbs": [{"text": "Champions", "href": reverse("champions:index")}],
        },
    )


@never_cache
@login_required
@require_GET
def directory_csv(request, slug):
    network = access.get_staff_network_or_404(request.user, slug)
    champions = access.directory_champions_for(request.user, network).directory_order()
    champions = champions.prefetch_related("interests")
    return csv_response(
        f"champions-{network.programme.slug}.csv",
        presenters.EXPORT_HEADER,
        presenters.export_rows(champions),
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def contact(request, slug, pk):
    network = access.get_member_network_or_404(request.user, slug)
    champion = access.get_directory_champion_or_404(request.user, network, pk)
    card = presenters.directory_cards([champion])[0]
    form = MessageForm(request.POST or None) if card.accepts_messages else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.message_send(
                network=network,
                sender=request.user,
                recipient=champion.person,
                body=form.cleaned_data["body"],
                share_address=form.cleaned_data["share_address"],
            )
        except (services.RelayLimited, ValidationError) as exc:
            form.add_error(None, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(
                request, f"Your message to {card.name} is on its way. We did not show your email address."
            )
            return redirect("champions:contact", slug, champion.pk)
    return render(
        request,
        "champions/contact.html",
        {
            "network": network,
            "card": card,
            "form": form,
            "is_self": champion.person_id == request.user.pk,
            "breadcrumbs": network_crumbs(
                network, {"text": "Directory", "href": reverse("champions:directory", args=[slug])}
            ),
        },
    )


@never_cache
@login_required
@require_GET
def my_messages(request, slug):
    network = access.get_member_network_or_404(request.user, slug)
    return render(
        request,
        "champions/messages.html",
        {
            "network": network,
            "messages_list": access.messages_for(request.user, network).select_related("sender", "recipient"),
            "breadcrumbs": network_crumbs(network),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def message(request, slug, pk):
    network = access.get_member_network_or_404(request.user, slug)
    original = access.get_message_or_404(request.user, network, pk)
    received = original.recipient_id == request.user.pk
    other = original.sender if received else original.recipient
    # Only the recipient answers a message: the sender writing again would reach someone who may
    # since have stopped accepting messages. A reply is itself a message the other person can answer.
    form = MessageForm(request.POST or None) if received else None
    if request.method == "POST" and form is None:
        raise PermissionDenied("You can answer messages sent to you.")
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(
                network=network,
                sender=request.user,
                recipient=other,
                body=form.cleaned_data["body"],
                share_address=form.cleaned_data["share_address"],
                in_reply_to=original,
            )
        except (services.RelayLimited, ValidationError) as exc:
            form.add_error(None, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"Your reply to {other} is on its way.")
            return redirect("champions:messages", slug)
    return render(
        request,
        "champions/message.html",
        {
            "network": network,
            "original": original,
            "other": other,
            "received": received,
            "form": form,
            "breadcrumbs": network_crumbs(
                network, {"text": "Messages", "href": reverse("champions:messages", args=[slug])}
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, slug):
    network = access.get_managed_network_or_404(request.user, slug)
    services.champions_activate_from_attendance(network=network)
    form = InvitationSourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_source_create(network=network, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, "The invitation link is ready to share.")
            return redirect("champions:manage", slug)
    invitation_url = request.build_absolute_uri(reverse("champions:invitation", args=[slug]))
    return render(
        request,
        "champions/manage.html",
        {
            "network": network,
            "programme": network.programme,
            "pending": access.pending_champions_for(request.user, network).select_related(
                "person__area", "person__job_role", "source"
            ),
            "sources": presenters.source_rows(network, invitation_url),
            "champions": access.managed_champions_for(request.user, network).order_by("person__full_name"),
            "invitation_url": invitation_url,
            "form": form,
            "breadcrumbs": network_crumbs(network),
        },
    )


@login_required
@require_POST
def approve(request, slug, pk):
    network = access.get_managed_network_or_404(request.user, slug)
    champion = access.get_pending_champion_or_404(request.user, network, pk)
    services.champion_activate(champion=champion, how=Activation.APPROVAL, by=request.user)
    messages.success(request, f"{champion.person} is now an active champion.")
    return redirect("champions:manage", slug)


@login_required
@require_GET
def growth(request, slug):
    network = access.get_staff_network_or_404(request.user, slug)
    champions = access.network_champions_for_staff(request.user, network)
    rows = area_rows(network.programme, champions)
    return render(
        request,
        "champions/growth.html",
        {
            "network": network,
            "programme": network.programme,
            "rows": rows,
            "gaps": [row for row in rows if row.is_gap and row.phase != "Not a target area"],
            "chart": chart(rows),
            "totals": {
                "active": champions.active().count(),
                "pending": champions.pending().count(),
            },
            "breadcrumbs": network_crumbs(network),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def consent_on_behalf(request, slug, pk):
    network = access.get_managed_network_or_404(request.user, slug)
    champion = access.get_managed_champion_or_404(request.user, network, pk)
    form = OnBehalfConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_record(
            champion=champion,
            field=form.cleaned_data["field"],
            audience=form.cleaned_data["audience"],
            granted=form.cleaned_data["granted"],
            method=ConsentMethod.ADMIN,
            by=request.user,
        )
        messages.success(request, f"Recorded for {champion.person}. It applies straight away.")
        return redirect("champions:consent_on_behalf", slug, champion.pk)
    state = services.consent_state(champion)
    return render(
        request,
        "champions/consent_on_behalf.html",
        {
            "network": network,
            "champion": champion,
            "form": form,
            "shared": [
                (ConsentField(field).label, Audience(audience).label)
                for (field, audience), granted in state.items()
                if granted
            ],
            "history": presenters.history_rows(
                champion.consents.newest_first().select_related("recorded_by")
            ),
            "breadcrumbs": network_crumbs(
                network, {"text": "Run the network", "href": reverse("champions:manage", args=[slug])}
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_email(request, slug):
    network = access.get_managed_network_or_404(request.user, slug)
    form = InvitationEmailForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        count = services.invitation_email(network=network, by=request.user, **form.cleaned_data)
        messages.success(
            request, f"The invitation is on its way to {count} address{'es' if count != 1 else ''}."
        )
        return redirect("champions:manage", slug)
    return render(
        request,
        "champions/invitation_email.html",
        {
            "network": network,
            "form": form,
            "breadcrumbs": network_crumbs(
                network, {"text": "Run the network", "href": reverse("champions:manage", args=[slug])}
            ),
        },
    )
