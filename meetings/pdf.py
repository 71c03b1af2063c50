"""The meeting report as a PDF, made with WeasyPrint.

Japanese text needs a CJK font on the server: Debian's ``fonts-noto-cjk`` (Noto Sans CJK
JP), which the set-up installs; the stylesheet names it first. WeasyPrint itself needs
Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0``).
"""

import ctypes
import ctypes.util
import functools
import logging
import re

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger("grfnet.meetings")

STYLESHEETS = ["css/meeting_report.css", "css/meeting_report_pdf.css"]
SYSTEM_PACKAGES = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk"


FONT_PACKAGES = "apt-get install fonts-noto-cjk"
PDF_VARIANT = "pdf/ua-1"  # tagged for screen readers: headings, tables, reading order, language

# Kana, CJK ideographs and full-width forms: text that a Latin font prints as empty boxes.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


class PdfUnavailable(Exception):
    """The PDF cannot be made here: WeasyPrint's system libraries, or a font for the text,
    are missing. The message (in the active language) says what to install."""


class _FcFontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p)]


@functools.cache
def fonts_for_language(language: str) -> int:
    """How many installed fonts fontconfig says cover ``language`` (``fc-list :lang=ja``),
    asked through libfontconfig, which Pango (and so WeasyPrint) loads anyway. 0 when
    fontconfig itself is missing. Cached: fonts are installed with the server, not while
    it runs."""
    name = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    try:
        fc = ctypes.CDLL(name)
    except OSError:
        return 0
    fc.FcNameParse.restype = ctypes.c_void_p
    fc.FcNameParse.argtypes = [ctypes.c_char_p]
    fc.FcObjectSetCreate.restype = ctypes.c_void_p
    fc.FcObjectSetAdd.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fc.FcFontList.restype = ctypes.POINTER(_FcFontSet)
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    fc.FcFontSetDestroy.argtypes = [ctypes.POINTER(_FcFontSet)]
    fc.FcPatternDestroy.argtypes = [ctypes.c_void_p]
    fc.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
    pattern = fc.FcNameParse(f":lang={language}".encode())
    objects = fc.FcObjectSetCreate()
    fc.FcObjectSetAdd(objects, b"family")
    fonts = fc.FcFontList(None, pattern, objects)
    try:
        return fonts.contents.nfont if fonts else 0
    finally:
        if fonts:
            fc.FcFontSetDestroy(fonts)
        fc.FcObjectSetDestroy(objects)
        fc.FcPatternDestroy(pattern)


def check_fonts(html: str) -> None:
    """PdfUnavailable unless the server has a font for every script in ``html``: without
    a Japanese font WeasyPrint prints Japanese as empty boxes and says nothing."""
    if _JAPANESE.search(html) and not fonts_for_language("ja"):
        logger.error("No font covers Japanese text (%s)", FONT_PACKAGES)
        raise PdfUnavailable(
            gettext(
                "The PDF cannot be made on this server: no font for Japanese text is "
                "installed. The administrator can install one with: %(command)s"
            )
            % {"command": FONT_PACKAGES}
        )


def _weasyprint():
    """WeasyPrint, or PdfUnavailable (in the active language) when it cannot load: a
    library missing (OSError), WeasyPrint itself missing (ImportError), or a warning made
    an error (WeasyPrint warns on import when ``libharfbuzz-subset0`` is missing, and the
    test settings turn DeprecationWarning into an error)."""
    try:
        import weasyprint
    except (OSError, ImportError, Warning) as error:
        logger.error("WeasyPrint cannot load (%s): %s", SYSTEM_PACKAGES, error)
        raise PdfUnavailable(
            gettext(
                "The PDF cannot be made on this server: WeasyPrint's system libraries are "
                "missing. The administrator can install them with: %(command)s"
            )
            % {"command": SYSTEM_PACKAGES}
        ) from error
    return weasyprint


def filename(meeting) -> str:
    return f"grfnet-meeting-{meeting.number}-report-{translation.get_language()}.pdf"


def report_pdf(report, *, request) -> bytes:
    weasyprint = _weasyprint()
    html = render_to_string(
        "meetings/report_pdf.html", {"report": report, "meeting": report.meeting}, request=request
    )
    check_fonts(html)
    stylesheets = [weasyprint.CSS(filename=finders.find(name)) for name in STYLESHEETS]
    document = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/"))
    return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT)
