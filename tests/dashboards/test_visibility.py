"""Who may read the network's pages, and what never appears on them."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(network):
    return [
        reverse("dashboards:home"),
        reverse("dashboards:pledge_list"),
        reverse("dashboards:pledge_list") + "?stage=none",
        network.p3.get_absolute_url(),
        network.p4.get_absolute_url(),
        network.p5.get_absolute_url(),
        reverse("dashboards:organization_list"),
        reverse("dashboards:organization_detail", kwargs={"slug": "demo-b"}),
        reverse("dashboards:organization_detail", kwargs={"slug": "demo-c"}),
    ]


def test_anonymous_is_sent_to_sign_in_when_the_dashboard_is_not_public(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login") + "?next="), url


def test_anonymous_reads_every_page_when_the_dashboard_is_public(client, urls, public_dashboard):
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["plain_user", "viewer", "editor", "outsider", "secretariat"])
def test_every_signed_in_person_reads_every_page(client, urls, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", [None, "secretariat"])
def test_drafts_submitted_and_returned_updates_and_review_comments_never_appear(
    client, urls, who, request, public_dashboard
):
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in urls:
        html = client.get(url).content.decode()
        for secret in (
            "SECRET DRAFT TEXT",
            "SECRET RETURNED TEXT",
            "SECRET REVIEW COMMENT",
            "SECRET SUBMITTED TEXT",
        ):
            assert secret not in html, (url, secret)


def test_a_draft_newer_than_the_published_update_does_not_change_the_stage_shown(
    client, network, public_dashboard
):
    response = client.get(network.p3.get_absolute_url())
    html = response.content.decode()
    assert "stage-planning" in html
    assert "80&nbsp;%" not in html
    assert len(response.context["pledge"].published_updates) == 1
