from django import forms

from eolc.audit.models import Action


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(choices=[("", "Any action"), *Action.choices], required=False)
    person = forms.IntegerField(
        label="Person's id",
        required=False,
        min_value=1,
        help_text="Shows what they did and what was done to them",
    )
