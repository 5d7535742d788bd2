from django.urls import path

from eolc.library import views

app_name = "library"

urlpatterns = [
    path("library/", views.library_index, name="index"),
    path("library/new/", views.create_resource, name="create"),
    path("library/<int:pk>/", views.show_resource, name="resource"),
    path("library/<int:pk>/edit/", views.edit_resource, name="edit"),
    path("library/<int:pk>/publish/", views.publish_resource, name="publish"),
    path("library/<int:pk>/unpublish/", views.unpublish_resource, name="unpublish"),
    path("library/<int:pk>/download/", views.download_resource, name="download"),
    path("library/<int:pk>/visit/", views.visit_resource, name="visit"),
    path("library/<int:pk>/captions.vtt", views.film_captions, name="captions"),
    path("library/roles/", views.list_roles, name="roles"),
    path("library/roles/<slug:slug>/", views.show_role, name="role"),
    path("library/faith/", views.list_faith_guides, name="faith_guides"),
    path("library/faith/<slug:slug>/", views.show_faith_guide, name="faith_guide"),
    path("trainer-pack/", views.trainer_pack, name="trainer_pack"),
    path("trainer-pack/plans/new/", views.create_plan, name="create_plan"),
    path("trainer-pack/plans/<int:pk>/", views.show_plan, name="plan"),
    path("trainer-pack/plans/<int:pk>/edit/", views.edit_plan, name="edit_plan"),
    path("trainer-pack/plans/<int:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("trainer-pack/delivered/", views.list_delivered_sessions, name="delivered"),
    path("trainer-pack/delivered/new/", views.record_delivered_session, name="record_delivered"),
    path("trainer-pack/delivered/<int:pk>/delete/", views.delete_delivered_session, name="delete_delivered"),
]
