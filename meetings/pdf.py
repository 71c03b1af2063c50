"""The meeting report as a PDF, made with WeasyPrint.

Japanese text needs a CJK font on the server: Debian's ``fonts-noto-cjk`` (Noto Sans CJK
JP), which the set-up installs; the stylesheet names it first. WeasyPrint itself needs
Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0``).
"""

import logging

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger("grfnet.meetings")

STYLESHEETS = ["css/meeting_report.css", "css/meeting_report_pdf.css"]
SYSTEM_PACKAGES = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk"


class PdfUnavailable(Exception):
    """WeasyPrint cannot run here: its system libraries are missing."""


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
    stylesheets = [weasyprint.CSS(filename=finders.find(name)) for name in STYLESHEETS]
    document = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/"))
    return document.write_pdf(stylesheets=stylesheets)
