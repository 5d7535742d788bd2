"""Who may see and run champions networks, their noticeboards, groups and consultations.

Champion models are looked up through the app registry: champions depend on events.
The directory, noticeboard and consultations of a network are for its champions and its
programme team (administrators and facilitators): another member of the programme gets 403,
anyone else 404. What a champion shares is read from the consent ledger on every request.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from eolc.programmes.access.events import _events, events_for
from eolc.programmes.access.roles import (
    can_manage_programme,
    can_view_programme,
    get_programme_or_404,
    programme_ids_with_role,
    programmes_for,
    roles_in,
)
from eolc.programmes.models import Membership, Programme, Role

NETWORK_STAFF_ROLES = (Role.ADMIN, Role.FACILITATOR)


def _champions(model_name):
    return apps.get_model("champions", model_name)


def network_programmes_for(user):
    """Programmes whose network a person may open: as an active champion or on the programme team."""
    return Programme.objects.with_role(user, Role.CHAMPION, *NETWORK_STAFF_ROLES)


def network_staff_programmes_for(user):
    return Programme.objects.with_role(user, *NETWORK_STAFF_ROLES)


def can_open_champion_networks(user) -> bool:
    """Whether the header shows the champions link: members of a programme with a network, and champions."""
    if not user.is_authenticated:
        return False
    if user.is_site_admin:
        return member_networks_for(user).exists()
    # Asked by the header on every page: programme ids from the remembered roles, not a subquery.
    programmes = programme_ids_with_role(user, Role.values)
    member = bool(programmes) and _champions("Network").objects.filter(programme_id__in=programmes).exists()
    return member or _champions("Champion").objects.of_person(user).exists()


def is_network_staff(user, programme) -> bool:
    return user.is_authenticated and (
        user.is_site_admin or bool(roles_in(user, programme) & set(NETWORK_STAFF_ROLES))
    )


def get_open_invitation_or_404(slug):
    """Anyone may read a network's invitation while it is open."""
    Network = _champions("Network")
    return get_object_or_404(
        Network.objects.select_related("programme"), programme__slug=slug, invitation_open=True
    )


def get_network_or_404(user, slug):
    """A network the person belongs to: 404 outside the programme, 403 for members who are not in it."""
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The champions network is open to its champions and the programme team.")
    return network


def get_staff_network_or_404(user, slug):
    network = get_network_or_404(user, slug)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can do this.")
    return network


def get_managed_network_or_404(user, slug):
    """Approving champions and sharing invitation links: programme administrators."""
    network = get_network_or_404(user, slug)
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can do this.")
    return network


def own_champion(user, network):
    """The person's own place in a network (pending or active), or None."""
    if not user.is_authenticated:
        return None
    return _champions("Champion").objects.filter(network=network, person=user).first()


def get_own_champion_or_404(user, slug):
    Champion = _champions("Champion")
    if not user.is_authenticated:
        raise Http404("No such champion")
    return get_object_or_404(
        Champion.objects.select_related("network__programme", "person"),
        network__programme__slug=slug,
        person=user,
    )


def viewer_audiences(user, network) -> list[str]:
    """Which consent audiences a viewer belongs to. Champions and the team are also programme members."""
    from eolc.champions.models import Audience  # champions depend on programmes: import when called

    if network_programmes_for(user).filter(pk=network.programme_id).exists():
        return [Audience.CHAMPIONS, Audience.MEMBERS]
    if can_view_programme(user, network.programme):
        return [Audience.MEMBERS]
    return []


def directory_champions_for(user, network):
    """Active champions of a network as this viewer may see them, with `shares_<field>` from the ledger."""
    Champion = _champions("Champion")
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The directory is open to champions and the programme team.")
    return (
        Champion.objects.filter(network=network)
        .active()
        .with_sharing(viewer_audiences(user, network))
        .select_related("person__area", "person__job_role", "person__organisation")
    )


def get_member_network_or_404(user, slug):
    """A network of a programme the person belongs to in any role (404 otherwise)."""
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    return network


def member_networks_for(user):
    """Networks of every programme the person belongs to, whatever their role."""
    return (
        _champions("Network").objects.filter(programme__in=programmes_for(user)).select_related("programme")
    )


def visible_champions_for(user, network):
    """Champions a person may look up: the whole directory for champions and the team; for other
    members of the programme, only champions who shared something with everyone signed in."""
    from eolc.champions.models import Audience, ConsentField  # champions depend on programmes

    if network_programmes_for(user).filter(pk=network.programme_id).exists():
        return directory_champions_for(user, network)
    if not can_view_programme(user, network.programme):
        raise Http404("No such network")
    shared_something = Q(pk__in=[])
    for field in ConsentField.values:
        shared_something |= Q(**{f"shares_{field}": True})
    return (
        _champions("Champion")
        .objects.filter(network=network)
        .active()
        .with_sharing([Audience.MEMBERS])
        .filter(shared_something)
        .select_related("person__area", "person__job_role", "person__organisation")
    )


def get_directory_champion_or_404(user, network, pk):
    return get_object_or_404(visible_champions_for(user, network), pk=pk)


def messages_for(user, network):
    """Relayed messages a person sent or received in a network."""
    ContactMessage = _champions("ContactMessage")
    if not user.is_authenticated:
        return ContactMessage.objects.none()
    return ContactMessage.objects.filter(network=network).involving(user)


def get_message_or_404(user, network, pk):
    return get_object_or_404(messages_for(user, network).select_related("sender", "recipient"), pk=pk)


def pending_champions_for(user, network):
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can approve champions.")
    return _champions("Champion").objects.filter(network=network).pending()


def get_pending_champion_or_404(user, network, pk):
    return get_object_or_404(pending_champions_for(user, network), pk=pk)


def own_championships(user):
    """The networks a person joined, pending or active."""
    if not user.is_authenticated:
        return _champions("Champion").objects.none()
    return _champions("Champion").objects.of_person(user).select_related("network__programme")


def get_network_home_or_404(user, slug):
    """A network's home page: for its champions (pending too) and for those who may open the network.

    Returns (network, the person's own champion record or None).
    """
    Network = _champions("Network")
    network = get_object_or_404(Network.objects.select_related("programme"), programme__slug=slug)
    champion = own_champion(user, network)
    if champion is None:
        network = get_network_or_404(user, slug)
    return network, champion


def champion_events_for(user, programme):
    """The programme's champion events the person may see, soonest first."""
    from eolc.events.models import EventKind  # events depend on programmes: import when called

    return (
        events_for(user)
        .filter(programme=programme, kind=EventKind.CHAMPION_EVENT)
        .published()
        .chronological()
    )


def champion_events_attended(user, programme):
    """Champion events of the programme at which the person was recorded as attending."""
    from eolc.events.models import EventKind  # events depend on programmes: import when called

    Event = _events("Event")
    if not user.is_authenticated:
        return Event.objects.none()
    went = _events("Attendance").objects.filter(person=user, attended=True).values("event")
    return Event.objects.filter(programme=programme, kind=EventKind.CHAMPION_EVENT, pk__in=went).order_by(
        "-starts_at"
    )


def threads_for(user, network):
    """Noticeboard threads a person may read: the team also sees hidden ones, to moderate them."""
    Thread = _champions("Thread")
    threads = Thread.objects.in_network(network)
    if not network_programmes_for(user).filter(pk=network.programme_id).exists():
        raise PermissionDenied("The noticeboard is open to champions and the programme team.")
    return threads if is_network_staff(user, network.programme) else threads.visible()


def get_thread_or_404(user, network, pk):
    return get_object_or_404(threads_for(user, network).select_related("author"), pk=pk)


def get_post_or_404(user, network, pk):
    """A post on a thread the person can read; hidden posts only for the team."""
    Post = _champions("Post")
    posts = Post.objects.filter(thread__in=threads_for(user, network).values("pk"))
    if not is_network_staff(user, network.programme):
        posts = posts.filter(is_hidden=False)
    return get_object_or_404(posts.select_related("thread"), pk=pk)


def get_moderated_post_or_404(user, network, pk):
    post = get_post_or_404(user, network, pk)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can moderate the noticeboard.")
    return post


def get_moderated_thread_or_404(user, network, pk):
    thread = get_thread_or_404(user, network, pk)
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can moderate the noticeboard.")
    return thread


def open_reports_for(user, network):
    Report = _champions("Report")
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can see reports.")
    return Report.objects.open().filter(post__thread__network=network)


def own_noticeboard_preference(user, network) -> str:
    """How often the person hears about new posts ("none" until they choose)."""
    preference = _champions("NoticeboardPreference").objects.filter(network=network, person=user).first()
    return preference.frequency if preference else "none"


def network_champions_for_staff(user, network):
    """Every champion of a network, pending too, for the team's figures and approvals."""
    if not is_network_staff(user, network.programme):
        raise PermissionDenied("Only the programme team can see the network's growth.")
    return _champions("Champion").objects.filter(network=network)


# Groups and consultations hang off the programme (another app may consult on its own drafts),
# so a programme without a champions network can still run them. The team (administrators and
# facilitators) runs them; consultees see the ones sent to them; everyone else gets 404.


def can_run_consultations(user, programme) -> bool:
    return is_network_staff(user, programme)


def get_consultation_programme_or_404(user, slug):
    """A programme whose consultations the person may list: the team, group members and champions."""
    programme = get_programme_or_404(user, slug)
    if not (can_run_consultations(user, programme) or consultations_for(user, programme).exists()):
        raise PermissionDenied("Consultations are for the groups they are sent to and the programme team.")
    return programme


def consultations_for(user, programme):
    Consultation = _champions("Consultation")
    if not user.is_authenticated:
        return Consultation.objects.none()
    consultations = Consultation.objects.in_programme(programme)
    return consultations if can_run_consultations(user, programme) else consultations.sent_to(user)


def get_consultation_or_404(user, programme, pk):
    return get_object_or_404(
        consultations_for(user, programme).select_related("opened_by", "decided_by"), pk=pk
    )


def get_run_consultation_or_404(user, programme, pk):
    consultation = get_consultation_or_404(user, programme, pk)
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can respond and record the outcome.")
    return consultation


def can_respond_to_consultation(user, consultation) -> bool:
    return consultation.consultee_people().filter(pk=user.pk).exists()


def group_memberships_for(user, programme):
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can change the groups.")
    return _champions("GroupMembership").objects.in_programme(programme).select_related("person")


def get_group_membership_or_404(user, programme, pk):
    return get_object_or_404(group_memberships_for(user, programme), pk=pk)


def group_candidates_for(user, programme):
    """People who may be given a seat on a group: members of the programme."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    if not can_run_consultations(user, programme):
        raise PermissionDenied("Only the programme team can change the groups.")
    return User.objects.active().filter(
        pk__in=Membership.objects.filter(programme=programme).values("person")
    )


def managed_champions_for(user, network):
    """Every champion of a network, for administrators recording consent on someone's behalf."""
    if not can_manage_programme(user, network.programme):
        raise PermissionDenied("Only programme administrators can do this.")
    return _champions("Champion").objects.filter(network=network).select_related("person")


def get_managed_champion_or_404(user, network, pk):
    return get_object_or_404(managed_champions_for(user, network), pk=pk)
