from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from eolc.api.api import api

# The admin's own sign-in form would skip allauth's two-factor step: send it to ours.
admin.site.login = secure_admin_login(admin.site.login)

handler403 = "eolc.core.views.error_403"
handler404 = "eolc.core.views.error_404"
handler500 = "eolc.core.views.error_500"

# The API first: the apps' includes have no prefix, so a request matching nothing in them is tried
# against every one of their patterns (about 250) before reaching it.
urlpatterns = [
    path("api/v1/", api.urls),
    path("", include("eolc.core.urls")),
    path("", include("eolc.programmes.urls")),
    path("", include("eolc.curriculum.urls")),
    path("", include("eolc.accounts.urls")),
    path("", include("eolc.events.urls")),
    path("", include("eolc.action_plans.urls")),
    path("", include("eolc.allocation.urls")),
    path("", include("eolc.mentoring.urls")),
    path("", include("eolc.reports.urls")),
    path("", include("eolc.library.urls")),
    path("", include("eolc.insights.urls")),
    path("", include("eolc.evaluation.urls")),
    path("", include("eolc.imports.urls")),
    path("", include("eolc.champions.urls")),
    path("", include("eolc.audit.urls")),
    path("", include("eolc.privacy.urls")),
    path("", include("eolc.scenarios.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
