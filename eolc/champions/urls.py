from django.urls import path

from eolc.champions import views

app_name = "champions"

urlpatterns = [
    path("champions/", views.index, name="index"),
    path("champions/<slug:slug>/join/", views.invitation, name="invitation"),
    path("champions/<slug:slug>/join/sign-up/", views.sign_up, name="sign_up"),
    path("champions/<slug:slug>/", views.home, name="home"),
    path("champions/<slug:slug>/me/", views.profile, name="profile"),
    path("champions/<slug:slug>/me/sharing/", views.consents, name="consents"),
    path("champions/<slug:slug>/me/leave/", views.leave, name="leave"),
    path("champions/<slug:slug>/directory/", views.directory, name="directory"),
    path("champions/<slug:slug>/near-you/", views.local_champions, name="local"),
    path("champions/<slug:slug>/directory.csv", views.directory_csv, name="directory_csv"),
    path("champions/<slug:slug>/directory/<int:pk>/", views.contact, name="contact"),
    path("champions/<slug:slug>/messages/", views.my_messages, name="messages"),
    path("champions/<slug:slug>/messages/<int:pk>/", views.message, name="message"),
    path("champions/<slug:slug>/manage/", views.manage, name="manage"),
    path("champions/<slug:slug>/growth/", views.growth, name="growth"),
    path("champions/<slug:slug>/manage/approve/<int:pk>/", views.approve, name="approve"),
    path("champions/<slug:slug>/manage/email/", views.invitation_email, name="invitation_email"),
    path(
        "champions/<slug:slug>/manage/consents/<int:pk>/", views.consent_on_behalf, name="consent_on_behalf"
    ),
    path("champions/<slug:slug>/noticeboard/", views.noticeboard, name="noticeboard"),
    path("champions/<slug:slug>/noticeboard/new/", views.thread_new, name="thread_new"),
    path("champions/<slug:slug>/noticeboard/emails/", views.preferences, name="preferences"),
    path("champions/<slug:slug>/noticeboard/reports/", views.reports, name="reports"),
    path("champions/<slug:slug>/noticeboard/<int:pk>/", views.thread, name="thread"),
    path(
        "champions/<slug:slug>/noticeboard/<int:pk>/moderate/", views.thread_moderate, name="thread_moderate"
    ),
    path("champions/<slug:slug>/noticeboard/posts/<int:pk>/report/", views.post_report, name="post_report"),
    path(
        "champions/<slug:slug>/noticeboard/posts/<int:pk>/moderate/",
        views.post_moderate,
        name="post_moderate",
    ),
    path("champions/<slug:slug>/consultations/", views.consultations, name="consultations"),
    path("champions/<slug:slug>/consultations/new/", views.consultation_new, name="consultation_new"),
    path("champions/<slug:slug>/consultations/<int:pk>/", views.consultation, name="consultation"),
    path(
        "champions/<slug:slug>/consultations/<int:pk>/response/",
        views.consultation_team_respond,
        name="consultation_team_respond",
    ),
    path(
        "champions/<slug:slug>/consultations/<int:pk>/outcome/",
        views.consultation_decide,
        name="consultation_decide",
    ),
    path("champions/<slug:slug>/groups/", views.groups, name="groups"),
    path("champions/<slug:slug>/groups/<int:pk>/remove/", views.group_remove, name="group_remove"),
]
