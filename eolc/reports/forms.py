from django import forms

from eolc.accounts.models import Area, Sector
from eolc.events.models import EventKind


class DashboardFilterForm(forms.Form):
    """Filters shared by the dashboard, its exports and the report; all optional."""

    phase = forms.ModelChoiceField(label="Phase", queryset=None, required=False, empty_label="All phases")
    start = forms.DateField(
        label="Sessions from",
        help_text="Figures are counted by month, so a date includes its whole month.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label="Sessions until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    area = forms.ModelChoiceField(
        label="Area where sessions were held", queryset=None, required=False, empty_label="All areas"
    )
    sector = forms.ChoiceField(
        label="Sector of the people reached",
        choices=[("", "All sectors"), *Sector.choices, ("unknown", "Not recorded")],
        required=False,
    )
    kind = forms.ChoiceField(
        label="Kind of session", choices=[("", "All kinds"), *EventKind.choices], required=False
    )

    def __init__(self, data, *, phases, areas):
        super().__init__(data)
        self.fields["phase"].queryset = phases
        self.fields["area"].queryset = areas

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date must be the same as or after the start date.")
        return cleaned


def filter_areas(programme_ids):
    """Target areas of the programmes, with the regions above them (to filter by a whole region)."""
    targets = Area.objects.filter(phases__programme_id__in=programme_ids)
    return Area.objects.filter(pk__in=targets.values("pk")) | Area.objects.filter(
        pk__in=targets.values("parent")
    )


class LearningPointsForm(forms.Form):
    text = forms.CharField(
        label="Learning points",
        help_text="What the programme learned, in your words. One point per paragraph; "
        "leave a blank line between paragraphs.",
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
