from django.urls import path

from eolc.scenarios import views

app_name = "scenarios"

urlpatterns = [
    path("scenarios/", views.catalogue, name="catalogue"),
    path("scenarios/<int:pk>/", views.intro, name="intro"),
    path("scenarios/<int:pk>/start/", views.start, name="start"),
    path("scenarios/<int:pk>/steps/<int:node_pk>/", views.step, name="step"),
    path("scenarios/<int:pk>/choices/<int:choice_pk>/", views.outcome, name="outcome"),
    path("scenarios/manage/", views.manage, name="manage"),
    path("scenarios/manage/new/", views.create_scenario, name="create"),
    path("scenarios/manage/<int:pk>/", views.editor, name="editor"),
    path("scenarios/manage/<int:pk>/details/", views.edit_scenario, name="edit"),
    path("scenarios/manage/<int:pk>/publish/", views.publish, name="publish"),
    path("scenarios/manage/<int:pk>/results/", views.results, name="results"),
    path("scenarios/manage/<int:pk>/steps/new/", views.add_node, name="add_node"),
    path("scenarios/manage/steps/<int:pk>/", views.edit_node, name="edit_node"),
    path("scenarios/manage/steps/<int:pk>/delete/", views.delete_node, name="delete_node"),
    path("scenarios/manage/steps/<int:pk>/choices/new/", views.add_choice, name="add_choice"),
    path("scenarios/manage/choices/<int:pk>/", views.edit_choice, name="edit_choice"),
    path("scenarios/manage/choices/<int:pk>/delete/", views.delete_choice, name="delete_choice"),
]
