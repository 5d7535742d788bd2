from django.urls import path

from eolc.mentoring import views

app_name = "mentoring"

urlpatterns = [
    path("mentoring/", views.home, name="home"),
    path("mentoring/parts/<int:part_pk>/join/", views.sign_up, name="sign_up"),
    path("mentoring/parts/<int:part_pk>/leave/", views.leave, name="leave"),
    path("mentoring/parts/<int:part_pk>/mentor/", views.apply_to_mentor, name="apply"),
    path("mentoring/parts/<int:part_pk>/manage/", views.manage, name="manage"),
    path("mentoring/parts/<int:part_pk>/match/", views.match, name="match"),
    path("mentoring/parts/<int:part_pk>/groups/new/", views.create_group, name="create_group"),
    path("mentoring/mentors/<int:pk>/decide/", views.decide_mentor, name="decide_mentor"),
    path("mentoring/groups/<int:pk>/", views.show_group, name="group"),
    path(
        "mentoring/groups/<int:pk>/meetings/<int:meeting_pk>/attendance/",
        views.record_attendance,
        name="attendance",
    ),
    path(
        "mentoring/groups/<int:pk>/meetings/<int:meeting_pk>/feedback/", views.give_feedback, name="feedback"
    ),
    path("mentoring/groups/<int:pk>/notes/new/", views.add_note, name="add_note"),
    path("mentoring/notes/<int:pk>/edit/", views.edit_note, name="edit_note"),
]
