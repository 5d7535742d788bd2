"""Every personal-looking field of every model in our apps, present or future, is declared.

A field looks personal when it links to a person (a foreign key or many-to-many to the user
model), is an email address, or sits on a model that links to a person and is free text
(text or JSON, or a long character field without choices), an IP address, or is named like a
name, phone number, address, date of birth or note. Each must be covered by the model's
declaration in `eolc/<app>/privacy.py` (see eolc/privacy/registry.py), so that a person's download
and erasure never miss it.
"""

import re

from django.apps import apps
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from eolc.privacy.registry import About, StaffRecord, declarations

NAMED_LIKE_PERSONAL = re.compile(r"(^|_)(name|email|phone|mobile|address|birth|dob|postcode|note|notes)($|_)")


def _links_to_person(field, user_model):
    if not (field.is_relation and (field.concrete or field.many_to_many)):
        return False
    related = field.related_model  # a "app.Model" string while a model is not yet registered
    return related is user_model or related == settings.AUTH_USER_MODEL


def personal_looking_fields(model):
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    person_linked = model is user_model or any(_links_to_person(f, user_model) for f in fields)
    found = []
    for field in fields:
        if (
            _links_to_person(field, user_model)
            or isinstance(field, models.EmailField)
            or person_linked
            and (
                isinstance(field, (models.TextField, models.JSONField, models.GenericIPAddressField))
                or NAMED_LIKE_PERSONAL.search(field.name)
                or (
                    isinstance(field, models.CharField)
                    and not field.choices
                    and (field.max_length or 0) >= 100
                )
            )
        ):
            found.append(field.name)
    return found


def our_models():
    return [model for model in apps.get_models() if model.__module__.startswith("eolc.")]


def test_every_personal_looking_field_is_declared():
    declared = declarations()
    problems = []
    for model in our_models():
        fields = personal_looking_fields(model)
        if not fields:
            continue
        where = f"eolc/{model._meta.app_label}/privacy.py"
        declaration = declared.get(model)
        if declaration is None:
            problems.append(
                f"{model._meta.label} has personal-looking fields {fields}: declare it in {where} "
                f"as PERSONAL_DATA[{model._meta.label!r}] = About(...) or StaffRecord(...)"
            )
            continue
        covered = declaration.covers()
        if covered is None:
            continue
        missing = [name for name in fields if name not in covered]
        if missing:
            problems.append(
                f"{model._meta.label}.{missing} are not covered: add them to export, blank, links or "
                f"not_personal of its declaration in {where}"
            )
    assert not problems, "\n".join(problems)


def test_declarations_name_real_fields_and_a_real_path_to_the_person():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model, declaration in declarations().items():
        names = {f.name for f in [*model._meta.concrete_fields, *model._meta.many_to_many]}
        if isinstance(declaration, StaffRecord):
            assert set(declaration.links) <= names, (model, declaration.links)
            assert declaration.why
            continue
        assert isinstance(declaration, About)
        listed = {*declaration.export, *declaration.blank, *declaration.links, *declaration.not_personal}
        assert listed <= names, (model._meta.label, listed - names)
        assert set(declaration.blank) <= set(declaration.export), (
            f"{model._meta.label}: export what erasure blanks"
        )
        # The path compiles into a query (it is checked against the schema, not run).
        value = 1 if declaration.person == "pk" else user_model(pk=1)
        str(model.objects.filter(**{declaration.person: value}).query)


@isolate_apps("eolc.privacy")
def test_the_inventory_sees_a_field_added_to_a_model():
    """The check is real: a person-linked model with an undeclared text field is reported."""

    class Diary(models.Model):  # noqa: DJ008
        person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        entry = models.TextField()
        mood = models.CharField(max_length=10, choices=[("ok", "OK")])

        class Meta:
            app_label = "privacy"

    assert personal_looking_fields(Diary) == ["person", "entry"]
