"""A person's data: download all of it, and erase them everywhere while keeping the counts."""

import datetime
import io
import json
import zipfile

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from eolc.audit.models import Action
from eolc.audit.services import audit_record
from eolc.lib.csv_export import SafeWriter
from eolc.privacy.models import Erasure
from eolc.privacy.registry import about_person, declarations

ERASED_NAME = "Erased person"


def _plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if hasattr(value, "as_tuple"):  # Decimal
        return str(value)
    return value


def _rows(queryset, fields):
    return [{name: _plain(value) for name, value in row.items()} for row in queryset.values("pk", *fields)]


def person_data(*, person) -> dict:
    """Everything about the person the registry knows of, as plain JSON-ready values."""
    user_model = get_user_model()
    profile = declarations()[user_model]
    data = {"accounts.User": _rows(user_model.objects.filter(pk=person.pk), profile.export)}
    for model, declaration in about_person():
        queryset = model.objects.filter(**{declaration.person: person}).order_by("pk")
        data[model._meta.label] = _rows(queryset, declaration.export)
    return data


def person_data_zip(*, person) -> bytes:
    """The download: data.json with everything, and one CSV per kind of record."""
    data = person_data(person=person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
        for label, rows in data.items():
            if not rows:
                continue
            text = io.StringIO()
            writer = SafeWriter(text)
            writer.writerow(list(rows[0]))
            writer.writerows([[row[name] for name in rows[0]] for row in rows])
            archive.writestr(f"{label.replace('.', '-').lower()}.csv", text.getvalue())
    audit_record(actor=person, action=Action.DATA_DOWNLOADED, target=person)
    return buffer.getvalue()


def _empty(model, name):
    field = model._meta.get_field(name)
    if isinstance(field, models.JSONField):
        return field.get_default()
    if field.null:
        return None
    return ""


@transaction.atomic
def person_erase(*, person, by=None, reason: str = ""):
    """Anonymise the person everywhere. Rows that count towards reports stay; what they wrote goes.

    Everything runs in one transaction: an erasure is never half done.

    Sign-in records (allauth email addresses, two-factor devices, API tokens) are deleted, the
    account is closed with an address that cannot receive mail, and the audit log keeps only the
    account number.
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user_model = get_user_model()
    person = user_model.objects.select_for_update().get(pk=person.pk)
    for model, declaration in about_person():
        queryset = model.objects.filter(**{declaration.person: person})
        if declaration.delete_rows:
            queryset.delete()
        elif declaration.blank:
            queryset.update(**{name: _empty(model, name) for name in declaration.blank})
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    profile = declarations()[user_model]
    for name in profile.blank:
        setattr(person, name, _empty(user_model, name))
    person.email = f"erased-{person.pk}@erased.invalid"
    person.full_name = ERASED_NAME
    person.is_active = False
    person.set_unusable_password()
    person.save()
    Erasure.objects.get_or_create(person=person, defaults={"erased_by": by})
    audit_record(
        actor=by, action=Action.ERASED, target=person, detail={"grounds": reason} if reason else None
    )
    return person


def erasure_due(*, now=None, after_days: int):
    """Closed accounts whose owners asked to leave more than `after_days` ago, not yet erased."""
    now = now or timezone.now()
    return get_user_model().objects.filter(
        deletion_requested_at__lte=now - datetime.timedelta(days=after_days), erasure__isnull=True
    )


def retention_run(*, now=None, after_days: int) -> int:
    """Erase everyone whose grace period is over; returns how many."""
    erased = 0
    for person in erasure_due(now=now, after_days=after_days).iterator():
        person_erase(person=person)
        erased += 1
    return erased
