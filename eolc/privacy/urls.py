from django.urls import path

from eolc.privacy import views

app_name = "privacy"

urlpatterns = [
    path("privacy/", views.notice, name="notice"),
    path("privacy/my-data/", views.my_data, name="my_data"),
    path("privacy/my-data.zip", views.my_data_download, name="download"),
    path("privacy/people/<int:pk>/erase/", views.erase_person, name="erase_person"),
]
