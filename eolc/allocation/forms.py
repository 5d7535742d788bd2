from django import forms
from django.utils import timezone


class RoundForm(forms.Form):
    title = forms.CharField(label="Name of this round", max_length=200)
    events = forms.ModelMultipleChoiceField(
        label="Sessions people can ask for",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one session"},
    )
    cut_off = forms.DateTimeField(
        label="Requests close at (optional)",
        help_text="Groups are proposed for you to check then. Leave it empty to propose them yourself.",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
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

    def __init__(self, data=None, *, events, now=None):
        super().__init__(data)
        self.fields["events"].queryset = events
        self.now = now or timezone.now()

    def clean_cut_off(self):
        cut_off = self.cleaned_data["cut_off"]
        if cut_off is not None and cut_off <= self.now:
            raise forms.ValidationError("Requests must close in the future")
        return cut_off

    def clean(self):
        cleaned = super().clean()
        cut_off, events = cleaned.get("cut_off"), cleaned.get("events")
        if cut_off is not None and events:
            first = min(events, key=lambda e: e.starts_at)
            if cut_off >= first.starts_at:
                self.add_error(
                    "cut_off", f"Requests must close before the first session, “{first.title}”, starts"
                )
        return cleaned


class MoveForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    event = forms.TypedChoiceField(label="Session", coerce=int, choices=())

    def __init__(self, data=None, *, choices):
        super().__init__(data)
        self.fields["event"].choices = choices


def _session_label(event) -> str:
    """ "Tuesday evening: Tuesday 3 March, 18:00, online" for a checkbox."""
    where = "online" if event.online else event.venue_name
    when = f"{timezone.localtime(event.starts_at):%A %-d %B, %H:%M}"
    return ", ".join(part for part in (f"{event.title}: {when}", where) if part)


class PlaceRequestForm(forms.Form):
    events = forms.ModelMultipleChoiceField(
        label="Which of these sessions could you attend?",
        help_text="Choose every one you could. The more you choose, the likelier you are to get a place.",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one session you could attend"},
    )

    def __init__(self, data=None, *, events, initial=None):
        super().__init__(data, initial=initial)
        self.fields["events"].queryset = events
        self.fields["events"].label_from_instance = _session_label
