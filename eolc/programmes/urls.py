from django.urls import path

from eolc.programmes import views

app_name = "programmes"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("programmes/", views.programme_list, name="list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="detail"),
    path("people/", views.people_list, name="people"),
]
