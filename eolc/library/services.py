"""Writes for the library and trainer pack. Views validate input with forms, then call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from eolc.library.models import (
    SECTOR_COUNT_FIELDS,
    Audience,
    DeliveredSession,
    PlanSection,
    Resource,
    SessionPlan,
    Status,
)
from eolc.library.uploads import download_name

RESOURCE_FIELDS = (
    "title",
    "kind",
    "summary",
    "body",
    "programme",
    "licence",
    "content_warning",
    "version",
    "review_date",
    "url",
    "captions",
    "transcript",
)


def _apply(resource, *, data, upload, file_type, audiences):
    for name in RESOURCE_FIELDS:
        if name in data:
            setattr(resource, name, data[name])
    for value in Audience.values:
        setattr(resource, f"for_{value}", value in audiences)
    if upload is not None:
        if resource.file:
            # Removed only once the new file is committed: a rolled-back change keeps the old one.
            replaced = resource.file.name
            storage = resource.file.storage
            transaction.on_commit(lambda: storage.delete(replaced))
        resource.file_type = file_type.mime
        resource.file_name = download_name(upload.name, file_type)
        resource.file_size = upload.size
        resource.file.save("upload", upload, save=False)


@transaction.atomic
def resource_create(*, created_by, data, audiences, domains, roles, upload=None, file_type=None) -> Resource:
    """A new draft resource. `upload` must already have passed uploads.check_upload (giving `file_type`)."""
    resource = Resource(created_by=created_by, status=Status.DRAFT)
    _apply(resource, data=data, upload=upload, file_type=file_type, audiences=audiences)
    resource.save()
    resource.domains.set(domains)
    resource.roles.set(roles)
    return resource


@transaction.atomic
def resource_update(*, resource, data, audiences, domains, roles, upload=None, file_type=None) -> Resource:
    """Change a resource. A published one that no longer meets the rules for publishing goes back to draft."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    _apply(resource, data=data, upload=upload, file_type=file_type, audiences=audiences)
    if resource.status == Status.PUBLISHED and resource.publish_problems():
        resource.status = Status.DRAFT
    resource.save()
    resource.domains.set(domains)
    resource.roles.set(roles)
    return resource


@transaction.atomic
def resource_publish(*, resource) -> Resource:
    """Publish, or raise ValidationError listing what is missing (a film needs captions and a transcript)."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    problems = resource.publish_problems()
    if problems:
        raise ValidationError(problems)
    resource.status = Status.PUBLISHED
    resource.save(update_fields=["status", "updated_at"])
    return resource


@transaction.atomic
def resource_unpublish(*, resource) -> Resource:
    Resource.objects.filter(pk=resource.pk).update(status=Status.DRAFT)
    resource.refresh_from_db()
    return resource


def resource_download_record(*, resource) -> None:
    """Count a download in the database itself, so simultaneous downloads are all counted."""
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)


# --- Session plans ----------------------------------------------------------------------------


def plan_minutes_problem(*, plan_minutes: int, section_minutes: list[int]) -> str | None:
    """The message a trainer sees when the sections do not fill the session exactly."""
    total = sum(section_minutes)
    if total == plan_minutes:
        return None
    gap = plan_minutes - total
    change = f"add {gap} minutes" if gap > 0 else f"take out {-gap} minutes"
    return (
        f"The sections add up to {total} minutes but the session is {plan_minutes} minutes long: "
        f"{change}, or change the length of the session."
    )


@transaction.atomic
def session_plan_save(*, plan=None, created_by=None, data, sections) -> SessionPlan:
    """Create or replace a plan and its sections; refused unless the sections add up to its length.

    `sections` is a list of dicts with title, minutes, activity, notes and resources, in order.
    """
    problem = plan_minutes_problem(
        plan_minutes=data["minutes"], section_minutes=[s["minutes"] for s in sections]
    )
    if problem:
        raise ValidationError(problem)
    if plan is None:
        plan = SessionPlan(created_by=created_by)
    else:
        plan = SessionPlan.objects.select_for_update().get(pk=plan.pk)
    for name in ("programme", "title", "minutes", "aim", "key_messages"):
        setattr(plan, name, data[name])
    plan.save()
    plan.linked_key_messages.set(data.get("linked_key_messages", []))
    plan.sections.all().delete()
    for number, section in enumerate(sections, start=1):
        saved = PlanSection.objects.create(
            plan=plan,
            number=number,
            title=section["title"],
            minutes=section["minutes"],
            activity=section["activity"],
            notes=section.get("notes", ""),
        )
        saved.resources.set(section.get("resources", []))
    return plan


# --- Delivered sessions -----------------------------------------------------------------------


@transaction.atomic
def delivered_session_record(*, trainer, programme, delivered_on, area, plan=None, venue="", attendees):
    """Record a session run outside the platform's events; `attendees` maps sector slugs to counts."""
    counts = {field: attendees.get(sector, 0) for sector, field in SECTOR_COUNT_FIELDS.items()}
    if sum(counts.values()) == 0:
        raise ValidationError("Give the number of people who came from at least one sector.")
    return DeliveredSession.objects.create(
        trainer=trainer,
        programme=programme,
        delivered_on=delivered_on,
        area=area,
        plan=plan,
        venue=venue,
        **counts,
    )


@transaction.atomic
def delivered_session_delete(*, session) -> None:
    session.delete()
