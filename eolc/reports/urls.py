from django.urls import path

from eolc.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.index, name="index"),
    path("reports/all-programmes/", views.all_dashboard, name="all"),
    path("reports/all-programmes/export/<slug:table>.<str:fmt>", views.all_export_table, name="all_export"),
    path("reports/programmes/<slug:slug>/", views.programme_dashboard, name="dashboard"),
    path("reports/programmes/<slug:slug>/export/<slug:table>.<str:fmt>", views.export_table, name="export"),
    path("reports/programmes/<slug:slug>/report/", views.programme_report, name="report"),
    path("reports/programmes/<slug:slug>/report.pdf", views.programme_report_pdf, name="report_pdf"),
    path(
        "reports/programmes/<slug:slug>/learning-points/", views.edit_learning_points, name="learning_points"
    ),
]
