import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import MembershipFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def test_not_found_page_speaks_the_readers_language(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "ページが見つかりません" in html
    assert 'href="/"' in html


def test_forbidden_page_explains_and_offers_a_way_back(client):
    viewer = MembershipFactory(role="viewer").user
    pledge = PledgeFactory(lead_organization=viewer.memberships.get().organization)
    client.force_login(viewer)
    response = client.get(reverse("pledges:update_create", kwargs={"pk": pledge.pk}))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do this with your account" in html
    assert reverse("dashboards:workspace") in html


def test_server_error_page_renders_without_a_request_context():
    # Django's handler renders 500.html with no context at all, as here.
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
