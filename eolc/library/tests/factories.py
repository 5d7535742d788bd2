"""Files and records for library tests. Files are real bytes of each type, made here."""

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from eolc.library.models import CareRole, FaithGuide, Resource, ResourceKind, Status

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode"
)
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script>'
    b'<circle r="4"/></svg>'
)
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:04.000\nIt helps to talk.\n"


def docx_bytes(*, macros=False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


class CareRoleFactory(DjangoModelFactory):
    class Meta:
        model = CareRole
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"role-{n}")
    name = factory.Sequence(lambda n: f"Role {n}")
    summary = "Works with the person and their family."
    what_they_do = "Visits people at home."
    when_involved = "From diagnosis onwards."
    needs_from_others = "- Early referrals\n- Clear notes"
    how_to_reach = "Through the GP practice."
    status = Status.PUBLISHED


class FaithGuideFactory(DjangoModelFactory):
    class Meta:
        model = FaithGuide

    slug = factory.Sequence(lambda n: f"guide-{n}")
    title = factory.Sequence(lambda n: f"Perspective {n}")
    introduction = "An introduction."
    talking_about_death = "Ask gently."
    care_before_death = "Offer privacy."
    at_time_of_death = "Ask the family."
    after_death = "Follow the family's lead."
    practical_points = "- Ask\n- Listen"
    sources = "A well-known handbook\nA national charity's guidance"
    review_date = datetime.date(2027, 6, 1)
    status = Status.PUBLISHED


class ResourceFactory(DjangoModelFactory):
    class Meta:
        model = Resource

    title = factory.Sequence(lambda n: f"Resource {n}")
    kind = ResourceKind.LINK
    summary = "A useful resource."
    url = "https://example.org/resource"
    for_front_line = True
    status = Status.PUBLISHED
