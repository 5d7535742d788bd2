"""Writes for the network: opening it, tracked invitations, joining, activation and leaving."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from eolc.champions import tasks
from eolc.champions.models import (
    Activation,
    Champion,
    ChampionStatus,
    ConsentMethod,
    Frequency,
    InvitationSource,
    Motivation,
    Network,
    NoticeboardPreference,
)
from eolc.champions.services.consent import consent_state, consents_set
from eolc.core.outbox import enqueue_on_commit
from eolc.events.models import Attendance, EventKind
from eolc.programmes import services as programme_services
from eolc.programmes.models import Role


class AlreadyChampion(Exception):
    """The person is already in this network (pending or active)."""


@transaction.atomic
def network_open(*, programme, invitation_text: str = "") -> Network:
    network, created = Network.objects.get_or_create(
        programme=programme, defaults={"invitation_text": invitation_text}
    )
    if not created and not network.invitation_open:
        network.invitation_open = True
        network.save(update_fields=["invitation_open"])
    return network


@transaction.atomic
def invitation_source_create(*, network: Network, code: str, label: str, by) -> InvitationSource:
    code = code.strip().lower()
    if network.sources.filter(code=code).exists():
        raise ValidationError({"code": "A link with this code already exists; choose another"})
    return InvitationSource.objects.create(network=network, code=code, label=label.strip(), created_by=by)


def invitation_email(*, network: Network, addresses: list[str], by, source=None, note: str = "") -> int:
    """Queue the invitation to each address, with the tracked link if a source is given.
    Addresses are not stored: they live only in the queued task until it has run."""
    if source is not None and source.network_id != network.pk:
        raise ValidationError({"source": "That link belongs to another network"})
    source_id = source.pk if source else None
    enqueue_on_commit(tasks.invitation_email, network.pk, list(addresses), source_id, note.strip(), by.pk)
    return len(addresses)


def invitation_visit(*, network: Network, code: str) -> InvitationSource | None:
    """The source a visitor came from, counted once per page view (an UPDATE, so no lost counts)."""
    source = network.sources.filter(code=(code or "").strip().lower()[:40]).first() if code else None
    if source is not None:
        InvitationSource.objects.filter(pk=source.pk).update(visits=F("visits") + 1)
    return source


# --- Joining and activation --------------------------------------------------------------------


@transaction.atomic
def champion_sign_up(
    *,
    network: Network,
    person,
    motivations: list[str],
    statement: str = "",
    interests=(),
    job_title: str = "",
    phone: str = "",
    bio: str = "",
    source: InvitationSource | None = None,
) -> Champion:
    """Join the network as a pending champion; someone who already attended a champion event is active."""
    unknown = set(motivations) - set(Motivation.values)
    if not motivations or unknown:
        raise ValidationError({"motivations": "Choose at least one: experience, expertise or enthusiasm"})
    if source is not None and source.network_id != network.pk:
        source = None
    returning = (
        Champion.objects.select_for_update()
        .filter(network=network, person=person, status=ChampionStatus.LEFT)
        .first()
    )
    if returning is not None:
        # Someone who left comes back as pending; their old consent history stays, all withdrawn.
        Champion.objects.filter(pk=returning.pk).update(
            status=ChampionStatus.PENDING, left_at=None, activated_at=None, activated_by="", approved_by=None
        )
        champion = champion_profile_update(
            champion=Champion.objects.get(pk=returning.pk),
            interests=interests,
            motivations=list(motivations),
            statement=statement,
            job_title=job_title,
            phone=phone,
            bio=bio,
        )
        champions_activate_from_attendance(network=network, person=person)
        champion.refresh_from_db()
        return champion
    try:
        with transaction.atomic():
            champion = Champion.objects.create(
                network=network,
                person=person,
                motivations=list(motivations),
                statement=statement.strip(),
                job_title=job_title.strip(),
                phone=phone.strip(),
                bio=bio.strip(),
                source=source,
            )
    except IntegrityError:
        raise AlreadyChampion("You have already joined this champions network.") from None
    champion.interests.set(interests)
    champions_activate_from_attendance(network=network, person=person)
    champion.refresh_from_db()
    return champion


@transaction.atomic
def champion_profile_update(*, champion: Champion, interests=None, **fields) -> Champion:
    allowed = {"motivations", "statement", "job_title", "phone", "bio"}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{name} cannot be changed here")
        setattr(champion, name, value.strip() if isinstance(value, str) else value)
    champion.save(update_fields=list(fields))
    if interests is not None:
        champion.interests.set(interests)
    return champion


@transaction.atomic
def champion_activate(*, champion: Champion, how: str, by=None, now=None) -> bool:
    """Make a pending champion active and give them the programme's champion role. False if already active."""
    champion = Champion.objects.select_for_update().select_related("network__programme").get(pk=champion.pk)
    if champion.is_active:
        return False
    champion.status = ChampionStatus.ACTIVE
    champion.activated_at = now or timezone.now()
    champion.activated_by = how
    champion.approved_by = by if how == Activation.APPROVAL else None
    champion.save(update_fields=["status", "activated_at", "activated_by", "approved_by"])
    programme_services.membership_add(
        programme=champion.network.programme, person=champion.person, role=Role.CHAMPION
    )
    return True


@transaction.atomic
def champion_leave(*, champion: Champion, by, now=None) -> Champion:
    """Leave the network: everything shared is withdrawn (recorded in the ledger) and the role goes."""
    champion = Champion.objects.select_for_update().select_related("network__programme").get(pk=champion.pk)
    if champion.has_left:
        return champion
    withdraw = {key: False for key, granted in consent_state(champion).items() if granted}
    consents_set(champion=champion, wanted=withdraw, method=ConsentMethod.WEB, by=by)
    champion.status, champion.left_at = ChampionStatus.LEFT, now or timezone.now()
    champion.save(update_fields=["status", "left_at"])
    programme_services.membership_revoke(
        programme=champion.network.programme, person=champion.person, role=Role.CHAMPION
    )
    NoticeboardPreference.objects.filter(network=champion.network, person=champion.person).update(
        frequency=Frequency.NONE
    )
    return champion


def champions_activate_from_attendance(*, network: Network | None = None, person=None) -> int:
    """Activate pending champions who are recorded as having attended one of their network's champion events.

    Events do not know about champions (they come first), so the network reads check-in data
    here: when someone joins, when pages are opened and on each periodic run.
    """
    pending = Champion.objects.pending().select_related("network")
    if network is not None:
        pending = pending.filter(network=network)
    if person is not None:
        pending = pending.filter(person=person)
    attended = Attendance.objects.attended().filter(event__kind=EventKind.CHAMPION_EVENT)
    count = 0
    for champion in pending:
        went = attended.filter(
            person_id=champion.person_id, event__programme_id=champion.network.programme_id
        )
        if went.exists() and champion_activate(champion=champion, how=Activation.ATTENDANCE):
            count += 1
    return count
