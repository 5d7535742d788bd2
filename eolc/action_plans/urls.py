from django.urls import path

from eolc.action_plans import views

app_name = "action_plans"

urlpatterns = [
    path("plans/", views.my_plans, name="mine"),
    path("plans/new/", views.create_plan, name="create"),
    path("plans/<int:pk>/", views.show_plan, name="detail"),
    path("plans/<int:pk>/plan.pdf", views.plan_pdf, name="pdf"),
    path("plans/<int:pk>/sharing/", views.share_plan, name="share"),
    path("plans/<int:pk>/close/", views.close_plan, name="close"),
    path("plans/actions/<int:pk>/update/", views.update_action, name="update"),
    path("plans/update/<str:token>/", views.link_update, name="link_update"),
    path("plans/events/<int:event_pk>/template/", views.edit_template, name="template"),
    path("plans/buddies/", views.buddies, name="buddies"),
    path("plans/buddies/<int:event_pk>/", views.buddy_opt_in, name="buddy_opt_in"),
    path("plans/buddies/pairs/<int:pk>/end/", views.end_buddy, name="end_buddy"),
    path("plans/follow-through/", views.follow_through, name="follow_through"),
    path("plans/follow-through.csv", views.follow_through_csv, name="follow_through_csv"),
]
