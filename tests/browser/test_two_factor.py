"""A secretariat member turns on two-factor sign-in, then signs in with the app's code."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.factories import DEFAULT_PASSWORD, SecretariatUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "viewport": {"width": 1280, "height": 900}}


def _code(user, confirmed):
    device = TOTPDevice.objects.get(user=user, confirmed=confirmed)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_enrolment_and_sign_in_with_a_second_factor(page, live_server, settings, screenshot):
    settings.GRFNET_STAFF_TWO_FACTOR = True
    member = SecretariatUserFactory(username="kato")

    sign_in(page, live_server, "kato", DEFAULT_PASSWORD)
    page.goto(live_server.url + "/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/\?next="))
    expect(page.get_by_role("heading", name="2段階認証の設定")).to_be_visible()
    qr = page.get_by_role("img", name="認証アプリ用のQRコード")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0  # the data: URI passed the CSP
    screenshot(page, "two-factor-setup-ja")

    page.get_by_label("コード").fill(_code(member, confirmed=False))
    page.get_by_role("button", name="2段階認証を有効にする").click()
    expect(page.get_by_role("heading", name="リカバリーコード")).to_be_visible()
    expect(page.locator("main li.font-monospace, main ul.font-monospace li")).to_have_count(10)
    screenshot(page, "two-factor-codes-ja")
    page.get_by_role("link", name="続ける").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # A new session: the password, then the code.
    page.context.clear_cookies()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("button", name="English").click()
    sign_in(page, live_server, "kato", DEFAULT_PASSWORD)
    page.goto(live_server.url + "/review/")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    screenshot(page, "two-factor-verify-en")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("This code is not right, or it was already used.")).to_be_visible()
    # (The enrolment used this 30-second code already; a code is accepted once.)
    TOTPDevice.objects.filter(user=member).update(throttling_failure_count=0, last_t=-1)
    page.get_by_label("Code").fill(_code(member, confirmed=True))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/review/$"))
