"""The admin as the secretariat meets it: the add-meeting form, names it uses, times."""

import re

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_add_meeting_form_suggests_the_next_number_and_is_unpublished(client, secretariat):
    MeetingFactory(number=1)
    MeetingFactory(number=2)
    client.force_login(secretariat)
    html = client.get(reverse("admin:meetings_meeting_add")).content.decode()
    assert re.search(r'<input[^>]*name="number"[^>]*value="3"', html)
    [published] = re.findall(r'<input[^>]*name="is_published"[^>]*>', html)
    assert "checked" not in published


def test_add_meeting_form_suggests_number_1_for_the_first_meeting(client, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("admin:meetings_meeting_add")).content.decode()
    assert re.search(r'<input[^>]*name="number"[^>]*value="1"', html)


@pytest.mark.parametrize(
    ("language", "expected", "jargon"),
    [
        (
            "en",
            ["Sign-in security", "Recent failed sign-ins (lockouts)"],
            ["Axes", "Access attempts"],
        ),
        ("ja", ["サインインのセキュリティ", "最近のサインイン失敗（ロックアウト）"], ["Axes"]),
    ],
)
def test_admin_calls_axes_sign_in_security(client, secretariat, language, expected, jargon):
    client.force_login(secretariat)
    secretariat.is_superuser = True
    secretariat.save()
    html = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for text in expected:
        assert text in html
    for text in jargon:
        assert text not in html


def test_admin_says_once_that_times_are_japan_time(client, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("admin:meetings_meeting_add")).content.decode()
    assert "All dates and times are Japan time (JST)." in html
