"""Writes for insights: capturing and reviewing contributions, themes, suggestions, key messages
and practice examples. Reads live on the models' querysets; who may call these is decided in
eolc.programmes.access."""

import re

from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from eolc.core.outbox import enqueue_on_commit
from eolc.insights import suggest
from eolc.insights.identifying import find_identifying_details
from eolc.insights.models import (
    Contribution,
    ContributionKind,
    ExampleStatus,
    KeyMessage,
    KeyMessageVersion,
    MessageStatus,
    PracticeExample,
    ReviewStatus,
    SuggestionRun,
    SuggestionStatus,
    Theme,
)

LIST_MARKER = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s*")


class InsightRefused(Exception):
    """A write that would break a rule people can understand; the message says which."""


# --- Contributions ----------------------------------------------------------------------------


def _programme_of(event, programme):
    if event is not None and event.programme_id is not None:
        return event.programme
    return programme


def _check_barrier(kind, barrier):
    if barrier is None:
        return
    if kind != ContributionKind.SOLUTION:
        raise InsightRefused("Only a solution can be linked to a barrier.")
    if barrier.kind != ContributionKind.BARRIER:
        raise InsightRefused("A solution can only be linked to a barrier.")


@transaction.atomic
def contribution_create(
    *,
    kind,
    text,
    consent,
    contributor=None,
    entered_by=None,
    event=None,
    programme=None,
    barrier=None,
    sector=None,
    job_role=None,
    now=None,
) -> Contribution:
    """Store a contribution for review. Sector and role come from the contributor's profile unless given.

    What the identifying-details check still finds is kept with it, so the reviewer looks twice.
    """
    text = text.strip()
    if not text:
        raise InsightRefused("Write what you would like to share.")
    _check_barrier(kind, barrier)
    if contributor is not None:
        sector = sector if sector is not None else contributor.sector
        job_role = job_role if job_role is not None else contributor.job_role
    return Contribution.objects.create(
        programme=_programme_of(event, programme),
        event=event,
        kind=kind,
        text=text,
        barrier=barrier,
        sector=sector or "",
        job_role=job_role,
        consent=consent,
        contributor=contributor,
        entered_by=entered_by or contributor,
        flagged=[str(finding) for finding in find_identifying_details(text)],
        created_at=now or timezone.now(),
    )


def bulk_lines(text: str) -> list[str]:
    """One contribution per non-empty line; bullets and numbering typed from sticky notes are dropped."""
    lines = []
    for line in text.splitlines():
        line = LIST_MARKER.sub("", line.strip()).strip()
        if line:
            lines.append(line)
    return lines


@transaction.atomic
def contributions_bulk_create(
    *, entered_by, lines, kind, consent, sector="", job_role=None, event=None, programme=None
) -> list[Contribution]:
    """Contributions typed in from paper or sticky notes: one per line, all of one kind and sector,
    stored in one insert."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        raise InsightRefused("Type at least one contribution, one per line.")
    now = timezone.now()
    return Contribution.objects.bulk_create(
        Contribution(
            programme=_programme_of(event, programme),
            event=event,
            kind=kind,
            text=line,
            sector=sector or "",
            job_role=job_role,
            consent=consent,
            entered_by=entered_by,
            flagged=[str(finding) for finding in find_identifying_details(line)],
            created_at=now,
        )
        for line in lines
    )


@transaction.atomic
def contribution_review(*, contribution, by, decision, **changes) -> Contribution:
    """Approve or reject a contribution, with any corrections the reviewer made (text, kind, consent...)."""
    if decision not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        raise InsightRefused("Choose approve or reject.")
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    for name in ("text", "kind", "consent", "sector", "job_role", "barrier"):
        if name in changes:
            setattr(contribution, name, changes[name])
    _check_barrier(contribution.kind, contribution.barrier)
    contribution.text = contribution.text.strip()
    if not contribution.text:
        raise InsightRefused("A contribution cannot be empty.")
    contribution.flagged = [str(finding) for finding in find_identifying_details(contribution.text)]
    contribution.status = decision
    contribution.reviewed_by = by
    contribution.reviewed_at = timezone.now()
    contribution.save()
    return contribution


@transaction.atomic
def contributions_review_many(*, contributions, by, decision) -> int:
    """Approve or reject several at once (the ones still waiting); returns how many changed."""
    if decision not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        raise InsightRefused("Choose approve or reject.")
    return contributions.pending().update(status=decision, reviewed_by=by, reviewed_at=timezone.now())


# --- Themes -----------------------------------------------------------------------------------


def _same_programme(theme, contributions):
    wrong = [c for c in contributions if c.programme_id != theme.programme_id]
    if wrong:
        raise InsightRefused("Contributions can only join themes of their own programme.")
    if any(c.status != ReviewStatus.APPROVED for c in contributions):
        raise InsightRefused("Only approved contributions can be grouped into themes.")


@transaction.atomic
def theme_create(*, programme, title, by=None, description="", contributions=()) -> Theme:
    title = title.strip()
    if Theme.objects.in_programme(programme).filter(title__iexact=title).exists():
        raise InsightRefused(f"There is already a theme called “{title}”.")
    theme = Theme.objects.create(programme=programme, title=title, description=description, created_by=by)
    contributions = list(contributions)
    _same_programme(theme, contributions)
    theme.contributions.add(*contributions)
    return theme


@transaction.atomic
def theme_update(*, theme, title, description="") -> Theme:
    title = title.strip()
    if Theme.objects.in_programme(theme.programme).filter(title__iexact=title).exclude(pk=theme.pk).exists():
        raise InsightRefused(f"There is already a theme called “{title}”.")
    theme.title, theme.description = title, description
    theme.save(update_fields=["title", "description"])
    return theme


@transaction.atomic
def theme_assign(*, theme, contributions) -> int:
    contributions = list(contributions)
    _same_programme(theme, contributions)
    before = theme.contributions.count()
    theme.contributions.add(*contributions)
    return theme.contributions.count() - before


@transaction.atomic
def theme_unassign(*, theme, contributions) -> None:
    theme.contributions.remove(*contributions)


@transaction.atomic
def theme_move(*, source, target, contributions) -> None:
    """Take contributions out of one theme and put them in another of the same programme."""
    contributions = list(contributions)
    if target.pk == source.pk:
        raise InsightRefused("Choose a different theme to move it to.")
    if target.programme_id != source.programme_id:
        raise InsightRefused("Contributions can only move between themes of one programme.")
    _same_programme(target, contributions)
    source.contributions.remove(*contributions)
    target.contributions.add(*contributions)


@transaction.atomic
def theme_merge(*, theme, into) -> Theme:
    """Fold `theme` into `into`: its contributions join, key messages it supported are supported by
    `into` instead (so traceability is kept), and `theme` is deleted."""
    if into.pk == theme.pk:
        raise InsightRefused("Choose a different theme to merge into.")
    if into.programme_id != theme.programme_id:
        raise InsightRefused("Themes can only be merged within one programme.")
    into.contributions.add(*theme.contributions.all())
    into.key_messages.add(*theme.key_messages.all())
    theme.delete()
    return into


@transaction.atomic
def theme_delete(*, theme) -> None:
    theme.delete()


# --- Suggested themes (background) --------------------------------------------------------------


@transaction.atomic
def suggestion_run_create(*, programme, by=None) -> SuggestionRun:
    """Queue a run over the programme's approved contributions; its page shows progress until it is done."""
    from eolc.insights import tasks

    run = SuggestionRun.objects.create(programme=programme, created_by=by)
    enqueue_on_commit(tasks.suggestion_run_task, run.pk)
    return run


def _progress(run_id, percent):
    SuggestionRun.objects.filter(pk=run_id, status=SuggestionStatus.RUNNING).update(progress=percent)


def suggestion_run(*, run_id: int, method: str | None = None) -> bool:
    """Run a queued suggestion. Returns False when another worker already took it."""
    claimed = SuggestionRun.objects.filter(pk=run_id, status=SuggestionStatus.QUEUED).update(
        status=SuggestionStatus.RUNNING, progress=5
    )
    if not claimed:
        return False
    run = SuggestionRun.objects.get(pk=run_id)
    rows = list(
        Contribution.objects.in_programme(run.programme_id)
        .approved()
        .order_by("pk")
        .values_list("pk", "text")
    )
    try:
        result = suggest.suggest_themes(
            [text for _, text in rows], method=method, progress=lambda percent: _progress(run_id, percent)
        )
    except Exception as exc:
        SuggestionRun.objects.filter(pk=run_id).update(
            status=SuggestionStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    ids = [pk for pk, _ in rows]
    clusters = [
        {
            "terms": cluster.terms,
            "contributions": [ids[index] for index in cluster.members],
            "representatives": [ids[index] for index in cluster.representatives],
        }
        for cluster in result.clusters
    ]
    SuggestionRun.objects.filter(pk=run_id).update(
        status=SuggestionStatus.DONE,
        progress=100,
        method=result.method,
        clusters=clusters,
        finished_at=timezone.now(),
    )
    return True


@transaction.atomic
def suggestion_accept(*, run, index, title="", by=None, into=None) -> Theme:
    """Make one suggested cluster a theme, or add it to the existing theme `into`; contributions no
    longer approved since the run are left out."""
    run = SuggestionRun.objects.select_for_update().get(pk=run.pk)
    if run.status != SuggestionStatus.DONE or not 0 <= index < len(run.clusters):
        raise InsightRefused("That suggestion is no longer available.")
    if index in run.accepted:
        raise InsightRefused("That suggestion is already a theme.")
    members = (
        Contribution.objects.in_programme(run.programme_id)
        .approved()
        .filter(pk__in=run.clusters[index]["contributions"])
    )
    if into is None:
        theme = theme_create(programme=run.programme, title=title, by=by, contributions=members)
    else:
        if into.programme_id != run.programme_id:
            raise InsightRefused("Suggestions can only join themes of their own programme.")
        theme_assign(theme=into, contributions=members)
        theme = into
    run.accepted = [*run.accepted, index]
    run.save(update_fields=["accepted"])
    return theme


# --- Key messages -----------------------------------------------------------------------------


def _unique_slug(title, exclude=None):
    base = slugify(title)[:190] or "key-message"
    slug, number = base, 2
    taken = KeyMessage.objects.exclude(pk=exclude) if exclude else KeyMessage.objects.all()
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _supporting(message, themes, contributions):
    themes, contributions = list(themes), list(contributions)
    if any(theme.programme_id != message.programme_id for theme in themes) or any(
        c.programme_id != message.programme_id for c in contributions
    ):
        raise InsightRefused(
            "A key message can only be supported by its own programme's themes and contributions."
        )
    message.themes.set(themes)
    message.contributions.set(contributions)


@transaction.atomic
def key_message_create(*, programme, title, body, by=None, themes=(), contributions=(), position=None):
    if position is None:
        position = (KeyMessage.objects.in_programme(programme).aggregate(top=Max("position"))["top"] or 0) + 1
    message = KeyMessage.objects.create(
        programme=programme,
        title=title.strip(),
        slug=_unique_slug(title),
        body=body.strip(),
        position=position,
        created_by=by,
    )
    _supporting(message, themes, contributions)
    return message


@transaction.atomic
def key_message_update(*, message, title, body, by=None, themes=(), contributions=()) -> KeyMessage:
    """Change a message. A published message's new wording is published at once as a new version;
    the wording it replaces stays in its history."""
    message = KeyMessage.objects.select_for_update().get(pk=message.pk)
    changed = (message.title, message.body) != (title.strip(), body.strip())
    message.title, message.body = title.strip(), body.strip()
    message.updated_at = timezone.now()
    message.save(update_fields=["title", "body", "updated_at"])
    _supporting(message, themes, contributions)
    if changed and message.is_published:
        return _publish(message, by)
    return message


def _publish(message, by):
    message.version += 1
    message.status = MessageStatus.PUBLISHED
    message.published_at = timezone.now()
    message.save(update_fields=["version", "status", "published_at"])
    KeyMessageVersion.objects.create(
        message=message, number=message.version, title=message.title, body=message.body, published_by=by
    )
    return message


@transaction.atomic
def key_message_publish(*, message, by=None) -> KeyMessage:
    message = KeyMessage.objects.select_for_update().get(pk=message.pk)
    if message.is_published:
        raise InsightRefused("This message is already published.")
    latest = message.versions.first()
    if latest is not None and (latest.title, latest.body) == (message.title, message.body):
        # Published again unchanged after being withdrawn: the same version comes back.
        message.status, message.published_at = MessageStatus.PUBLISHED, timezone.now()
        message.save(update_fields=["status", "published_at"])
        return message
    return _publish(message, by)


@transaction.atomic
def key_message_withdraw(*, message) -> KeyMessage:
    message = KeyMessage.objects.select_for_update().get(pk=message.pk)
    message.status = MessageStatus.WITHDRAWN
    message.save(update_fields=["status"])
    return message


def consultation_available() -> bool:
    return apps.is_installed("eolc.champions")


def key_message_consultation_open(*, message, groups, closes_on, by):
    """Send a draft to champions or the strategic group for comments, through the champions app.

    This is the seam to `eolc.champions.services.consultation_open`; until that app is part of the
    site, `consultation_available()` is False and the pages do not offer it.
    """
    if not consultation_available():
        raise InsightRefused("Consultations are not available on this site yet.")
    from eolc.champions.services import consultation_open

    return consultation_open(
        programme=message.programme,
        title=f"Key message: {message.title}",
        body=message.body,
        groups=groups,
        closes_on=closes_on,
        subject=message,
        opened_by=by,
    )


# --- Practice examples ------------------------------------------------------------------------


@transaction.atomic
def practice_example_submit(*, by, organisations=(), **fields) -> PracticeExample:
    if not fields.get("contact_consent"):
        fields["contact_name"], fields["contact_email"] = "", ""
    example = PracticeExample.objects.create(submitted_by=by, **fields)
    example.organisations.set(organisations)
    return example


@transaction.atomic
def practice_example_review(*, example, by, publish: bool, note="") -> PracticeExample:
    example = PracticeExample.objects.select_for_update().get(pk=example.pk)
    example.status = ExampleStatus.PUBLISHED if publish else ExampleStatus.REJECTED
    example.published_at = timezone.now() if publish else None
    example.reviewed_by = by
    example.review_note = note
    example.save(update_fields=["status", "published_at", "reviewed_by", "review_note"])
    return example
