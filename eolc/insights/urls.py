from django.urls import path

from eolc.insights import views

app_name = "insights"

urlpatterns = [
    path("contribute/", views.contribute, name="contribute"),
    path("contribute/mine/", views.my_contributions, name="mine"),
    path("insights/", views.hub, name="hub"),
    path("insights/bulk/", views.bulk_entry, name="bulk"),
    path("insights/review/", views.review_queue, name="review"),
    path("insights/review/decide/", views.review_many, name="review_many"),
    path("insights/contributions/<int:pk>/", views.review_contribution, name="review_contribution"),
    path("insights/programmes/<slug:slug>/themes/", views.themes, name="themes"),
    path("insights/programmes/<slug:slug>/suggest/", views.suggest_themes, name="suggest"),
    path("insights/programmes/<slug:slug>/messages/", views.programme_messages, name="programme_messages"),
    path("insights/programmes/<slug:slug>/messages/new/", views.create_message, name="create_message"),
    path("insights/programmes/<slug:slug>/contributions.csv", views.export_contributions, name="export"),
    path("insights/themes/<int:pk>/", views.theme_detail, name="theme"),
    path("insights/themes/<int:pk>/move/", views.move_contribution, name="move_contribution"),
    path("insights/themes/<int:pk>/merge/", views.merge_theme, name="merge_theme"),
    path("insights/suggestions/<int:pk>/", views.suggestions, name="suggestions"),
    path("insights/suggestions/<int:pk>/progress/", views.suggestion_progress, name="suggestion_progress"),
    path("insights/suggestions/<int:pk>/accept/<int:index>/", views.accept_suggestion, name="accept"),
    path("insights/messages/<int:pk>/", views.show_message, name="message"),
    path("insights/messages/<int:pk>/edit/", views.edit_message, name="edit_message"),
    path("insights/messages/<int:pk>/publish/", views.publish_message, name="publish_message"),
    path("insights/messages/<int:pk>/consult/", views.consult_message, name="consult_message"),
    path("key-messages/", views.message_list, name="messages"),
    path("key-messages/<slug:slug>/", views.message_public, name="message_public"),
    path("practice/", views.catalogue, name="catalogue"),
    path("practice/new/", views.submit_example, name="submit_example"),
    path("practice/review/", views.example_queue, name="example_queue"),
    path("practice/<int:pk>/", views.show_example, name="example"),
    path("practice/<int:pk>/review/", views.review_example, name="review_example"),
]
