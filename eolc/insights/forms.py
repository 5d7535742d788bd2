"""Forms for capture, review, themes, key messages and practice examples (NHS.UK renderer in core)."""

from django import forms
from django.db.models import Q

from eolc.accounts.models import Area, JobRole, Organisation, Sector
from eolc.insights.identifying import find_identifying_details
from eolc.insights.models import Consent, ContributionKind, PracticeCategory, ReviewStatus

CONFIRM_LABEL = "I have checked: nothing I am keeping here could identify a person"


class ContributionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.text


class IdentifyingCheckMixin:
    """Forms whose text is checked for identifying details before saving; `confirmed` saves anyway."""

    def identifying_details(self) -> list[tuple[str, list]]:
        """(text, findings) for each text with something that looks identifying, unless confirmed."""
        if self.cleaned_data.get("confirmed"):
            return []
        checked = [(text, find_identifying_details(text)) for text in self.texts_to_check()]
        return [(text, findings) for text, findings in checked if findings]


class ContributionForm(IdentifyingCheckMixin, forms.Form):
    event = forms.ModelChoiceField(
        label="Which session is this from? (optional)",
        queryset=None,
        required=False,
        empty_label="Not from a session",
    )
    programme = forms.ModelChoiceField(
        label="Which programme is it for?",
        help_text="Only needed when it is not from a session.",
        queryset=None,
        required=False,
        empty_label="Choose a programme",
    )
    kind = forms.ChoiceField(
        label="What would you like to share?", choices=ContributionKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label="Tell us about it",
        help_text=(
            "Please leave out anything that could identify a person: names, dates of birth or death, "
            "addresses, phone or NHS numbers."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    barrier = forms.ModelChoiceField(
        label="Which barrier does your solution answer? (optional)",
        queryset=None,
        required=False,
        empty_label="None in particular",
    )
    consent = forms.ChoiceField(
        label="How may we use what you have written?",
        help_text="Your name is never published. A facilitator reads everything before it is used.",
        choices=Consent.choices,
        widget=forms.RadioSelect,
    )
    confirmed = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    def __init__(self, *args, events, programmes, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["programme"].queryset = programmes
        self.fields["barrier"].queryset = barriers
        self.fields["barrier"].label_from_instance = lambda barrier: barrier.text[:120]

    def clean(self):
        data = super().clean()
        event = data.get("event")
        if event is None and data.get("programme") is None:
            self.add_error("programme", "Choose the session or the programme this is for.")
        if data.get("barrier") is not None and data.get("kind") != ContributionKind.SOLUTION:
            self.add_error("barrier", "Only a solution can answer a barrier: choose Solution or no barrier.")
        return data

    def texts_to_check(self):
        return [self.cleaned_data.get("text", "")]


class BulkContributionForm(IdentifyingCheckMixin, forms.Form):
    event = forms.ModelChoiceField(
        label="Session (optional)", queryset=None, required=False, empty_label="Not from a session"
    )
    programme = forms.ModelChoiceField(
        label="Programme",
        help_text="Only needed when they are not from a session.",
        queryset=None,
        required=False,
        empty_label="Choose a programme",
    )
    kind = forms.ChoiceField(label="Kind", choices=ContributionKind.choices, widget=forms.RadioSelect)
    sector = forms.ChoiceField(label="Sector of the people who wrote them", choices=Sector.choices)
    job_role = forms.ModelChoiceField(
        label="Their job role (optional)",
        queryset=JobRole.objects.active(),
        required=False,
        empty_label="Mixed",
    )
    consent = forms.ChoiceField(
        label="Consent given on the notes",
        choices=Consent.choices,
        initial=Consent.ANONYMOUS,
        widget=forms.RadioSelect,
    )
    lines = forms.CharField(
        label="Contributions, one per line",
        help_text="Type each note on its own line. Bullets and numbers at the start of a line are ignored.",
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
    )
    confirmed = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    def __init__(self, *args, events, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["programme"].queryset = programmes

    def clean(self):
        data = super().clean()
        if data.get("event") is None and data.get("programme") is None and "programme" not in self.errors:
            self.add_error("programme", "Choose the session or the programme these are for.")
        return data

    def clean_lines(self):
        from eolc.insights.services import bulk_lines

        lines = bulk_lines(self.cleaned_data["lines"])
        if not lines:
            raise forms.ValidationError("Type at least one contribution, one per line.")
        too_long = [index + 1 for index, line in enumerate(lines) if len(line) > 2000]
        if too_long:
            raise forms.ValidationError(f"Line {too_long[0]} is longer than 2,000 characters.")
        return lines

    def texts_to_check(self):
        return self.cleaned_data.get("lines", [])


class ReviewForm(forms.Form):
    text = forms.CharField(label="Text", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    kind = forms.ChoiceField(label="Kind", choices=ContributionKind.choices, widget=forms.RadioSelect)
    sector = forms.ChoiceField(
        label="Sector", choices=[("", "Not recorded"), *Sector.choices], required=False
    )
    job_role = forms.ModelChoiceField(
        label="Job role", queryset=JobRole.objects.active(), required=False, empty_label="Not recorded"
    )
    consent = forms.ChoiceField(label="Consent", choices=Consent.choices, widget=forms.RadioSelect)
    barrier = forms.ModelChoiceField(
        label="Barrier this solution answers", queryset=None, required=False, empty_label="None"
    )

    def __init__(self, *args, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["barrier"].queryset = barriers
        self.fields["barrier"].label_from_instance = lambda barrier: barrier.text[:120]

    def clean(self):
        data = super().clean()
        if data.get("barrier") is not None and data.get("kind") != ContributionKind.SOLUTION:
            self.add_error("barrier", "Only a solution can answer a barrier.")
        return data


class BulkReviewForm(forms.Form):
    contributions = forms.ModelMultipleChoiceField(queryset=None)
    decision = forms.ChoiceField(
        choices=[(ReviewStatus.APPROVED, "Approve"), (ReviewStatus.REJECTED, "Reject")]
    )

    def __init__(self, *args, contributions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = contributions
        self.fields["contributions"].error_messages["required"] = "Select at least one contribution."


class ThemeForm(forms.Form):
    title = forms.CharField(label="Theme", max_length=200)
    description = forms.CharField(
        label="What it is about (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    contributions = forms.ModelMultipleChoiceField(queryset=None)
    theme = forms.ModelChoiceField(
        label="Add the selected to", queryset=None, required=False, empty_label="A new theme"
    )
    new_title = forms.CharField(
        label="New theme (when adding to a new theme)", max_length=200, required=False
    )

    def __init__(self, *args, contributions, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = contributions
        self.fields["contributions"].error_messages["required"] = "Select at least one contribution."
        self.fields["theme"].queryset = themes

    def clean(self):
        data = super().clean()
        if data.get("theme") is None and not data.get("new_title", "").strip():
            self.add_error("new_title", "Choose a theme or name a new one.")
        return data


class AcceptSuggestionForm(forms.Form):
    title = forms.CharField(label="Name the theme", max_length=200)


class KeyMessageForm(forms.Form):
    title = forms.CharField(
        label="Key message", max_length=200, help_text="A short sentence people remember."
    )
    body = forms.CharField(
        label="What it means in practice", max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes that support it", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    contributions = ContributionChoiceField(
        label="Contributions that support it directly (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, themes, contributions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes
        self.fields["contributions"].queryset = contributions


class ConsultationForm(forms.Form):
    groups = forms.MultipleChoiceField(
        label="Who should comment on this draft?",
        choices=[
            ("champions", "All active champions"),
            ("project", "Project group"),
            ("strategic", "Strategic group"),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    closes_on = forms.DateField(
        label="Comments close on",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="For example, 27 3 2027",
    )


class PracticeExampleForm(forms.Form):
    title = forms.CharField(label="Name of the project or collaboration", max_length=200)
    category = forms.ChoiceField(
        label="What kind is it?", choices=PracticeCategory.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(
        label="What you did",
        help_text="Who took part, how it worked, what it took to set up.",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    outcomes = forms.CharField(
        label="What changed as a result",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.places_people_work(),
        required=False,
        empty_label="Not in one area",
    )
    organisations = forms.ModelMultipleChoiceField(
        label="Organisations involved",
        help_text="Hold Ctrl (or Cmd) to choose several.",
        queryset=Organisation.objects.all(),
        required=False,
    )
    other_organisations = forms.CharField(
        label="Other organisations involved (optional)", max_length=300, required=False
    )
    contact_consent = forms.BooleanField(
        label="Readers may contact the person named below about this example",
        help_text="Only tick this if they have agreed. Without it, no contact details are kept.",
        required=False,
    )
    contact_name = forms.CharField(label="Contact name (optional)", max_length=150, required=False)
    contact_email = forms.EmailField(label="Contact email (optional)", required=False)

    def clean(self):
        data = super().clean()
        has_contact = data.get("contact_name") or data.get("contact_email")
        if has_contact and not data.get("contact_consent"):
            self.add_error(
                "contact_consent",
                "Tick this to publish contact details, or leave the contact name and email empty.",
            )
        return data


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label="Search", max_length=100, required=False)
    category = forms.ChoiceField(
        label="Kind", choices=[("", "All kinds"), *PracticeCategory.choices], required=False
    )
    area = forms.ModelChoiceField(
        label="Area", queryset=Area.objects.all(), required=False, empty_label="All areas"
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="All organisations",
    )

    def __init__(self, *args, published, **kwargs):
        """Only areas and organisations that published examples mention are offered."""
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=published.values("organisations")
        )
        self.fields["area"].queryset = Area.objects.filter(
            Q(pk__in=published.values("area")) | Q(pk__in=published.values("area__parent"))
        )


class PracticeReviewForm(forms.Form):
    note = forms.CharField(label="Note to the person who sent it (optional)", max_length=500, required=False)
