"""The secretariat's "Send reminders now" on a meeting's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.access import is_secretariat

from . import services
from .models import Meeting


def _names(reminders) -> str:
    return "; ".join(
        f"{r.organization.name} ({', '.join(user.email for user in r.recipients)})"
        for r in reminders
    )


def _tell(request, outcome: services.OnDemandReminders) -> None:
    """Say whom the reminders reached, whom they could not, and who had one already."""
    if outcome.reached:
        messages.success(
            request,
            ngettext(
                "Reminder sent to %(count)d organization: %(names)s.",
                "Reminders sent to %(count)d organizations: %(names)s.",
                len(outcome.reached),
            )
            % {"count": len(outcome.reached), "names": _names(outcome.reached)},
        )
    partly = [r for r in outcome.reached if r.failed]
    lost = [
        _("%(organization)s: not delivered to %(emails)s")
        % {"organization": r.organization.name, "emails": ", ".join(u.email for u in r.failed)}
        for r in partly + [r for r in outcome.unreachable if r.failed]
    ] + [
        _("%(organization)s: no editor with an email address")
        % {"organization": r.organization.name}
        for r in outcome.unreachable
        if not r.failed
    ]
    if lost:
        messages.warning(request, _("Could not remind: %(list)s.") % {"list": "; ".join(lost)})
    if outcome.already:
        messages.info(
            request,
            _("Already reminded at this stage, not sent again: %(names)s.")
            % {"names": ", ".join(record.organization.name for record in outcome.already)},
        )
    if not (outcome.reached or lost or outcome.already):
        messages.info(request, _("Every organization has reported: nobody to remind."))


@login_required
@require_POST
def meeting_send_reminders(request, number):
    if not is_secretariat(request.user):
        raise PermissionDenied
    meeting = get_object_or_404(Meeting, number=number)
    try:
        _tell(request, services.reminders_send_now(meeting=meeting))
    except services.RemindersNotAllowed as error:
        messages.error(request, str(error))
    return redirect(meeting)
