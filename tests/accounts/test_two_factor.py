"""Two-factor sign-in for staff: required where GRFNET_STAFF_TWO_FACTOR is on (production),
optional in development."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from pledges.models import ProgressUpdate
from tests.factories import (
    DEFAULT_PASSWORD,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SETUP = reverse("two_factor_setup")
VERIFY = reverse("two_factor_verify")


@pytest.fixture
def required(settings):
    settings.GRFNET_STAFF_TWO_FACTOR = True


def _sign_in(client, user):
    response = client.post(
        reverse("login"), {"username": user.username, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    codes = two_factor.recovery_codes_renew(user=user)
    return device, codes


def test_without_a_second_factor_staff_are_sent_to_enrol(client, required, secretariat):
    _sign_in(client, secretariat)
    for path in ("/admin/", "/admin/pledges/pledge/", "/review/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP)


def test_without_a_second_factor_the_secretariat_cannot_publish(client, required, secretariat):
    update = ProgressUpdateFactory(submitted=True)
    _sign_in(client, secretariat)
    client.post(reverse("pledges:update_publish", args=[update.pk]))
    assert ProgressUpdate.objects.get(pk=update.pk).state == "submitted"


def test_enrolment_then_the_admin_opens(client, required, secretariat):
    _sign_in(client, secretariat)
    page = client.get(SETUP + "?next=/review/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, allowed by the CSP's img-src
    device = TOTPDevice.objects.get(user=secretariat, confirmed=False)

    wrong = client.post(SETUP, {"token": "000000", "next": "/review/"})
    assert "This code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # guessing is slowed down
    device.throttle_reset()

    done = client.post(SETUP, {"token": _code(device), "next": "/review/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert all(code in done.content.decode() for code in codes)
    assert 'href="/review/"' in done.content.decode()
    assert client.get("/admin/").status_code == 200
    assert client.get("/review/").status_code == 200


def test_a_new_session_asks_for_the_code(client, required, secretariat):
    device, _ = _enrolled(secretariat)
    _sign_in(client, secretariat)
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY)
    assert client.get(SETUP).status_code == 302  # cannot replace the app without it
    refused = client.post(VERIFY, {"token": "123456"})
    assert "This code is not right" in refused.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(VERIFY, {"token": _code(device), "next": "/review/"})
    assert response["Location"] == "/review/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, required, secretariat):
    _enrolled(secretariat)
    code = StaticDevice.objects.get(user=secretariat).token_set.first().token
    _sign_in(client, secretariat)
    assert client.post(VERIFY, {"token": code})["Location"] == reverse("admin:index")
    client.logout()
    _sign_in(client, secretariat)
    assert client.post(VERIFY, {"token": code}).status_code == 200  # refused: used
    assert client.get("/admin/").status_code == 302


def test_the_next_address_must_be_on_this_site(client, required, secretariat):
    device, _ = _enrolled(secretariat)
    _sign_in(client, secretariat)
    response = client.post(VERIFY, {"token": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("admin:index")


def test_the_secretariat_resets_a_colleagues_second_factor(client, secretariat, settings):
    colleague = SecretariatUserFactory()
    _enrolled(colleague)
    client.force_login(secretariat)
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_two_factor", ACTION_CHECKBOX_NAME: [colleague.pk]},
    )
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()


def test_in_development_two_factor_is_optional(client, settings, secretariat):
    settings.GRFNET_STAFF_TWO_FACTOR = False
    _sign_in(client, secretariat)
    assert client.get("/admin/").status_code == 200
    assert client.get("/review/").status_code == 200
    assert client.get(SETUP).status_code == 200  # but can be set up


def test_people_who_are_not_staff_are_not_asked(client, required):
    member = UserFactory()
    _sign_in(client, member)
    assert client.get("/my/").status_code == 200
    assert client.get(SETUP).status_code == 403


def test_two_factor_cannot_be_turned_off_in_production():
    from tests.grfnet.test_settings import PRODUCTION_ENV, _manage

    result = _manage("check", **PRODUCTION_ENV, GRFNET_STAFF_TWO_FACTOR="False")
    assert result.returncode != 0
    assert "GRFNET_STAFF_TWO_FACTOR cannot be turned off in production" in result.stderr
