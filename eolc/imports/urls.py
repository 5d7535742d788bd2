from django.urls import path

from eolc.imports import views

app_name = "imports"

urlpatterns = [
    path("imports/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.preview, name="preview"),
    path("imports/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("imports/example-<str:kind>.csv", views.example_file, name="example"),
]
