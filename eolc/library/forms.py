"""Forms for the library and trainer pack. They render through core's NHS.UK renderer."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from eolc.accounts.models import Area, Sector
from eolc.curriculum.models import Domain
from eolc.library.models import (
    SECTOR_COUNT_FIELDS,
    Audience,
    CareRole,
    Licence,
    ResourceKind,
    allowed_file_types,
)
from eolc.library.services import plan_minutes_problem
from eolc.library.uploads import check_upload

WEB_ADDRESS = URLValidator(schemes=["https", "http"], message="Enter a web address starting with https://")
DATE_HINT = "For example, 27 3 2027"


class LibraryFilterForm(forms.Form):
    """The search box and filters above the library list (a GET form; every field optional)."""

    q = forms.CharField(label="Search the library", max_length=200, required=False)
    kind = forms.ChoiceField(label="Kind", choices=[("", "Any kind"), *ResourceKind.choices], required=False)
    audience = forms.ChoiceField(label="For", choices=[("", "Anyone"), *Audience.choices], required=False)
    domain = forms.ModelChoiceField(
        label="Palliative care domain",
        queryset=Domain.objects.all(),
        required=False,
        empty_label="Any domain",
    )
    role = forms.ModelChoiceField(
        label="Role",
        queryset=CareRole.objects.none(),
        required=False,
        empty_label="Any role",
        to_field_name="slug",
    )
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[("", "Best match or title"), ("downloads", "Most downloaded")],
        required=False,
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles

    def apply(self, resources):
        if not self.is_valid():
            return resources
        data = self.cleaned_data
        if data["kind"]:
            resources = resources.of_kind(data["kind"])
        if data["audience"]:
            resources = resources.for_audience(data["audience"])
        if data["domain"]:
            resources = resources.in_domain(data["domain"])
        if data["role"]:
            resources = resources.for_role(data["role"])
        resources = resources.search(data["q"])
        if data["sort"] == "downloads":
            resources = resources.most_downloaded()
        return resources


class ResourceForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    kind = forms.ChoiceField(label="What kind of resource is it?", choices=ResourceKind.choices)
    summary = forms.CharField(
        label="Summary", max_length=300, help_text="One or two sentences shown in search results"
    )
    body = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What it is, who it is for and how to use it. Search looks at these words too.",
    )
    programme = forms.ModelChoiceField(label="Programme", queryset=None, required=False)
    audiences = forms.MultipleChoiceField(
        label="Who is it for?", choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    domains = forms.ModelMultipleChoiceField(
        label="Palliative care domains (optional)",
        queryset=Domain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    roles = forms.ModelMultipleChoiceField(
        label="Roles it is about (optional)",
        queryset=CareRole.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    upload = forms.FileField(
        label="File (optional)",
        required=False,
        help_text="PDF or Word (.docx) for documents; MP4 or WebM for films.",
    )
    url = forms.CharField(
        label="Web address (optional)",
        max_length=500,
        required=False,
        validators=[WEB_ADDRESS],
        help_text="For links, and for films hosted elsewhere",
    )
    captions = forms.CharField(
        label="Captions (films)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In WebVTT format, starting with the line WEBVTT. A film cannot be published without them.",
    )
    transcript = forms.CharField(
        label="Transcript (films)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="A full transcript. A film cannot be published without one.",
    )
    licence = forms.ChoiceField(label="Licence", choices=Licence.choices, initial=Licence.PROGRAMME_ONLY)
    content_warning = forms.CharField(
        label="Content warning (optional)",
        max_length=300,
        required=False,
        help_text="Shown before the resource, for example: This film is about the death of a parent",
    )
    version = forms.CharField(label="Version", max_length=30, initial="1.0")
    review_date = forms.DateField(
        label="Review by (optional)",
        required=False,
        help_text=DATE_HINT,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, programmes, roles, site_wide_allowed, current_file_type=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_type = None
        self.current_file_type = current_file_type
        field = self.fields["programme"]
        field.queryset = programmes
        field.required = not site_wide_allowed
        field.empty_label = "Everyone signed in (site-wide)" if site_wide_allowed else None
        field.help_text = "Who can find it once published: the members of a programme"
        if site_wide_allowed:
            field.help_text += ", or everyone signed in"
        self.fields["roles"].queryset = roles

    def clean_captions(self):
        captions = self.cleaned_data["captions"].strip()
        if captions and not captions.startswith("WEBVTT"):
            raise ValidationError("Captions must be in WebVTT format: the first line is WEBVTT.")
        return captions

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        kind = data.get("kind")
        if upload and kind:
            try:
                self.file_type = check_upload(upload, allowed=allowed_file_types(kind))
            except ValidationError as error:
                self.add_error("upload", error)
        elif kind and self.current_file_type and self.current_file_type not in allowed_file_types(kind):
            accepted = " or ".join(file_type.label for file_type in allowed_file_types(kind)) or "no file"
            self.add_error(
                "upload",
                f"The current file is {self.current_file_type.label}; this kind of resource takes "
                f"{accepted}. Upload a new file or keep the kind.",
            )
        return data

    def resource_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("upload", "audiences", "domains", "roles"):
            data.pop(name, None)
        return data

    @staticmethod
    def initial_for(resource) -> dict:
        initial = {
            name: getattr(resource, name)
            for name in (
                "title",
                "kind",
                "summary",
                "body",
                "programme",
                "url",
                "captions",
                "transcript",
                "licence",
                "content_warning",
                "version",
                "review_date",
            )
        }
        initial["audiences"] = [value for value in Audience.values if getattr(resource, f"for_{value}")]
        initial["domains"] = list(resource.domains.all())
        initial["roles"] = list(resource.roles.all())
        return initial


# --- Session plans ----------------------------------------------------------------------------


class SessionPlanForm(forms.Form):
    title = forms.CharField(label="Name of the plan", max_length=200)
    programme = forms.ModelChoiceField(label="Programme", queryset=None, empty_label=None)
    minutes = forms.IntegerField(
        label="Length of the session in minutes",
        min_value=15,
        max_value=480,
        initial=90,
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-4", "inputmode": "numeric"}),
    )
    aim = forms.CharField(
        label="Aim of the session (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    linked_key_messages = forms.ModelMultipleChoiceField(
        label="Key messages from your programme (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The published key messages this session teaches",
    )
    key_messages = forms.CharField(
        label="Other key messages (optional)",
        required=False,
        help_text="One per line: anything else you want people to take away",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, programmes, key_messages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["linked_key_messages"].queryset = key_messages.select_related("programme")
        self.fields["linked_key_messages"].label_from_instance = lambda message: (
            f"{message.title} ({message.programme})"
        )

    def clean(self):
        data = super().clean()
        programme = data.get("programme")
        chosen = data.get("linked_key_messages", [])
        if programme and any(message.programme_id != programme.pk for message in chosen):
            self.add_error("linked_key_messages", "Choose key messages of the plan's own programme.")
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label="Section title", max_length=200)
    minutes = forms.IntegerField(
        label="Minutes",
        min_value=1,
        max_value=480,
        widget=forms.NumberInput(
            attrs={"class": "nhsuk-input--width-3 library-minutes", "inputmode": "numeric"}
        ),
    )
    activity = forms.CharField(
        label="What happens",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The activity and what people do",
    )
    notes = forms.CharField(
        label="Notes for the trainer (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    resources = forms.ModelMultipleChoiceField(
        label="Resources used (optional)", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, resources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resources"].queryset = resources


class BaseSectionFormSet(forms.BaseFormSet):
    """Sections in order; blank rows are ignored and ticked ones removed. They must fill the session."""

    def __init__(self, *args, resources, session_minutes=None, **kwargs):
        self.session_minutes = session_minutes
        kwargs["form_kwargs"] = {"resources": resources}
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this section"

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.has_changed() and not (self.can_delete and self._should_delete_form(form))
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = self.kept_forms()
        if not kept:
            raise ValidationError("Add at least one section.")
        if self.session_minutes is not None:
            problem = plan_minutes_problem(
                plan_minutes=self.session_minutes,
                section_minutes=[form.cleaned_data["minutes"] for form in kept],
            )
            if problem:
                raise ValidationError(problem)

    def sections(self) -> list[dict]:
        return [form.cleaned_data for form in self.kept_forms()]


SectionFormSet = forms.formset_factory(
    SectionForm, formset=BaseSectionFormSet, extra=3, max_num=30, validate_max=True, can_delete=True
)


def section_initial(plan) -> list[dict]:
    return [
        {
            "title": section.title,
            "minutes": section.minutes,
            "activity": section.activity,
            "notes": section.notes,
            "resources": list(section.resources.all()),
        }
        for section in plan.sections.prefetch_related("resources")
    ]


# --- Delivered sessions -----------------------------------------------------------------------


class DeliveredSessionForm(forms.Form):
    programme = forms.ModelChoiceField(label="Programme", queryset=None, empty_label=None)
    delivered_on = forms.DateField(
        label="Date of the session", help_text=DATE_HINT, widget=forms.DateInput(attrs={"type": "date"})
    )
    area = forms.ModelChoiceField(
        label="Where was it held?", queryset=Area.objects.places_people_work(), help_text="Local authority"
    )
    venue = forms.CharField(label="Venue (optional)", max_length=200, required=False)
    plan = forms.ModelChoiceField(
        label="Session plan used (optional)", queryset=None, required=False, empty_label="None"
    )

    def __init__(self, *args, programmes, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["plan"].queryset = plans
        for sector in Sector:
            self.fields[SECTOR_COUNT_FIELDS[sector.value]] = forms.IntegerField(
                label=sector.label,
                min_value=0,
                max_value=500,
                initial=0,
                widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-3", "inputmode": "numeric"}),
            )

    def count_fields(self):
        return [self[field] for field in SECTOR_COUNT_FIELDS.values()]

    def detail_fields(self):
        return [self[name] for name in ("programme", "delivered_on", "area", "venue", "plan")]

    def clean_delivered_on(self):
        day = self.cleaned_data["delivered_on"]
        if day > timezone.localdate():
            raise ValidationError(
                "The date must be today or in the past: record a session once it has happened."
            )
        return day

    def clean(self):
        data = super().clean()
        counts = [data.get(field) for field in SECTOR_COUNT_FIELDS.values()]
        if all(count is not None for count in counts) and sum(counts) == 0:
            raise ValidationError("Give the number of people who came from at least one sector.")
        plan = data.get("plan")
        if plan and data.get("programme") and plan.programme_id != data["programme"].pk:
            self.add_error("plan", "Choose a session plan from the same programme.")
        return data

    def attendees(self) -> dict[str, int]:
        return {sector: self.cleaned_data[field] for sector, field in SECTOR_COUNT_FIELDS.items()}
