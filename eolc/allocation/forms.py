from django import forms


class RoundForm(forms.Form):
    title = forms.CharField(label="Name of this round", max_length=200)
    events = forms.ModelMultipleChoiceField(
        label="Sessions people can ask for",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one session"},
    )
    min_sectors = forms.IntegerField(
        label="At least this many sectors in every session (optional)",
        required=False,
        min_value=1,
        max_value=7,
    )
    max_sector_share = forms.IntegerField(
        label="No sector above this percentage of a session (optional)",
        required=False,
        min_value=10,
        max_value=100,
    )

    def __init__(self, data=None, *, events):
        super().__init__(data)
        self.fields["events"].queryset = events


class MoveForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    event = forms.TypedChoiceField(label="Session", coerce=int, choices=())

    def __init__(self, data=None, *, choices):
        super().__init__(data)
        self.fields["event"].choices = choices
