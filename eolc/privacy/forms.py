from django import forms

REASONS = [
    ("asked", "The person asked us to erase their data"),
    ("mistake", "The account was created by mistake or twice"),
    ("left", "The person has left and the retention period is over"),
    ("other", "Another reason, recorded outside EoLC Together"),
]


class StaffErasureForm(forms.Form):
    """Erasing cannot be undone. The reason is one of a few kinds: the audit log keeps no free text."""

    reason = forms.ChoiceField(
        label="Why are you erasing this person?",
        choices=REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you are erasing this person"},
    )
    confirm = forms.BooleanField(
        label="I understand this cannot be undone: their name, contact details and writing are removed",
        error_messages={"required": "Tick the box to confirm the erasure"},
    )
