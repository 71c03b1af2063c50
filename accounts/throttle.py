"""Sign-in throttling: django-axes' per-account lock-out plus a ceiling per address.

Axes locks one account from one address after ``AXES_FAILURE_LIMIT`` wrong passwords.
Password spraying tries a few common passwords on many accounts from one address and
never reaches that limit on any one of them, so this handler also refuses an address
that has failed ``GRFNET_ADDRESS_FAILURE_LIMIT`` times in the cool-off window, whatever
the user names. The ceiling is higher than the per-account limit: an office behind one
proxy shares an address.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request) -> int:
    """Wrong passwords from the request's address in the cool-off window. One query."""
    attempts = AccessAttempt.objects.filter(
        ip_address=get_client_ip_address(request),
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_locked(request) -> bool:
    return address_failures(request) >= settings.GRFNET_ADDRESS_FAILURE_LIMIT


class AddressCeilingHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # Axes flags the request for its locked-out page only when the per-account limit
        # is reached; flag it too when the failure reaches the address's ceiling.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out and address_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
