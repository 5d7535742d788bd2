from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from eolc.accounts.models import Area, JobRole, Organisation, Sector, User, time_zone_choices


class _ProfileFields(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    sector = forms.ChoiceField(
        label="Which sector do you work in?",
        choices=Sector.choices,
        widget=forms.RadioSelect,
        help_text="Sessions are planned so each group mixes people from different sectors.",
    )
    job_role = forms.ModelChoiceField(
        label="Job role",
        queryset=JobRole.objects.active(),
        required=False,
        empty_label="Choose your role",
    )
    area = forms.ModelChoiceField(
        label="Local authority area where you mostly work",
        queryset=Area.objects.places_people_work(),
        required=False,
        empty_label="Choose an area",
    )


class SignupForm(AllauthSignupForm):
    full_name = _ProfileFields.base_fields["full_name"]
    sector = _ProfileFields.base_fields["sector"]
    job_role = _ProfileFields.base_fields["job_role"]
    area = _ProfileFields.base_fields["area"]

    field_order = ["full_name", "email", "password1", "password2", "sector", "job_role", "area"]


class ProfileForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label="Employer or organisation",
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="None or not listed",
    )
    area = _ProfileFields.base_fields["area"]
    job_role = _ProfileFields.base_fields["job_role"]
    time_zone = forms.TypedChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="Session times are shown in this time zone.",
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "job_role",
            "sector",
            "work_setting",
            "organisation",
            "area",
            "time_zone",
        ]
        labels = {"work_setting": "Where do you mostly work?"}
        widgets = {"sector": forms.RadioSelect, "work_setting": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["sector"].required = True
        self.fields["sector"].choices = Sector.choices
        self.fields["work_setting"].choices = self.fields["work_setting"].choices[1:]


class DeletionRequestForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account will be closed and my personal details removed",
        error_messages={"required": "Tick the box to confirm you want your account deleted"},
    )
    reason = forms.CharField(
        label="Why are you leaving? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
