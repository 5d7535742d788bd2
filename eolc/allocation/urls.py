from django.urls import path

from eolc.allocation import views

app_name = "allocation"

urlpatterns = [
    path("allocation/rounds/", views.list_rounds, name="rounds"),
    path("allocation/rounds/new/", views.create_round, name="create_round"),
    path("allocation/rounds/<int:pk>/", views.show_round, name="round"),
    path("allocation/rounds/<int:pk>/run/", views.run_round, name="run"),
    path("allocation/<int:pk>/progress/", views.show_progress, name="progress"),
    path("allocation/<int:pk>/move/", views.move_person, name="move"),
    path("allocation/<int:pk>/confirm/", views.confirm_allocation, name="confirm"),
    path("allocation/events/<int:pk>/request/", views.request_places, name="request_places"),
]
