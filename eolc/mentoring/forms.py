"""Forms for mentoring. They render through core's NHS.UK renderer."""

import datetime

from django import forms

from eolc.accounts.models import Area, WorkSetting, time_zone_choices
from eolc.curriculum.models import Domain
from eolc.events.models import TimeOfDay


class MentorApplyForm(forms.Form):
    experience = forms.CharField(
        label="Your palliative care practice",
        help_text="Where you work, for how long, and what you could help newer colleagues with",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )
    work_settings = forms.MultipleChoiceField(
        label="Settings you know well",
        choices=WorkSetting.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    specialisms = forms.ModelMultipleChoiceField(
        label="Your specialisms (optional)",
        queryset=Domain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Domains of palliative care you can mentor in",
    )
    capacity = forms.IntegerField(
        label="How many mentees could you support at once?",
        min_value=1,
        max_value=40,
        initial=8,
        help_text="Across all the groups you lead",
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-2"}),
    )


class MenteeSignupForm(forms.Form):
    times = forms.MultipleChoiceField(
        label="When can you meet?",
        choices=TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Groups meet once a month for an hour. Choose every time you could usually make.",
        error_messages={"required": "Choose at least one time of day you can meet"},
    )
    online_ok = forms.BooleanField(label="I can join groups that meet online", required=False, initial=True)
    work_setting = forms.ChoiceField(
        label="Where do you work?",
        choices=[("", "Choose a setting")] + list(WorkSetting.choices),
        required=False,
        help_text="We try to put you with people who work in similar places",
    )
    area = forms.ModelChoiceField(
        label="Which area do you work in?",
        queryset=Area.objects.places_people_work(),
        required=False,
        empty_label="Choose an area",
        help_text="Used to find a group that meets near you",
    )

    def clean(self):
        data = super().clean()
        if not data.get("online_ok") and not data.get("area"):
            self.add_error("area", "Choose your area, or say you can join groups online")
        return data


class GroupForm(forms.Form):
    mentor = forms.ModelChoiceField(label="Mentor", queryset=None, empty_label="Choose a mentor")
    title = forms.CharField(
        label="Group name", max_length=150, help_text="For example, Hospital social work group"
    )
    description = forms.CharField(
        label="What the group is for (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=2,
        max_value=20,
        initial=6,
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-2"}),
    )
    work_setting = forms.ChoiceField(
        label="Setting the group focuses on (optional)",
        choices=[("", "Any setting")] + list(WorkSetting.choices),
        required=False,
    )
    online = forms.BooleanField(label="The group meets online", required=False, initial=True)
    joining_link = forms.URLField(label="Joining link (optional)", required=False, assume_scheme="https")
    area = forms.ModelChoiceField(
        label="Area (for a group that meets in person)",
        queryset=Area.objects.places_people_work(),
        required=False,
        empty_label="Anywhere",
    )
    venue_name = forms.CharField(label="Venue (optional)", required=False, max_length=200)
    first_date = forms.DateField(
        label="Date of the first meeting",
        help_text="Later meetings fall on the same weekday of each month, for example the second Tuesday",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    start_time = forms.TimeField(
        label="Start time", help_text="For example, 12:30", widget=forms.TimeInput(attrs={"type": "time"})
    )
    minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=30,
        max_value=180,
        initial=60,
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-3"}),
    )
    meetings = forms.IntegerField(
        label="Number of monthly meetings",
        min_value=1,
        max_value=24,
        initial=6,
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-2"}),
    )
    time_zone = forms.ChoiceField(label="Time zone", choices=())

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].label_from_instance = lambda mentor: (
            mentor.person.full_name or mentor.person.email
        )
        self.fields["time_zone"].choices = time_zone_choices()

    def first_meeting(self) -> datetime.datetime:
        return datetime.datetime.combine(self.cleaned_data["first_date"], self.cleaned_data["start_time"])


class NoteForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label="Meeting (optional)", queryset=None, required=False, empty_label="The group in general"
    )
    text = forms.CharField(
        label="Note",
        help_text="Only you can read your notes. Avoid details that identify people your mentees support.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda event: f"{event.starts_at:%-d %B %Y}"


USEFUL_CHOICES = [
    (5, "Very useful"),
    (4, "Useful"),
    (3, "Somewhat useful"),
    (2, "Not very useful"),
    (1, "Not useful at all"),
]


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label="How useful was this meeting for your practice?",
        choices=USEFUL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how useful the meeting was"},
    )
    comment = forms.CharField(
        label="What helped, or what would make the next one better? (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text="Your mentor sees this without your name",
    )
