"""Checking an uploaded file by what it contains, not by what it is called (ADR 011).

The library takes four kinds of file: PDF and Word documents, MP4 and WebM films. Each has a
fixed signature in its first bytes; a Word document is also a ZIP archive that must hold a Word
body and no macros. Anything else, including a program renamed to .pdf or an SVG (which can
carry scripts), is refused with a reason the uploader can act on.
"""

import enum
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename

HEAD_BYTES = 4096

# ISO base media brands used by ordinary MP4 video (not HEIC images or QuickTime).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}


class FileType(enum.Enum):
    PDF = ("application/pdf", ".pdf", "PDF")
    DOCX = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        "Word (.docx)",
    )
    MP4 = ("video/mp4", ".mp4", "MP4 video")
    WEBM = ("video/webm", ".webm", "WebM video")

    def __init__(self, mime, extension, label):
        self.mime, self.extension, self.label = mime, extension, label

    @classmethod
    def from_mime(cls, mime):
        return next((member for member in cls if member.mime == mime), None)


# Things people may try to upload that we refuse outright, with the reason we give.
_REFUSED = [
    (b"MZ", "This file is a Windows program, not a document or film."),
    (b"\x7fELF", "This file is a program, not a document or film."),
    (b"\xcf\xfa\xed\xfe", "This file is a program, not a document or film."),
    (b"#!", "This file is a script, not a document or film."),
]
_MARKUP = (b"<svg", b"<?xml", b"<!doctype", b"<html", b"<script")


def _is_docx(upload) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    macros = any(name.lower().endswith("vbaproject.bin") for name in names)
    return {"[Content_Types].xml", "word/document.xml"} <= names and not macros


def sniff(upload) -> FileType | None:
    """The type the file's content shows, or None if it is none of ours."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    if head.startswith(b"PK\x03\x04") and _is_docx(upload):
        return FileType.DOCX
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return FileType.MP4
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return FileType.WEBM
    return None


def _refusal(upload) -> str:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    for signature, reason in _REFUSED:
        if head.startswith(signature):
            return reason
    if any(marker in head.lower() for marker in _MARKUP):
        return (
            "Images and web pages in SVG, XML or HTML can carry scripts, so the library does not accept them."
        )
    if head.startswith(b"PK\x03\x04"):
        return "This archive is not a Word document (.docx). Word files with macros are not accepted."
    return "We could not recognise this file."


def check_upload(upload, *, allowed: tuple[FileType, ...]) -> FileType:
    """Raise ValidationError unless the upload is one of `allowed`, by content and within the size limit."""
    if not allowed:
        raise ValidationError("This kind of resource is a link: it has no file.")
    accepted = " or ".join(kind.label for kind in allowed)
    limit = settings.LIBRARY_MAX_UPLOAD_BYTES
    if upload.size == 0:
        raise ValidationError("The file is empty.")
    if upload.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(upload.size)}; the largest file the library takes is "
            f"{filesizeformat(limit)}."
        )
    found = sniff(upload)
    if found is None:
        raise ValidationError(f"{_refusal(upload)} Upload a {accepted} file.")
    if found not in allowed:
        raise ValidationError(f"This is a {found.label} file; this kind of resource takes {accepted}.")
    return found


def download_name(original: str, file_type: FileType) -> str:
    """A safe name to offer on download: the uploader's name, cleaned, with the extension of its content."""
    stem = get_valid_filename(Path(original).stem or "resource")[:80] or "resource"
    return f"{stem}{file_type.extension}"
