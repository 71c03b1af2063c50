"""Accounts under /accounts/: sign in and out, passwords, invitations, throttling."""

import logging
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, SecretariatUserFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def _link(body):
    return re.search(r"https?://\S+/accounts/reset/\S+/", body).group(0)


def test_sign_in_and_out(client):
    user = UserFactory(username="focal")
    response = client.post(LOGIN, {"username": "focal", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)

    client.post(reverse("logout"))
    assert SESSION_KEY not in client.session


def test_a_wrong_password_is_refused_with_a_message(client):
    UserFactory(username="focal")
    response = client.post(LOGIN, {"username": "focal", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert 'value="focal"' in response.content.decode()


def test_the_sixth_wrong_password_is_refused_and_logged(client, caplog):
    UserFactory(username="focal")
    axes_logger = logging.getLogger("axes")
    axes_logger.addHandler(caplog.handler)  # the "axes" logger does not propagate
    try:
        for _ in range(5):
            assert client.post(LOGIN, {"username": "focal", "password": "wrong"}).status_code == 200
        response = client.post(LOGIN, {"username": "focal", "password": "wrong"})
    finally:
        axes_logger.removeHandler(caplog.handler)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in temporarily blocked" in html
    assert "blocked for 15 minutes" in html
    assert any("locking out" in r.getMessage().lower() for r in caplog.records)
    # Even the right password is refused until the cool-off ends.
    response = client.post(LOGIN, {"username": "focal", "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_a_lock_out_is_for_one_account_from_one_address(client):
    UserFactory(username="focal")
    UserFactory(username="colleague")
    for _ in range(6):
        client.post(LOGIN, {"username": "focal", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    blocked = client.post(LOGIN, {"username": "focal", "password": "x"}, REMOTE_ADDR="10.0.0.1")
    assert blocked.status_code == 429
    # A colleague behind the same address, and the same person elsewhere, can still sign in.
    other_account = {"username": "colleague", "password": DEFAULT_PASSWORD}
    assert client.post(LOGIN, other_account, REMOTE_ADDR="10.0.0.1").status_code == 302
    client.logout()
    elsewhere = {"username": "focal", "password": DEFAULT_PASSWORD}
    assert client.post(LOGIN, elsewhere, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_password_change_keeps_bad_input_beside_the_field(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("password_change")
    response = client.post(
        url,
        {"old_password": "nope", "new_password1": "x", "new_password2": "y"},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()

    response = client.post(
        url,
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")


def test_password_reset_emails_a_link_on_the_site_address(client, mailoutbox, settings):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    user = UserFactory(email="focal@example.org")

    response = client.post(reverse("password_reset"), {"email": "focal@example.org"})

    assert response.status_code == 302
    (mail,) = mailoutbox
    link = _link(mail.body)
    assert link.startswith("https://grfnet.example.org/accounts/reset/")
    path = link.removeprefix("https://grfnet.example.org")
    page = client.get(path, follow=True)
    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")


def test_password_reset_says_the_same_for_an_unknown_address(client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mailoutbox == []


def test_admin_invite_emails_a_set_password_link_in_the_person_s_language(
    client, mailoutbox, settings
):
    settings.GRFNET_SITE_URL = "https://grfnet.example.org"
    secretariat = SecretariatUserFactory()
    newcomer = User.objects.create_user(
        username="newcomer", email="new@example.org", preferred_language="en"
    )
    nomail = User.objects.create_user(username="nomail", email="")
    assert not newcomer.has_usable_password()
    client.force_login(secretariat)

    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "invite", "_selected_action": [newcomer.pk, nomail.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "Invitation sent to 1 person." in html
    assert "1 person was not invited" in html
    (mail,) = mailoutbox
    assert mail.to == ["new@example.org"]
    assert "Your user name is: newcomer" in mail.body
    link = _link(mail.body).removeprefix("https://grfnet.example.org")
    client.logout()
    page = client.get(link, follow=True)
    assert "Set your password" in page.content.decode()
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "my-own-long-passphrase", "new_password2": "my-own-long-passphrase"},
    )
    newcomer.refresh_from_db()
    assert newcomer.check_password("my-own-long-passphrase")
    # The link works once.
    assert "already been used" in client.get(link, follow=True).content.decode()


def test_account_pages_render(client):
    for name in ("login", "password_reset"):
        assert client.get(reverse(name)).status_code == 200
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("password_change")).status_code == 200


def test_secretariat_adds_a_person_without_a_password_then_invites_them(client, mailoutbox):
    client.force_login(SecretariatUserFactory())
    add_url = reverse("admin:accounts_user_add")
    assert client.get(add_url).status_code == 200

    response = client.post(
        add_url,
        {
            "username": "aiko",
            "email": "aiko@example.org",
            "first_name": "Aiko",
            "last_name": "Sato",
            "preferred_language": "ja",
            "usable_password": "false",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    aiko = User.objects.get(username="aiko")
    assert not aiko.has_usable_password()
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "invite", "_selected_action": [aiko.pk]},
    )
    (mail,) = mailoutbox
    assert "アカウント" in mail.subject
    assert "ユーザー名：aiko" in mail.body
