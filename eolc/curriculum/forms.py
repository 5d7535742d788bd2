from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from eolc.curriculum.models import Activity, ActivityKind, CreditScheme, Domain, Module, Part
from eolc.curriculum.services import REFLECTION_MAX_LENGTH


class ReflectionAnswerForm(forms.Form):
    """The answer to a reflective question. Validation errors re-render it with the typed text."""

    answer = forms.CharField(
        label="Your answer",
        help_text="Only you can see your answer. It is saved as a draft while you type.",
        required=False,
        max_length=REFLECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def autosave_to(self, url: str) -> "ReflectionAnswerForm":
        """With JavaScript, htmx posts the text to `url` a moment after each change."""
        self.fields["answer"].widget.attrs.update(
            {"hx-post": url, "hx-trigger": "input changed delay:1500ms", "hx-target": "#draft-status"}
        )
        return self


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label="Your reflection",
        help_text="What did you learn, and what will you do differently? You can export your reflections "
        "as evidence for CPD or revalidation.",
        max_length=REFLECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Write your reflection"},
    )


class PostTestForm(forms.Form):
    """One radio group per question; `question_<id>` names match the service's error keys."""

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(activity.questions.prefetch_related("choices"), 1):
            self.fields[f"question_{question.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {question.prompt}",
                choices=[(c.pk, c.text) for c in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer question {number}"},
            )

    def answers(self) -> dict[int, int]:
        return {int(name.removeprefix("question_")): value for name, value in self.cleaned_data.items()}


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why is this certificate being revoked?",
        help_text="The reason is kept with the certificate; the verification page shows only that "
        "it is not valid.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for revoking the certificate"},
    )


class CompletionRecordForm(forms.Form):
    """A programme administrator records a completion, e.g. for someone who attended elsewhere."""

    person = forms.ModelChoiceField(
        queryset=None, label="Person", empty_label="Choose a member of the programme"
    )
    completed_on = forms.DateField(
        label="Completed on",
        help_text="For example, 27 3 2026",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(is_active=True, memberships__programme=programme).distinct()
        self.fields["person"].queryset = members.order_by("full_name", "email")

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future")
        return day


# --- Authoring --------------------------------------------------------------------------------


class PartForm(forms.ModelForm):
    class Meta:
        model = Part
        fields = [
            "title",
            "kind",
            "summary",
            "ce_hours",
            "requires",
            "required_meetings",
            "accrediting_body",
            "approval_number",
        ]
        labels = {"ce_hours": "CE hours", "requires": "Parts to complete first"}
        help_texts = {"ce_hours": "Exact hours, for example 8.0 or 2.5"}
        widgets = {"requires": forms.CheckboxSelectMultiple, "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        others = programme.parts.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["requires"].queryset = others
        self.fields["ce_hours"].min_value = Decimal("0")


class PartCreditForm(forms.Form):
    scheme = forms.ModelChoiceField(
        queryset=CreditScheme.objects.all(), label="Credit scheme", empty_label="Choose a scheme"
    )
    category = forms.CharField(max_length=120, help_text="For example, Pain and symptom management")
    hours = forms.DecimalField(max_digits=6, decimal_places=2, min_value=Decimal("0"))


class ModuleForm(forms.ModelForm):
    class Meta:
        model = Module
        fields = ["title", "summary", "domains"]
        labels = {"domains": "Domains of palliative care"}
        widgets = {"domains": forms.CheckboxSelectMultiple, "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = Domain.objects.all()


class HttpsURLField(forms.URLField):
    """Addresses typed without a scheme are taken to be https."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "required",
            "domains",
            "content_warning",
            "body",
            "video_url",
            "captions",
            "transcript",
            "resource_url",
            "pass_mark",
        ]
        labels = {
            "domains": "Domains of palliative care",
            "resource_url": "Link to the resource",
            "video_url": "Video file address",
        }
        field_classes = {"resource_url": HttpsURLField}
        widgets = {
            "domains": forms.CheckboxSelectMultiple,
            "body": forms.Textarea(attrs={"rows": 6}),
            "captions": forms.Textarea(attrs={"rows": 6}),
            "transcript": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = Domain.objects.all()
        self.fields["kind"].choices = ActivityKind.choices


class QuestionForm(forms.Form):
    """A question with up to four choices; the first blank choice ends the list."""

    prompt = forms.CharField(label="Question", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    correct = forms.TypedChoiceField(
        label="Which choice is correct?",
        choices=[(n, f"Choice {n}") for n in range(1, 5)],
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, 5):
            self.fields[f"choice_{n}"] = forms.CharField(label=f"Choice {n}", max_length=500, required=n <= 2)
            self.fields[f"feedback_{n}"] = forms.CharField(
                label=f"Feedback for choice {n}",
                help_text="Shown to the learner after they pick this choice",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        correct = data.get("correct")
        if correct and not data.get(f"choice_{correct}"):
            self.add_error("correct", "The correct choice must have text")
        return data

    def choices(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "text": data[f"choice_{n}"],
                "correct": data["correct"] == n,
                "feedback": data.get(f"feedback_{n}", ""),
            }
            for n in range(1, 5)
            if data.get(f"choice_{n}")
        ]
