from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from eolc.accounts import services
from eolc.accounts.forms import DeletionRequestForm, ProfileForm


@login_required
@require_GET
def profile(request):
    return render(request, "accounts/profile.html", {"person": request.user})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            person=request.user, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )
        messages.success(request, "Your profile has been saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.deletion_request(person=request.user, reason=form.cleaned_data["reason"])
        logout(request)
        return render(request, "accounts/deletion_requested.html")
    return render(request, "accounts/delete_account.html", {"form": form})
