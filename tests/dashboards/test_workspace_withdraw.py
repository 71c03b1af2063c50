"""A submitted update in the workspace: awaiting review, not "due", and withdrawable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory, PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:workspace")


@pytest.fixture
def submitted(organization):
    today = timezone.localdate()
    MeetingFactory(date=today - datetime.timedelta(days=60))
    MeetingFactory(date=today + datetime.timedelta(days=30))
    pledge = PledgeFactory(lead_organization=organization, title_en="Our own pledge")
    return ProgressUpdateFactory(pledge=pledge, organization=organization, submitted=True)


def test_a_submitted_update_is_awaiting_review_not_due(client, editor, submitted):
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert "Awaiting review" in html
    assert "Update due" not in html


def test_an_editor_can_withdraw_a_submitted_update_to_edit_it(client, editor, submitted):
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert "Withdraw to edit" in html
    assert reverse("pledges:update_withdraw", args=[submitted.pk]) in html
    assert f'name="version" value="{submitted.version}"' in html


def test_a_viewer_cannot_withdraw(client, viewer, submitted):
    client.force_login(viewer)
    html = client.get(URL).content.decode()
    assert "Awaiting review" in html
    assert "Withdraw to edit" not in html
