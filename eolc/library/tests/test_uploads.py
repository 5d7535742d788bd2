"""Uploads are checked by content and size, stored under names we choose, and served only as attachments."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from eolc.library.models import Resource, ResourceKind
from eolc.library.tests.factories import (
    EXE_BYTES,
    MP4_BYTES,
    PDF_BYTES,
    SVG_WITH_SCRIPT,
    docx_bytes,
    upload,
)
from eolc.library.uploads import FileType, check_upload

DOCUMENTS = (FileType.PDF, FileType.DOCX)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("plan.pdf", PDF_BYTES, FileType.PDF),
        ("handout.docx", docx_bytes(), FileType.DOCX),
        ("misnamed.txt", PDF_BYTES, FileType.PDF),
    ],
)
def test_documents_are_recognised_by_content(name, content, expected):
    assert check_upload(upload(name, content), allowed=DOCUMENTS) is expected


def test_a_film_is_recognised_by_content():
    assert check_upload(upload("film.mp4", MP4_BYTES), allowed=(FileType.MP4, FileType.WEBM)) is FileType.MP4


def test_a_renamed_executable_is_refused():
    with pytest.raises(ValidationError, match="Windows program"):
        check_upload(upload("minutes.pdf", EXE_BYTES, "application/pdf"), allowed=DOCUMENTS)


def test_an_svg_with_script_is_refused_whatever_it_is_called():
    for name in ("diagram.svg", "diagram.pdf"):
        with pytest.raises(ValidationError, match="SVG"):
            check_upload(upload(name, SVG_WITH_SCRIPT, "image/svg+xml"), allowed=DOCUMENTS)


def test_an_oversized_file_is_refused(settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError, match="largest file the library takes is 100"):
        check_upload(upload("big.pdf", PDF_BYTES + b" " * 200), allowed=DOCUMENTS)


def test_a_word_file_with_macros_and_an_empty_file_are_refused():
    with pytest.raises(ValidationError, match="macros"):
        check_upload(upload("macro.docx", docx_bytes(macros=True)), allowed=DOCUMENTS)
    with pytest.raises(ValidationError, match="empty"):
        check_upload(upload("empty.pdf", b""), allowed=DOCUMENTS)


def test_a_file_of_the_wrong_kind_for_the_resource_is_refused():
    with pytest.raises(ValidationError, match="takes PDF or Word"):
        check_upload(upload("film.mp4", MP4_BYTES), allowed=DOCUMENTS)


def _form(**overrides):
    data = {
        "title": "Understanding roles handout",
        "kind": ResourceKind.DOCUMENT,
        "summary": "A handout.",
        "programme": "",
        "audiences": ["front_line"],
        "licence": "ogl-3",
        "version": "1.0",
    }
    return {**data, **overrides}


def _signed_in(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.pdf", EXE_BYTES, "Windows program"),
        ("picture.svg", SVG_WITH_SCRIPT, "SVG"),
    ],
)
def test_the_upload_page_refuses_bad_files_and_keeps_what_was_typed(
    people, programme, media_root, name, content, reason
):
    client = _signed_in(people.facilitator)
    response = client.post(
        reverse("library:create"), _form(programme=programme.pk, upload=upload(name, content))
    )
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert 'value="Understanding roles handout"' in response.content.decode()
    assert not Resource.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


@pytest.mark.django_db
def test_the_upload_page_refuses_an_oversized_file(people, programme, settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 64
    client = _signed_in(people.facilitator)
    response = client.post(
        reverse("library:create"), _form(programme=programme.pk, upload=upload("big.pdf", PDF_BYTES))
    )
    assert "the largest file the library takes is 64" in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_stored_names_are_ours_and_download_names_are_safe(people, programme, media_root):
    client = _signed_in(people.facilitator)
    evil = upload("../../etc/<script>passwd.pdf", PDF_BYTES)
    response = client.post(reverse("library:create"), _form(programme=programme.pk, upload=evil))
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.file.name.startswith("library/")
    assert resource.file.name.endswith(".pdf")
    assert ".." not in resource.file.name and "passwd" not in resource.file.name
    assert (media_root / resource.file.name).read_bytes() == PDF_BYTES
    assert resource.file_name == "scriptpasswd.pdf"
    assert resource.file_type == "application/pdf"


@pytest.mark.django_db
def test_files_are_served_as_attachments_with_nosniff_and_counted(people, programme):
    client = _signed_in(people.facilitator)
    document = docx_bytes()  # made once: a ZIP records the time it was made
    client.post(
        reverse("library:create"), _form(programme=programme.pk, upload=upload("Plan.docx", document))
    )
    resource = Resource.objects.get()
    client.post(reverse("library:publish", args=[resource.pk]))

    learner = _signed_in(people.learner)
    response = learner.get(reverse("library:download", args=[resource.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="Plan.docx"')
    assert response["Content-Type"] == FileType.DOCX.mime
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == document
    learner.get(reverse("library:download", args=[resource.pk]))
    resource.refresh_from_db()
    assert resource.download_count == 2


@pytest.mark.django_db
def test_files_of_other_programmes_and_drafts_are_not_served(people, other_programme):
    client = _signed_in(people.other_admin)
    client.post(
        reverse("library:create"), _form(programme=other_programme.pk, upload=upload("notes.pdf", PDF_BYTES))
    )
    resource = Resource.objects.get()
    learner = _signed_in(people.learner)
    assert learner.get(reverse("library:download", args=[resource.pk])).status_code == 404
    client.post(reverse("library:publish", args=[resource.pk]))
    assert learner.get(reverse("library:download", args=[resource.pk])).status_code == 404
    assert _signed_in(people.outsider).get(reverse("library:resource", args=[resource.pk])).status_code == 404


@pytest.mark.django_db
def test_changing_the_kind_keeps_file_and_kind_consistent_and_replacing_a_file_removes_the_old(
    people, programme, media_root, django_capture_on_commit_callbacks
):
    client = _signed_in(people.facilitator)
    client.post(reverse("library:create"), _form(programme=programme.pk, upload=upload("a.pdf", PDF_BYTES)))
    resource = Resource.objects.get()
    old_name = resource.file.name
    edit = reverse("library:edit", args=[resource.pk])
    page = client.post(edit, _form(programme=programme.pk, kind="film")).content.decode()
    assert "The current file is PDF; this kind of resource takes MP4 video or WebM video" in page
    resource.refresh_from_db()
    assert resource.kind == ResourceKind.DOCUMENT

    with_new_file = _form(programme=programme.pk, kind="film", upload=upload("film.mp4", MP4_BYTES))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, with_new_file)
    resource.refresh_from_db()
    assert resource.kind == ResourceKind.FILM and resource.file_type == "video/mp4"
    assert (media_root / resource.file.name).read_bytes() == MP4_BYTES
    assert not (media_root / old_name).exists()
