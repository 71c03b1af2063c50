"""The secretariat lands on an overview after signing in: the review queue's size, who has
not reported, the next deadline; not the focal points' "ask the secretariat" message."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    DEFAULT_PASSWORD,
    MeetingFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(organization):
    today = timezone.localdate()
    MeetingFactory(date=today - datetime.timedelta(days=60))
    meeting = MeetingFactory(
        date=today + datetime.timedelta(days=30),
        update_deadline=today + datetime.timedelta(days=16),
    )
    PledgeFactory(lead_organization=organization)  # nothing published this period
    ProgressUpdateFactory(submitted=True)
    return meeting


def test_secretariat_signs_in_and_lands_on_the_overview(client, secretariat, organization, period):
    response = client.post(
        reverse("login"),
        {"username": secretariat.username, "password": DEFAULT_PASSWORD},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("dashboards:workspace")
    assert "Secretariat overview" in html
    assert "1 update" in html and reverse("pledges:review") in html
    assert "Who has not reported" in html and organization.name in html
    assert period.update_deadline.strftime("%Y") in html
    assert "Ask the secretariat to add you" not in html


def test_focal_points_do_not_see_the_overview(client, editor, period):
    client.force_login(editor)
    html = client.get(reverse("dashboards:workspace")).content.decode()
    assert "Secretariat overview" not in html


def test_someone_without_an_organization_is_still_told_to_ask(client, plain_user):
    client.force_login(plain_user)
    html = client.get(reverse("dashboards:workspace")).content.decode()
    assert "Ask the secretariat to add you" in html
