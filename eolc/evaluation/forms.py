"""Forms for building, scheduling and answering surveys, rendered by core's NHS.UK renderer."""

from django import forms

from eolc.evaluation.models import LIKERT_LABELS, SCALES, QuestionKind, Survey, SurveyKind, Timing


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "kind", "introduction", "anonymous"]
        labels = {
            "title": "Survey title",
            "kind": "What is this survey for?",
            "introduction": "Introduction (optional)",
            "anonymous": "Anonymous: store answers without names",
        }
        help_texts = {
            "introduction": "Shown above the questions. Say why you are asking and how long it takes.",
            "anonymous": "Anonymous answers cannot be paired before and after a session.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "introduction": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = SurveyKind.choices


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="Type of question", choices=QuestionKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label="Question", max_length=300)
    help_text = forms.CharField(label="Hint (optional)", max_length=300, required=False)
    options = forms.CharField(
        label="Options (for choose-one and choose-any)",
        help_text="One option per line, at least 2.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    required = forms.BooleanField(label="People must answer this question", required=False, initial=True)
    measure = forms.SlugField(
        label="Compare before and after as (optional)",
        help_text=(
            "For scale questions: a short name such as know-roles. A before and an after question with the "
            "same name are paired for each person."
        ),
        max_length=60,
        required=False,
    )

    def clean_options(self):
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        options = [line for line in lines if line]
        if len(set(options)) != len(options):
            raise forms.ValidationError("Each option must be different.")
        if any(len(option) > 200 for option in options):
            raise forms.ValidationError("Keep each option under 200 characters.")
        return options

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            if len(cleaned.get("options") or []) < 2:
                self.add_error("options", "Give at least 2 options, one per line.")
        else:
            cleaned["options"] = []
        if cleaned.get("measure") and kind not in SCALES:
            self.add_error("measure", "Only agree-or-disagree and confidence questions can be compared.")
        return cleaned

    @staticmethod
    def initial_for(question):
        return {
            "kind": question.kind,
            "text": question.text,
            "help_text": question.help_text,
            "options": "\n".join(question.options),
            "required": question.required,
            "measure": question.measure,
        }


class ScheduleForm(forms.Form):
    event = forms.ModelChoiceField(
        label="Send it for this event", queryset=None, required=False, empty_label="Choose an event"
    )
    part = forms.ModelChoiceField(
        label="Or for every event of this part of the curriculum",
        queryset=None,
        required=False,
        empty_label="Choose a part",
    )
    timing = forms.ChoiceField(label="When", choices=Timing.choices, widget=forms.RadioSelect)
    days = forms.IntegerField(
        label="How many days?",
        help_text="Before the session for 'before', after it for 'some days after'. "
        "Not used for 'straight after'.",
        min_value=0,
        max_value=365,
        initial=0,
        widget=forms.NumberInput(attrs={"class": "nhsuk-input--width-4"}),
    )

    def __init__(self, *args, events, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["part"].queryset = parts

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("event")) == bool(cleaned.get("part")):
            self.add_error("event", "Choose an event or a part, not both.")
        if cleaned.get("timing") == Timing.LATER and not cleaned.get("days"):
            self.add_error("days", "Say how many days after the session, for example 90 for three months.")
        return cleaned


SCALE_TEMPLATE = "evaluation/_scale_field.html"


class AnswerForm(forms.Form):
    """One field per question. Nothing is required for a draft; submitting checks required answers."""

    def __init__(self, *args, survey, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.questions = list(survey.questions.order_by("position"))
        for question in self.questions:
            self.fields[self.name_for(question)] = self._field(question)

    @staticmethod
    def name_for(question) -> str:
        return f"q{question.pk}"

    def _field(self, question):
        label = question.text if question.required else f"{question.text} (optional)"
        common = {"label": label, "help_text": question.help_text, "required": False}
        if question.kind == QuestionKind.LIKERT:
            field = forms.TypedChoiceField(
                choices=list(enumerate(LIKERT_LABELS, start=1)),
                coerce=int,
                widget=forms.RadioSelect,
                **common,
            )
        elif question.kind == QuestionKind.CONFIDENCE:
            field = forms.TypedChoiceField(
                choices=[(n, str(n)) for n in range(1, 11)], coerce=int, widget=forms.RadioSelect, **common
            )
            field.template_name = SCALE_TEMPLATE
        elif question.kind == QuestionKind.SINGLE:
            field = forms.ChoiceField(
                choices=[(o, o) for o in question.options], widget=forms.RadioSelect, **common
            )
        elif question.kind == QuestionKind.MULTIPLE:
            field = forms.MultipleChoiceField(
                choices=[(o, o) for o in question.options], widget=forms.CheckboxSelectMultiple, **common
            )
        else:
            field = forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **common)
        return field

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for question in self.questions:
                name = self.name_for(question)
                if question.required and name not in self.errors and cleaned.get(name) in (None, "", []):
                    self.add_error(name, "Answer this question, or save and finish later")
        return cleaned

    def answers(self) -> dict:
        return {q: self.cleaned_data.get(self.name_for(q)) for q in self.questions}

    @classmethod
    def initial_from(cls, response) -> dict:
        initial = {}
        if response is None:
            return initial
        for answer in response.answers.select_related("question"):
            name = cls.name_for(answer.question)
            kind = answer.question.kind
            if kind in SCALES:
                initial[name] = answer.value
            elif kind == QuestionKind.SINGLE:
                initial[name] = answer.choice
            elif kind == QuestionKind.MULTIPLE:
                initial[name] = answer.choices
            else:
                initial[name] = answer.text
        return initial
