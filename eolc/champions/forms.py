"""Forms for joining the network, choosing what to share, finding champions and messaging them."""

from django import forms
from django.core.validators import validate_email

from eolc.accounts.models import Area, JobRole, Sector
from eolc.champions.models import (
    Audience,
    Category,
    ConsentField,
    Consultees,
    Frequency,
    Group,
    Motivation,
    Outcome,
    Stance,
)
from eolc.curriculum.models import Domain


class SignUpForm(forms.Form):
    motivations = forms.MultipleChoiceField(
        label="What do you bring to the network?",
        help_text="Choose all that apply. There is no right answer: enthusiasm is enough.",
        choices=Motivation.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one: experience, expertise or enthusiasm"},
    )
    statement = forms.CharField(
        label="Tell us a little more (optional)",
        help_text="For example, what you would like to change in your area. "
        "Only the programme team sees this.",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    interests = forms.ModelMultipleChoiceField(
        label="Areas of interest (optional)",
        help_text="Other champions can find you by these.",
        queryset=Domain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    job_title = forms.CharField(
        label="Your job title (optional)",
        help_text="In your own words. Shown only if you choose to share it.",
        max_length=120,
        required=False,
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        help_text="Shown only if you choose to share it.",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    bio = forms.CharField(
        label="A short bio (optional)",
        help_text="Up to 500 characters. Shown only if you choose to share it.",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(ch.isdigit() or ch in " +()-" for ch in phone):
            raise forms.ValidationError("Enter a phone number using digits, spaces and + ( ) - only")
        return phone


class ProfileForm(SignUpForm):
    """The same questions, to change later."""

    source = None


def consent_key(field, audience):
    return f"{field}__{audience}"


class ConsentForm(forms.Form):
    """One checkbox per field and audience; unticking withdraws, as easily as ticking gave."""

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ConsentField:
            for audience in Audience:
                self.fields[consent_key(field, audience)] = forms.BooleanField(
                    label=audience.label,
                    required=False,
                    initial=state.get((field.value, audience.value), False),
                )

    def rows(self):
        """Bound fields grouped by what is shared, for the table on the page."""
        return [
            {"field": field, "cells": [self[consent_key(field, audience)] for audience in Audience]}
            for field in ConsentField
        ]

    def wanted(self):
        return {
            (field.value, audience.value): self.cleaned_data[consent_key(field, audience)]
            for field in ConsentField
            for audience in Audience
        }


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Name", max_length=100, required=False)
    area = forms.ModelChoiceField(
        label="Area", queryset=Area.objects.places_people_work(), required=False, empty_label="Any area"
    )
    sector = forms.ChoiceField(label="Sector", choices=[("", "Any sector"), *Sector.choices], required=False)
    role = forms.ModelChoiceField(
        label="Role",
        queryset=JobRole.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label="Any role",
    )
    interest = forms.ModelChoiceField(
        label="Interest",
        queryset=Domain.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any interest",
    )

    def clean_q(self):
        return self.cleaned_data["q"].replace("\x00", "").strip()

    def apply(self, champions):
        if not self.is_valid():
            return champions
        data = self.cleaned_data
        champions = champions.search(data["q"])
        if data["area"]:
            champions = champions.in_area(data["area"])
        if data["sector"]:
            champions = champions.in_sector(data["sector"])
        if data["role"]:
            champions = champions.with_job_role(data["role"])
        if data["interest"]:
            champions = champions.interested_in(data["interest"])
        return champions


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        help_text="Up to 3,000 characters. Your email address is not shown unless you tick the box below.",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Write your message"},
    )
    share_address = forms.BooleanField(label="Share my email address with them", required=False)


class InvitationSourceForm(forms.Form):
    label = forms.CharField(
        label="Where will you share this link?",
        max_length=120,
        help_text="For example: Hackney care homes newsletter",
    )
    code = forms.SlugField(
        label="Short code for the link",
        max_length=40,
        help_text="Letters, numbers and hyphens, for example: hackney-newsletter",
    )


class ThreadForm(forms.Form):
    category = forms.ChoiceField(label="Category", choices=Category.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label="Title", max_length=150, error_messages={"required": "Give your post a title"}
    )
    body = forms.CharField(
        label="Your post",
        help_text="Do not include personal details about people you support.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Write your post"},
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your reply"},
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this post?",
        help_text="Only the programme team sees this.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Tell us what is wrong with this post"},
    )


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label="How would you like to hear about new posts?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )


class NoticeboardFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="Category", choices=[("", "All categories"), *Category.choices], required=False
    )


class ConsultationForm(forms.Form):
    title = forms.CharField(label="Title of the draft", max_length=200)
    body = forms.CharField(
        label="The draft, or what you would like people to look at",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    document_url = forms.URLField(
        label="Link to the document or resource (optional)", required=False, assume_scheme="https"
    )
    groups = forms.MultipleChoiceField(
        label="Who should comment?",
        choices=Consultees.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose who to consult: champions, the project group or the strategic group"
        },
    )
    closes_on = forms.DateField(
        label="Closing date",
        help_text="Comments are taken until the end of this day. For example, 15 1 2027",
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ConsultationResponseForm(forms.Form):
    stance = forms.ChoiceField(label="Your view", choices=Stance.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label="Your comments",
        help_text="Needed if you request changes or comment.",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class TeamResponseForm(forms.Form):
    text = forms.CharField(
        label="The team's response to the comments",
        help_text="Consultees see this.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", choices=Outcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note on the outcome (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class GroupMemberForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Person", queryset=None, empty_label="Choose a member of the programme"
    )
    group = forms.ChoiceField(label="Group", choices=Group.choices, widget=forms.RadioSelect)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class OnBehalfConsentForm(forms.Form):
    """For consent given on paper or by phone; it is recorded as given by the team on the person's behalf."""

    field = forms.ChoiceField(label="Detail", choices=ConsentField.choices)
    audience = forms.ChoiceField(label="Shared with", choices=Audience.choices, widget=forms.RadioSelect)
    granted = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "They agree to share it"), ("no", "They withdraw it")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    confirmed = forms.BooleanField(
        label="The person told me this themselves, and I showed them the current wording",
        error_messages={"required": "Confirm the person told you this themselves"},
    )


MAX_INVITATION_EMAILS = 50


class InvitationEmailForm(forms.Form):
    source = forms.ModelChoiceField(
        label="Which link should they get?",
        queryset=None,
        required=False,
        empty_label="The plain invitation link",
    )
    addresses = forms.CharField(
        label="Email addresses",
        help_text=f"One per line or separated by commas, up to {MAX_INVITATION_EMAILS}. We do not keep them.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    note = forms.CharField(
        label="A note from you (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = network.sources.all()

    def clean_addresses(self):
        raw = [part.strip() for part in self.cleaned_data["addresses"].replace(",", "\n").splitlines()]
        addresses = list(dict.fromkeys(part.lower() for part in raw if part))
        if len(addresses) > MAX_INVITATION_EMAILS:
            raise forms.ValidationError(f"Send to at most {MAX_INVITATION_EMAILS} addresses at a time")
        bad = [address for address in addresses if not _valid_email(address)]
        if bad:
            raise forms.ValidationError(f"These are not email addresses: {', '.join(bad[:5])}")
        if not addresses:
            raise forms.ValidationError("Enter at least one email address")
        return addresses


def _valid_email(address):
    try:
        validate_email(address)
    except forms.ValidationError:
        return False
    return True
