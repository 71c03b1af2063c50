"""The password-reset mail leaves after the response, so the response's timing says
nothing about whether the address has an account."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware

from accounts.views import PasswordResetView
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post(rf, email):
    request = rf.post("/accounts/password_reset/", {"email": email})
    request._dont_enforce_csrf_checks = True
    SessionMiddleware(lambda r: None).process_request(request)
    return PasswordResetView.as_view()(request)


def test_the_reset_mail_is_sent_once_the_response_is_closed(rf, mailoutbox):
    UserFactory(email="focal@example.org")
    response = _post(rf, "focal@example.org")
    assert response.status_code == 302
    assert mailoutbox == []  # nothing sent while the response is being answered
    response.close()  # what the WSGI server does after sending it
    assert [m.to for m in mailoutbox] == [["focal@example.org"]]


def test_known_and_unknown_addresses_get_the_same_response(rf, mailoutbox):
    UserFactory(email="focal@example.org")
    known, unknown = _post(rf, "focal@example.org"), _post(rf, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content


def test_a_failing_mail_server_does_not_break_the_page(rf, mailoutbox, monkeypatch, caplog):
    UserFactory(email="focal@example.org")

    def down(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", down)
    response = _post(rf, "focal@example.org")
    response.close()
    assert response.status_code == 302
    assert "mail server down" in caplog.text  # logged, not shown
