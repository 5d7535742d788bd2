from django.urls import path

from eolc.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("surveys/", views.my_surveys, name="mine"),
    path("surveys/invitations/<int:pk>/", views.answer_survey, name="answer"),
    path("surveys/programmes/<slug:slug>/", views.programme_surveys, name="programme"),
    path("surveys/programmes/<slug:slug>/new/", views.create_survey, name="create"),
    path("surveys/programmes/<slug:slug>/templates/<int:pk>/use/", views.use_template, name="use_template"),
    path("surveys/<int:pk>/", views.edit_survey, name="edit"),
    path("surveys/<int:pk>/copy/", views.copy_survey, name="copy"),
    path("surveys/<int:pk>/preview/", views.preview_survey, name="preview"),
    path("surveys/<int:pk>/questions/", views.add_question, name="add_question"),
    path("surveys/questions/<int:pk>/", views.edit_question, name="edit_question"),
    path("surveys/questions/<int:pk>/delete/", views.delete_question, name="delete_question"),
    path("surveys/questions/<int:pk>/move/", views.move_question, name="move_question"),
    path("surveys/<int:pk>/sending/", views.add_schedule, name="add_schedule"),
    path("surveys/sending/<int:pk>/delete/", views.delete_schedule, name="delete_schedule"),
    path("surveys/<int:pk>/results/", views.survey_results, name="results"),
    path("surveys/<int:pk>/results/<slug:table>.csv", views.survey_results_csv, name="results_csv"),
    path("surveys/<int:pk>/remind/", views.remind_non_responders, name="remind"),
]
