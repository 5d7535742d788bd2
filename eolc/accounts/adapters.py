from allauth.account.adapter import DefaultAccountAdapter

from eolc.accounts.middleware import session_stamp


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Keep the profile answers given at sign-up (allauth only knows email and password)."""
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.full_name = data.get("full_name", "")
        user.sector = data.get("sector", "")
        user.job_role = data.get("job_role")
        user.area = data.get("area")
        if commit:
            user.save()
        return user

    def login(self, request, user):
        """Django rotates the session key here; the timeouts start counting afresh."""
        super().login(request, user)
        session_stamp(request)
