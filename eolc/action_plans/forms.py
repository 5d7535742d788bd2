"""Forms for writing a plan on a phone and reporting progress. They render through core's NHS.UK renderer."""

from django import forms

from eolc.accounts.models import JobRole
from eolc.action_plans.models import (
    MAX_ACTIONS,
    REMINDER_WEEK_CHOICES,
    PracticeCategory,
    Status,
    StuckReason,
    default_reminder_weeks,
)
from eolc.insights.models import Contribution, KeyMessage


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Give your plan a short name",
        max_length=200,
        help_text="For example: Working with the hospice social work team",
    )
    event = forms.ModelChoiceField(
        label="Which session is this plan from? (optional)", queryset=None, required=False, empty_label="None"
    )
    reminder_weeks = forms.TypedMultipleChoiceField(
        label="When should we remind you?",
        help_text="Weeks after today. Each reminder lets you update your progress with one click.",
        choices=REMINDER_WEEK_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    share_with_buddy = forms.BooleanField(label="Share this plan with my buddy", required=False)
    share_with_facilitators = forms.BooleanField(
        label="Share this plan with the session's facilitators", required=False
    )

    def __init__(self, *args, events, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("reminder_weeks", default_reminder_weeks())
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events


class ActionForm(forms.Form):
    description = forms.CharField(
        label="What will you do?", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_date = forms.DateField(
        label="By when?", help_text="For example, 27 3 2027", widget=forms.DateInput(attrs={"type": "date"})
    )
    partners = forms.CharField(
        label="With whom? (optional)",
        help_text="Other roles or organisations, for example: the hospice, the GP practice",
        max_length=300,
        required=False,
    )
    partner_roles = forms.ModelMultipleChoiceField(
        label="Job roles you will work with (optional)",
        queryset=JobRole.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    support_needed = forms.CharField(
        label="What support do you need? (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    barrier = forms.CharField(
        label="Which barrier or key message does it address? (optional)", max_length=300, required=False
    )
    key_message = forms.ModelChoiceField(
        label="Which key message does it put into practice? (optional)",
        queryset=KeyMessage.objects.none(),
        required=False,
        empty_label="None in particular",
    )
    barrier_contribution = forms.ModelChoiceField(
        label="Which barrier raised at the sessions does it tackle? (optional)",
        queryset=Contribution.objects.none(),
        required=False,
        empty_label="None in particular",
    )
    category = forms.ChoiceField(
        label="What kind of action is it?",
        choices=PracticeCategory.choices,
        initial=PracticeCategory.OTHER,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, key_messages=None, barriers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_message"].queryset = (
            key_messages if key_messages is not None else KeyMessage.objects.published().in_order()
        )
        self.fields["barrier_contribution"].queryset = (
            barriers if barriers is not None else Contribution.objects.none()
        )
        self.fields["barrier_contribution"].label_from_instance = lambda barrier: barrier.text[:120]
        self.fields["partner_roles"].queryset = JobRole.objects.active().order_by("name")


class BaseActionFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(form.has_changed() and form.is_valid() for form in self.forms):
            raise forms.ValidationError("Write at least one action.")

    def actions(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.has_changed() and form.cleaned_data]


ActionFormSet = forms.formset_factory(
    ActionForm, formset=BaseActionFormSet, extra=MAX_ACTIONS, max_num=MAX_ACTIONS, validate_max=True
)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label="How is it going?", choices=Status.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Anything to add? (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    stuck_reasons = forms.MultipleChoiceField(
        label="If you are stuck, what got in the way?",
        choices=StuckReason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    stuck_other = forms.CharField(
        label="Tell us more about what got in the way (optional)", max_length=300, required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("status") == Status.STUCK
            and not data.get("stuck_reasons")
            and not data.get("stuck_other")
        ):
            self.add_error("stuck_reasons", "Tell us what got in the way, so we can point you to help.")
        return data


class SharingForm(forms.Form):
    share_with_buddy = forms.BooleanField(label="Share this plan with my buddy", required=False)
    share_with_facilitators = forms.BooleanField(
        label="Share this plan with the session's facilitators", required=False
    )


class FollowThroughForm(forms.Form):
    programme = forms.ModelChoiceField(
        label="Programme", queryset=None, required=False, empty_label="All my programmes"
    )
    event = forms.ModelChoiceField(label="Event", queryset=None, required=False, empty_label="All events")
    start = forms.DateField(
        label="Plans written from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="Plans written until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, programmes, events):
        super().__init__(data)
        self.fields["programme"].queryset = programmes.order_by("title")
        self.fields["event"].queryset = events.order_by("-starts_at")


class PlanTemplateForm(forms.Form):
    title = forms.CharField(label="Suggested name for plans from this event", max_length=200)
    introduction = forms.CharField(
        label="A short note to participants (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    suggestions = forms.CharField(
        label="Ideas for actions (optional)",
        help_text=f"One idea per line, up to {MAX_ACTIONS}. Participants see them while writing their plan.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_suggestions(self):
        lines = [line.strip() for line in self.cleaned_data["suggestions"].splitlines() if line.strip()]
        if len(lines) > MAX_ACTIONS:
            raise forms.ValidationError(f"Enter up to {MAX_ACTIONS} ideas, one per line.")
        if any(len(line) > 300 for line in lines):
            raise forms.ValidationError("Keep each idea under 300 characters.")
        return lines
