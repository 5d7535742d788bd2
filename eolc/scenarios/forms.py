"""Forms for writing and playing scenarios. They render through core's NHS.UK renderer."""

from django import forms

from eolc.scenarios.models import RoleTag


class ScenarioForm(forms.Form):
    programme = forms.ModelChoiceField(label="Programme", queryset=None, empty_label="Choose a programme")
    title = forms.CharField(label="Title", max_length=200)
    summary = forms.CharField(
        label="Introduction",
        help_text="What learners read before they start: whose story it is and what they will practise",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    content_warning = forms.CharField(
        label="Content warning (optional)",
        required=False,
        max_length=300,
        help_text="For example, “This story describes a death at home”",
    )
    start_node = forms.ModelChoiceField(
        label="The step where the story starts", queryset=None, required=False, empty_label="Choose a step"
    )

    def __init__(self, *args, programmes, nodes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        if nodes is None:
            del self.fields["start_node"]
        else:
            self.fields["start_node"].queryset = nodes


class NodeForm(forms.Form):
    title = forms.CharField(label="Heading", max_length=200, help_text="The heading of the page learners see")
    text = forms.CharField(label="What happens", widget=forms.Textarea(attrs={"rows": 8}))
    question = forms.CharField(
        label="Question (optional)",
        required=False,
        max_length=300,
        help_text="What the learner decides, for example “What do you do next?”",
    )
    roles = forms.MultipleChoiceField(
        label="Roles in this step (optional)",
        choices=RoleTag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Role pages in the library link to the steps tagged with their role",
    )
    media_url = forms.URLField(
        label="Film or audio clip (optional)",
        required=False,
        assume_scheme="https",
        help_text="Its web address",
    )
    transcript = forms.CharField(
        label="Transcript",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Required when there is a clip, so that everyone can follow it",
    )
    is_end = forms.BooleanField(label="The story ends at this step", required=False)

    def clean(self):
        data = super().clean()
        if data.get("media_url") and not (data.get("transcript") or "").strip():
            self.add_error("transcript", "Add a transcript for the film or audio clip")
        return data


class ChoiceForm(forms.Form):
    text = forms.CharField(label="Choice", max_length=300, help_text="What the learner can decide to do")
    leads_to = forms.ModelChoiceField(
        label="Leads to", queryset=None, required=False, empty_label="Not decided yet"
    )
    feedback = forms.CharField(
        label="Feedback",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Shown after the choice: why it helps or what it risks, naming the key message it reflects",
    )

    key_messages = forms.ModelMultipleChoiceField(
        label="Key messages this choice is about (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Learners see the published ones after the feedback, with a link to each",
    )

    def __init__(self, *args, nodes, key_messages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leads_to"].queryset = nodes
        self.fields["leads_to"].label_from_instance = lambda node: f"{node.number}. {node.title}"
        self.fields["key_messages"].queryset = key_messages
        self.fields["key_messages"].label_from_instance = lambda message: (
            message.title if message.status == "published" else f"{message.title} (draft)"
        )


class PlayForm(forms.Form):
    choice = forms.TypedChoiceField(
        label="",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you would do"},
    )

    def __init__(self, *args, choices, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(choice.pk, choice.text) for choice in choices]
        self.fields["choice"].label = question or "What would you do?"
