"""Two-factor sign-in for staff with django-otp: an authenticator app (TOTP) and one-time
recovery codes.

Staff can publish what the network sees and manage accounts, so with
``GRFNET_STAFF_TWO_FACTOR`` on (the default in production) a staff session is not
trusted with the admin or the secretariat's pages until it has been verified with a
second factor in this session. ``is_secretariat`` answers False for such a session, so
the review queue, publishing, returning and the admin's actions are refused whatever the
path; ``StaffTwoFactorMiddleware`` sends the person to enrol or to enter a code instead of
showing a refusal.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import needs_second_factor

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"

# Where a staff session without a second factor is stopped: the admin and the pages of
# the secretariat (the review queue and its actions are refused by is_secretariat too).
GUARDED_PREFIXES = ("/admin/", "/review/")
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/")


def _guarded(path: str) -> bool:
    return path.startswith(GUARDED_PREFIXES) and not path.startswith(OPEN_ADMIN_PATHS)


class StaffTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a staff session without a second factor that
    asks for the admin or /review/ goes to enrol (no device yet) or to enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _guarded(request.path) and needs_second_factor(request.user):
            target = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)


def totp_device_for_setup(*, user) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created on first use: the secret
    stays the same while they scan it, however often the page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def two_factor_confirm(*, device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's authenticator (replacing any earlier one) and issue new
    recovery codes, returned once to be shown. Earlier codes stop working."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
    return codes


@transaction.atomic
def two_factor_reset(*, user) -> bool:
    """Remove the user's authenticator and recovery codes (a lost phone): they enrol again
    at their next sign-in. Returns whether there was anything to remove."""
    removed_app, _ = TOTPDevice.objects.filter(user=user).delete()
    removed_codes, _ = StaticDevice.objects.filter(user=user).delete()
    return bool(removed_app or removed_codes)
