"""The meeting report as a PDF, made with WeasyPrint.

Japanese text needs a CJK font on the server: Debian's ``fonts-noto-cjk`` (Noto Sans CJK
JP), which the set-up installs; the stylesheet names it first. WeasyPrint itself needs
Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0``).
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

STYLESHEETS = ["css/meeting_report.css", "css/meeting_report_pdf.css"]


class PdfUnavailable(Exception):
    """WeasyPrint cannot run here: its system libraries are missing."""


def _weasyprint():
    try:
        import weasyprint
    except OSError as error:  # Pango or its friends are not installed
        raise PdfUnavailable(
            "PDF export needs WeasyPrint's system libraries (apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk): {error}"
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
