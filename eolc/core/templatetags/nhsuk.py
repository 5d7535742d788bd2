"""Template helpers that put NHS.UK classes and ARIA links on Django widgets."""

from django import template

register = template.Library()

_INPUT_CLASS = {
    "select": "nhsuk-select",
    "selectmultiple": "nhsuk-select",
    "textarea": "nhsuk-textarea",
    "clearablefile": "nhsuk-file-upload",
    "file": "nhsuk-file-upload",
}
CHOICE_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_choice_group(bound_field):
    return bound_field.widget_type in CHOICE_WIDGETS


@register.filter
def is_single_checkbox(bound_field):
    return bound_field.widget_type == "checkbox"


@register.filter
def first_input_id(bound_field):
    """Where an error summary link should land: the first radio for a group."""
    if bound_field.widget_type in CHOICE_WIDGETS:
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def _described_by(bound_field):
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.filter
def nhsuk_widget(bound_field):
    base = _INPUT_CLASS.get(bound_field.widget_type, "nhsuk-input")
    classes = [base]
    if bound_field.errors:
        classes.append(f"{base}--error")
    existing = bound_field.field.widget.attrs.get("class")
    if existing:
        classes.append(existing)
    attrs = {"class": " ".join(classes)}
    described_by = _described_by(bound_field)
    if described_by:
        attrs["aria-describedby"] = described_by
    return bound_field.as_widget(attrs=attrs)


@register.filter
def nhsuk_choice_kind(bound_field):
    return "radios" if bound_field.widget_type == "radioselect" else "checkboxes"
