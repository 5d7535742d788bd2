"""Notes that a programme's raw data changed, written in the same transaction as the change.

Reports depend on every other app and nothing depends on reports (docs/design), so the apps that
own the data cannot call us; we listen to their model signals instead. The receivers only record
what changed (one insert naming the kind of change and its session or person, no business rule);
`rollups.refresh_due` brings just those facts up to date within the minute (ADR 019). Queryset
`update()` and `bulk_create()` send no signals: code that uses them on this data (the scale-data
generator) rebuilds the rollups itself.
"""

from django.db.models.signals import post_delete, post_save

from eolc.action_plans.models import Action, ActionPlan
from eolc.curriculum.models import Completion
from eolc.evaluation.models import Response, Survey
from eolc.events.models import Attendance, Event
from eolc.reports.models import ChangeKind, RollupChange

# Fields of a person that rollups group by; saving only other fields (e.g. last_login) changes nothing.
PROFILE_FIELDS = {"sector", "job_role", "job_role_id", "area", "area_id"}


def note(programme_ids, kind, *, event_id=None, person_id=None) -> None:
    RollupChange.objects.bulk_create(
        [
            RollupChange(programme_id=pid, kind=kind, event_id=event_id, person_id=person_id)
            for pid in {pid for pid in programme_ids if pid is not None}
        ]
    )


def _programme_of(event_id):
    return Event.objects.filter(pk=event_id).values_list("programme_id", flat=True)


def _event_changed(sender, instance, **kwargs):
    note([instance.programme_id], ChangeKind.SESSION, event_id=instance.pk)


def _attendance_changed(sender, instance, **kwargs):
    note(
        _programme_of(instance.event_id),
        ChangeKind.ATTENDANCE,
        event_id=instance.event_id,
        person_id=instance.person_id,
    )


def _completion_changed(sender, instance, **kwargs):
    note([instance.part.programme_id], ChangeKind.CREDIT, person_id=instance.person_id)


def _plan_changed(sender, instance, **kwargs):
    if instance.event_id is not None:
        note(_programme_of(instance.event_id), ChangeKind.PLAN)


def _action_changed(sender, instance, **kwargs):
    note(
        ActionPlan.objects.filter(pk=instance.plan_id).values_list("event__programme_id", flat=True),
        ChangeKind.PLAN,
    )


def _response_changed(sender, instance, **kwargs):
    # Drafts count nowhere; a response is submitted (or deleted) once, so this notes little.
    if instance.submitted_at is not None:
        note(
            Survey.objects.filter(pk=instance.survey_id).values_list("programme_id", flat=True),
            ChangeKind.OUTCOME,
            event_id=instance.event_id,
            person_id=instance.person_id,
        )


def _person_changed(sender, instance, created=False, update_fields=None, **kwargs):
    if created or (update_fields is not None and not PROFILE_FIELDS & set(update_fields)):
        return
    attended = Event.objects.filter(attendances__person=instance).values_list("programme_id", flat=True)
    completed = Completion.objects.filter(person=instance).values_list("part__programme_id", flat=True)
    answered = Response.objects.filter(person=instance).values_list("survey__programme_id", flat=True)
    note(
        [*attended.distinct(), *completed.distinct(), *answered.distinct()],
        ChangeKind.PROFILE,
        person_id=instance.pk,
    )


def connect() -> None:
    from django.contrib.auth import get_user_model

    for model, receiver in (
        (Event, _event_changed),
        (Attendance, _attendance_changed),
        (Completion, _completion_changed),
        (ActionPlan, _plan_changed),
        (Action, _action_changed),
        (Response, _response_changed),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"reports-{model.__name__}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"reports-{model.__name__}-delete")
    post_save.connect(_person_changed, sender=get_user_model(), dispatch_uid="reports-person-save")
