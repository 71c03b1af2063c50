"""Evidence attached to progress updates: what a file may be, what it is called, and the
writes that add and remove files.

A file is accepted when its extension is one of ``ALLOWED`` *and* its content is of that
kind: the first bytes for PDF, images and the older Office formats (``filetype``), the
parts inside the zip for Word, Excel and PowerPoint (.docx, .xlsx, .pptx). So an
executable renamed ``report.pdf`` is refused, and so is a PDF renamed ``photo.png``.
Files are stored through Django's storage API (``STORAGES["default"]``: the file system
in development, S3-compatible object storage when configured), and served only through
``pledges.attachment_views.attachment_download`` with the update's own visibility.
"""

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .models import Attachment, ProgressUpdate

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# extension -> the content type it must have (as detected, and as served)
ALLOWED = {
    "pdf": PDF,
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "doc": "application/msword",
    "docx": DOCX,
    "xls": "application/vnd.ms-excel",
    "xlsx": XLSX,
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": PPTX,
}
# The part every Office Open XML file of that kind has.
OOXML_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}
# Word 97-2003 files and their kin are OLE2 containers; each kind has its own stream, whose
# name (UTF-16) is in the container's directory.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE2_STREAMS = {
    "application/msword": ["WordDocument"],
    "application/vnd.ms-excel": ["Workbook", "Book"],
    "application/vnd.ms-powerpoint": ["PowerPoint Document"],
}
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED)  # the file input's accept=
NAME_MAX = 100


@dataclass(frozen=True)
class CheckedFile:
    file: object  # an UploadedFile
    name: str  # safe, with its extension
    content_type: str
    size: int


def safe_name(original: str, extension: str) -> str:
    """A name that is safe on any file system and in a Content-Disposition header: no
    folders, no control or shell characters, at most ``NAME_MAX`` characters, ending with
    ``extension``. Japanese letters are kept."""
    base = unicodedata.normalize("NFKC", original or "").replace("\\", "/").split("/")[-1]
    stem = PurePosixPath(base).stem if "." in base else base
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C").strip(" .")
    try:
        stem = get_valid_filename(stem)
    except SuspiciousFileOperation:
        stem = ""
    stem = stem[: NAME_MAX - len(extension) - 1].strip("._-") or "evidence"
    return f"{stem}.{extension}"


def _detected_type(uploaded, expected: str) -> str | None:
    uploaded.seek(0)
    if expected in OOXML_MAIN_PART:
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            uploaded.seek(0)
        ok = "[Content_Types].xml" in names and OOXML_MAIN_PART[expected] in names
        return expected if ok else None
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if expected in OLE2_STREAMS and head.startswith(OLE2_MAGIC):
        if kind and kind.mime == expected:
            return expected
        # filetype knows the common layouts only; the stream's name says it for certain.
        content = uploaded.read(Attachment.MAX_SIZE + 1)
        uploaded.seek(0)
        names = [name.encode("utf-16-le") for name in OLE2_STREAMS[expected]]
        return expected if any(name in content for name in names) else None
    return kind.mime if kind else None


def check_upload(uploaded) -> CheckedFile:
    """The upload as it will be stored, or ValidationError saying what is wrong with it."""
    original = uploaded.name or ""
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("“%(name)s” is not a kind of file you can attach (PDF, images, Word, Excel, "
              "PowerPoint).") % {"name": original},
            code="extension",
        )  # fmt: skip
    if uploaded.size > Attachment.MAX_SIZE:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a file can be at most %(max)s.")
            % {
                "name": original,
                "size": filesizeformat(uploaded.size),
                "max": filesizeformat(Attachment.MAX_SIZE),
            },
            code="size",
        )
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": original}, code="empty")
    expected = ALLOWED[extension]
    if _detected_type(uploaded, expected) != expected:
        raise ValidationError(
            _("“%(name)s” is not what its name says: its content is not a .%(ext)s file.")
            % {"name": original, "ext": extension},
            code="content",
        )
    return CheckedFile(uploaded, safe_name(original, extension), expected, uploaded.size)


def room_left(update: ProgressUpdate | None, removing: int = 0) -> int:
    kept = (update.attachments.count() if update and update.pk else 0) - removing
    return Attachment.MAX_PER_UPDATE - kept


class TooManyFiles(Exception):
    """More than ``Attachment.MAX_PER_UPDATE`` files on one update."""


@transaction.atomic
def attachments_change(
    *,
    update: ProgressUpdate,
    add: list[CheckedFile] = (),
    remove: list[Attachment] = (),
    user=None,
) -> list[Attachment]:
    """Remove ``remove`` from the update and store ``add``; at most five files stay.

    The caller checks that the update may still be changed by this user (the update
    services' life cycle: a draft or returned update, or the secretariat's correction).
    A removed file leaves the storage once the transaction commits."""
    ProgressUpdate.objects.select_for_update().filter(pk=update.pk).first()
    removed = list(Attachment.objects.filter(update=update, pk__in=[a.pk for a in remove]))
    if update.attachments.count() - len(removed) + len(add) > Attachment.MAX_PER_UPDATE:
        raise TooManyFiles(
            _("An update can have at most %(max)d files.") % {"max": Attachment.MAX_PER_UPDATE}
        )
    for attachment in removed:
        stored = attachment.file
        attachment.delete()
        transaction.on_commit(lambda stored=stored: stored.delete(save=False), robust=True)
    created = []
    for checked in add:
        attachment = Attachment(
            update=update,
            name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=user,
        )
        attachment.file.save(checked.name, checked.file, save=False)
        attachment.full_clean()
        attachment.save()
        created.append(attachment)
    return created
