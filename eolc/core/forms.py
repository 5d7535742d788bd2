"""The one place where Django forms meet the NHS.UK design system."""

from django.forms.renderers import DjangoTemplates


class NHSFormRenderer(DjangoTemplates):
    """Renders every form as an NHS.UK error summary plus NHS.UK form groups."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
