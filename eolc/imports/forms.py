"""The upload form; it renders through core's NHS.UK renderer."""

from django import forms

from eolc.imports.models import ImportKind


class UploadForm(forms.Form):
    programme = forms.ModelChoiceField(label="Programme", queryset=None, empty_label=None)
    kind = forms.ChoiceField(
        label="What does the file hold?", choices=ImportKind.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV file or an Excel workbook (.xlsx), up to 2 MB, with column names in the first row.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        only = list(programmes[:2])
        if len(only) == 1:
            self.fields["programme"].initial = only[0].pk
