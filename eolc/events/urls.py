from django.urls import path

from eolc.events import views

app_name = "events"

urlpatterns = [
    path("events/", views.list_events, name="calendar"),
    path("events/new/", views.create_event, name="create"),
    path("events/series/new/", views.create_series, name="create_series"),
    path("events/my-calendar/", views.my_calendar, name="my_calendar"),
    path("events/<int:pk>/", views.show_event, name="detail"),
    path("events/<int:pk>/edit/", views.edit_event, name="edit"),
    path("events/<int:pk>/register/", views.register_event, name="register"),
    path("events/<int:pk>/cancel/", views.cancel_registration, name="cancel"),
    path("events/<int:pk>/calendar.ics", views.event_ics, name="event_ics"),
    path("events/<int:pk>/registrations/", views.manage_registrations, name="registrations"),
    path(
        "events/<int:pk>/registrations/<int:registration_pk>/remove/",
        views.remove_registration,
        name="remove_registration",
    ),
    path(
        "events/<int:pk>/registrations/<int:registration_pk>/move/",
        views.move_registration,
        name="move_registration",
    ),
    path("events/<int:pk>/registrations.csv", views.registrations_csv, name="registrations_csv"),
    path("events/<int:pk>/attendance.csv", views.attendance_csv, name="attendance_csv"),
    path("events/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("events/<int:pk>/check-in/<int:registration_pk>/", views.mark_attendance, name="mark_attendance"),
    path("calendar.ics", views.public_feed, name="public_feed"),
    path("calendar/<str:token>.ics", views.personal_feed, name="personal_feed"),
]
