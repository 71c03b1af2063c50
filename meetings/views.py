"""Meeting pages: the list, one meeting, its report (HTML and PDF) and its calendar file.

All read published data only, so they follow the network pages' rule (public or signed in,
``accounts.access``). Unpublished meetings are visible to the secretariat only.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.access import is_secretariat, network_page
from pledges.published import cached, cached_body

from . import ics, pdf, pdf_cache
from .calendar import organizations_due, period_for_meeting
from .models import Meeting
from .report import meeting_report
from .screens import report_screens


def _visible_meetings(user):
    meetings = Meeting.objects.all()
    return meetings if is_secretariat(user) else meetings.published()


def _meeting_for(request, number: int) -> Meeting:
    """The meeting numbered ``number`` if this visitor may see it; 404 otherwise."""
    return get_object_or_404(_visible_meetings(request.user), number=number)


@require_safe
@network_page
def meeting_list(request):
    """Upcoming meetings first (soonest first), then past ones (latest first). Two queries."""

    def build_body():
        today = timezone.localdate()
        meetings = list(
            _visible_meetings(request.user).prefetch_related("co_hosts").order_by("date")
        )
        upcoming = [m for m in meetings if m.date >= today]
        past = [m for m in reversed(meetings) if m.date < today]
        return {"upcoming": upcoming, "past": past, "today": today}

    context = cached_body(request, "meetings", build=build_body, anonymous_only=True)
    return render(request, "meetings/meeting_list.html", context)


@require_safe
@network_page
def event_detail(request, pk):
    """An event that is not a network meeting (a symposium, the Forum): what, when, where,
    who hosted it and its source. It has no report and closes no period. Two queries."""
    event = get_object_or_404(
        _visible_meetings(request.user)
        .filter(kind=Meeting.Kind.EVENT)
        .prefetch_related("co_hosts"),
        pk=pk,
    )
    return render(request, "meetings/event_detail.html", {"meeting": event})


@require_safe
@network_page
def meeting_detail(request, number):
    """A meeting: when, where, its agenda and who attended; for the secretariat, who has
    not reported and the reminders. The body is cached for visitors who are not signed in;
    they cost the meeting's query (the page's title) and the data version's."""
    head = _meeting_for(request, number)

    def build_body():
        meeting = get_object_or_404(
            _visible_meetings(request.user).prefetch_related(
                "co_hosts",
                "agenda_items__presenter",
                "agenda_items__pledges",
                "attendances__organization",
            ),
            number=number,
        )
        period = period_for_meeting(meeting)
        body = {
            "meeting": meeting,
            "period": period,
            "update_count": period.updates().count(),
            "is_upcoming": meeting.date >= timezone.localdate(),
            "show_not_reported": is_secretariat(request.user),
        }
        if body["show_not_reported"]:
            body["not_reported"] = organizations_due(period)
            body["reminders_sent"] = meeting.reminders.select_related("organization")
        return body

    body = cached_body(request, "meeting", number, build=build_body, anonymous_only=True)
    return render(request, "meetings/meeting_detail.html", {"meeting": head, **body})


@require_safe
@network_page
def meeting_report_view(request, number):
    """The report's body is built once per change of the published data (and per day and
    language): a reader costs the meeting's query and the version's when it is cached."""
    meeting = _meeting_for(request, number)

    def body():
        report = meeting_report(meeting)
        context = {"report": report, "meeting": meeting}
        return render_to_string("meetings/_report_body.html", context, request=request)

    return render(
        request,
        "meetings/report.html",
        {"meeting": meeting, "report_body": cached(f"meeting-report-{meeting.pk}", body)},
    )


@network_page
def meeting_report_screen(request, number, screen=1):
    """The meeting-day view: screen ``screen`` (from 1) of the report, for a projector.
    Plain links (with access keys N and P) move between screens: no JavaScript."""
    report = meeting_report(_meeting_for(request, number))
    screens = report_screens(report)
    if not 1 <= screen <= len(screens):
        raise Http404
    context = {
        "report": report,
        "meeting": report.meeting,
        "screen": screens[screen - 1],
        "number": screen,
        "count": len(screens),
        "previous": screen - 1 if screen > 1 else None,
        "next": screen + 1 if screen < len(screens) else None,
    }
    return render(request, "meetings/report_screen.html", context)


@require_safe
@network_page
def meeting_report_pdf(request, number):
    """The report PDF from storage, built first if the published data changed since."""
    meeting = _meeting_for(request, number)
    try:
        name = pdf_cache.report_pdf_name(meeting, request=request)
    except pdf.PdfUnavailable as error:  # WeasyPrint's system libraries are missing
        return HttpResponse(str(error), status=503, content_type="text/plain")
    except pdf_cache.PdfBusy:
        response = HttpResponse(
            _("The PDF is being prepared; try again in a minute."),
            status=503,
            content_type="text/plain",
        )
        response["Retry-After"] = "60"
        return response
    return FileResponse(
        pdf_cache.storage().open(name),
        content_type="application/pdf",
        as_attachment=True,
        filename=pdf.filename(meeting),
    )


@require_safe
@network_page
def meeting_ics(request, number):
    meeting = _meeting_for(request, number)
    response = HttpResponse(
        ics.meeting_calendar(meeting, request=request), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="grfnet-meeting-{meeting.number}.ics"'
    return response
