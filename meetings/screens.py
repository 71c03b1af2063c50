"""The meeting-day view of the report: one screen per part, in large type, for a projector.

``report_screens(report)`` lists the screens in the order the meeting goes through them;
parts with nothing to show are left out (the printed report says "none" instead)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .report import MeetingReport, ReportSection


@dataclass
class Screen:
    kind: str  # the template part that draws it: meetings/screens/_<kind>.html
    title: str
    section: ReportSection | None = None

    @property
    def template(self) -> str:
        return f"meetings/screens/_{self.kind}.html"


def report_screens(report: MeetingReport) -> list[Screen]:
    network = report.network
    screens = [
        Screen("cover", report.meeting.title, network),
        Screen("stages", _("Pledges by stage, before and after the period"), network),
    ]
    if network.stage_changes:
        screens.append(Screen("stage_changes", _("Stage changes"), network))
    if network.fulfilled:
        screens.append(Screen("fulfilled", _("Newly fulfilled pledges"), network))
    if network.movements:
        screens.append(Screen("indicators", _("Indicator movements"), network))
    if network.participation:
        screens.append(Screen("participation", _("Refugee participation reported"), network))
    screens.append(Screen("objectives", _("By GCR objective")))
    screens += [Screen("objective", s.title, s) for s in report.objectives if s.pledges]
    screens += [Screen("organization", s.title, s) for s in report.organizations if s.updates]
    screens.append(Screen("not_reported", _("Pledges with no update in the period")))
    return screens
