"""Meeting-report PDFs, built once per meeting, language and version of the published data,
kept in the "reports" storage (``STORAGES["reports"]``: a directory by default, an
S3-compatible bucket through django-storages in a deployment of several machines).

A PDF at the Forum size takes tens of seconds of CPU, so however many people ask for it at
once it is built once: the first request takes a lock in the cache (``cache.add``, atomic
in Redis and in local memory) and builds; the others wait for the file, or answer 503 with
``Retry-After`` after ``GRFNET_PDF_WAIT_SECONDS``. A marker file written after the PDF says
it is complete, so nobody serves a half-written one. Older versions of the same meeting and
language are deleted once the new one is there.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import translation

from pledges.published import published_state

from . import pdf
from .report import meeting_report

logger = logging.getLogger("grfnet.meetings")

READY = ".ready"
POLL_SECONDS = 0.2


class PdfBusy(Exception):
    """Another request is still building this PDF."""


def storage():
    return storages["reports"]


def pdf_name(meeting) -> str:
    """``meeting-<n>/<language>/report-<version>-<changed>.pdf``: a new name whenever the
    published data changes, so a stale file is never served."""
    state = published_state()
    changed = state.changed_at.strftime("%Y%m%dT%H%M%S%f")
    language = translation.get_language()
    return f"meeting-{meeting.number}/{language}/report-{state.version}-{changed}.pdf"


def _build(meeting, name: str, *, request) -> None:
    store = storage()
    if store.exists(name):  # a build that stopped half-way
        store.delete(name)
    started = time.monotonic()
    content = pdf.report_pdf(meeting_report(meeting), request=request)
    store.save(name, ContentFile(content))
    store.save(name + READY, ContentFile(b"complete\n"))
    logger.info("Built %s (%d bytes) in %.1f s", name, len(content), time.monotonic() - started)
    _forget_older(name)


def _forget_older(name: str) -> None:
    """Delete the other versions of this meeting's PDF in this language."""
    store = storage()
    directory, _slash, current = name.rpartition("/")
    try:
        _dirs, files = store.listdir(directory)
    except (FileNotFoundError, NotImplementedError):
        return
    for file in files:
        if not file.startswith(current):
            store.delete(f"{directory}/{file}")


def report_pdf_name(meeting, *, request) -> str:
    """The storage name of the meeting's report PDF in the active language, built first
    if need be (once, however many ask). Raises ``pdf.PdfUnavailable`` when WeasyPrint
    cannot run, ``PdfBusy`` when another build takes longer than the wait."""
    name = pdf_name(meeting)
    store = storage()
    if store.exists(name + READY):
        return name
    lock = f"grfnet:pdf-lock:{name}"
    deadline = time.monotonic() + settings.GRFNET_PDF_WAIT_SECONDS
    while True:
        if cache.add(lock, "building", timeout=settings.GRFNET_PDF_BUILD_SECONDS):
            try:
                if not store.exists(name + READY):
                    _build(meeting, name, request=request)
            finally:
                cache.delete(lock)
            return name
        time.sleep(POLL_SECONDS)
        if store.exists(name + READY):
            return name
        if time.monotonic() > deadline:
            raise PdfBusy(name)


def forget_all() -> None:
    """Delete every cached PDF (the benchmark times a cold build)."""
    store = storage()

    def walk(directory: str) -> None:
        try:
            dirs, files = store.listdir(directory)
        except FileNotFoundError:
            return
        for file in files:
            store.delete(f"{directory}/{file}".lstrip("/"))
        for sub in dirs:
            walk(f"{directory}/{sub}".lstrip("/"))

    walk("")
