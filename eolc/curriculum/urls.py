from django.urls import path

from eolc.curriculum.views import authoring, learning, records

app_name = "curriculum"

urlpatterns = [
    path("learning/", learning.catalogue, name="catalogue"),
    path("learning/parts/<int:pk>/", learning.part_detail, name="part"),
    path("learning/parts/<int:pk>/enrol/", learning.part_enrol, name="enrol"),
    path("learning/parts/<int:pk>/reflections/", learning.reflection_add, name="reflection_add"),
    path("learning/modules/<int:pk>/", learning.module_detail, name="module"),
    path("learning/activities/<int:pk>/", learning.activity_detail, name="activity"),
    path("learning/activities/<int:pk>/draft/", learning.reflection_draft, name="draft"),
    path("learning/activities/<int:pk>/captions.vtt", learning.activity_captions, name="captions"),
    path("learning/transcript/", records.transcript, name="transcript"),
    path("learning/people/<int:pk>/transcript/", records.person_transcript, name="person_transcript"),
    path("learning/transcript.csv", records.transcript_csv, name="transcript_csv"),
    path("learning/transcript.pdf", records.transcript_pdf, name="transcript_pdf"),
    path("learning/reflections.pdf", records.reflections_pdf, name="reflections_pdf"),
    path("learning/certificates/<str:code>.pdf", records.certificate_pdf, name="certificate_pdf"),
    path("learning/certificates/<str:code>/revoke/", records.certificate_revoke, name="certificate_revoke"),
    path("verify/<str:code>/", records.verify, name="verify"),
    # Authoring, for programme administrators
    path("learning/manage/<slug:slug>/", authoring.manage_programme, name="manage"),
    path("learning/manage/<slug:slug>/parts/new/", authoring.part_create, name="part_create"),
    path("learning/manage/parts/<int:pk>/", authoring.part_edit, name="part_edit"),
    path("learning/manage/parts/<int:pk>/credits/", authoring.part_credit_add, name="part_credit_add"),
    path(
        "learning/manage/parts/<int:pk>/credits/<int:credit_pk>/remove/",
        authoring.part_credit_remove,
        name="part_credit_remove",
    ),
    path(
        "learning/manage/parts/<int:pk>/completions/new/",
        authoring.completion_record,
        name="completion_record",
    ),
    path("learning/manage/parts/<int:pk>/modules/new/", authoring.module_create, name="module_create"),
    path("learning/manage/modules/<int:pk>/", authoring.module_edit, name="module_edit"),
    path(
        "learning/manage/modules/<int:pk>/activities/new/", authoring.activity_create, name="activity_create"
    ),
    path("learning/manage/activities/<int:pk>/", authoring.activity_edit, name="activity_edit"),
    path("learning/manage/activities/<int:pk>/questions/", authoring.question_add, name="question_add"),
    path("learning/manage/<str:kind>/<int:pk>/publish/", authoring.publish, name="publish"),
    path("learning/manage/<str:kind>/<int:pk>/unpublish/", authoring.unpublish, name="unpublish"),
    path("learning/manage/<str:kind>/<int:pk>/move/", authoring.move, name="move"),
]
