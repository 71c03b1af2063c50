"""Pages cache what they build from published data; publishing an update shows on every page
that counts it on the next request, and a draft or a submitted update never shows."""

import re

import pytest
from django.urls import reverse

from meetings.demo_data import DemoSize, build_demo_data
from pledges import services
from pledges.models import ProgressUpdate, Stage

pytestmark = pytest.mark.django_db

MARK = "Zebra crossing workshop"


@pytest.fixture
def data():
    return build_demo_data(DemoSize(organizations=6, pledges=16, updates_per_pledge=2, meetings=3))


def _pages(data, pledge):
    return {
        "dashboard": reverse("dashboards:home"),
        "organizations": reverse("dashboards:organization_list"),
        "organization": pledge.lead_organization.get_absolute_url(),
        "pledge": pledge.get_absolute_url(),
        "report": reverse("meetings:report", args=[data.upcoming_meeting.number]),
    }


def _fulfilled(client) -> int:
    """The count under the dashboard's "Fulfilled" figure, as a reader sees it (the page's
    body comes from the cache once built, so it is read from the HTML)."""
    html = client.get(reverse("dashboards:home")).content.decode()
    tile = re.search(r'figure-fulfilled" href="[^"]*">(.*?)</a>', html, re.S).group(1)
    return int(re.search(r'figure-note">(\d+) pledges?<', tile).group(1))


def _read_all(client, pages) -> dict[str, str]:
    return {name: client.get(url).content.decode() for name, url in pages.items()}


def test_a_publication_shows_at_once_and_a_draft_never(client, public_dashboard, data):
    pledge = next(
        p
        for p in data.editor_organization.led_pledges.all()
        if p.current_stage != Stage.FULFILLED and not p.updates.exclude(state="published").exists()
    )
    pages = _pages(data, pledge)
    fulfilled_before = _fulfilled(client)
    _read_all(client, pages)  # everything cached

    update = services.update_create(
        pledge=pledge,
        organization=data.editor_organization,
        author=data.editor,
        content={"stage": Stage.FULFILLED, "progress": 100, "achievements": MARK,
                 "refugee_participation": MARK},
    )  # fmt: skip
    assert all(MARK not in html for html in _read_all(client, pages).values())
    services.update_submit(update=update)
    assert all(MARK not in html for html in _read_all(client, pages).values())
    assert _fulfilled(client) == fulfilled_before

    services.update_publish(update=update, reviewer=data.secretariat)

    seen = _read_all(client, pages)
    assert _fulfilled(client) == fulfilled_before + 1
    first_latest = re.search(r'update-item">.*?href="([^"]+)"', seen["dashboard"], re.S)
    assert first_latest.group(1) == update.get_absolute_url()  # first among the latest updates
    assert MARK in seen["pledge"]
    assert MARK in seen["report"]  # quoted in the period's report
    organization = pledge.lead_organization
    fulfilled = sum(
        1 for p in organization.led_pledges.all() if p.current_stage == Stage.FULFILLED
    ) + sum(1 for p in organization.co_pledges.all() if p.current_stage == Stage.FULFILLED)
    fulfilled_link = f"?organization={organization.slug}&amp;stage=fulfilled"
    for page in ("organization", "organizations"):
        html = client.get(pages[page]).content.decode()
        number = r'"><span class="stage-count-num">(\d+)<'
        count = re.search(re.escape(fulfilled_link) + number, html)
        assert int(count.group(1)) == fulfilled, page


def test_a_correction_shows_at_once(client, public_dashboard, data):
    update = ProgressUpdate.objects.published().order_by("-published_at").first()
    pledge_url = update.pledge.get_absolute_url()
    client.get(pledge_url)
    client.get(reverse("dashboards:home"))

    services.update_correct(update=update, version=update.version, content={"achievements": MARK})

    assert MARK in client.get(pledge_url).content.decode()
    latest = client.get(reverse("dashboards:home")).context["dashboard"].latest_updates
    assert latest[0].achievements == MARK


def test_a_renamed_organization_shows_at_once(client, public_dashboard, data):
    client.get(reverse("dashboards:organization_list"))
    organization = data.largest_organization
    organization.name_en = "Demo Renamed Association"
    organization.save()

    assert (
        "Demo Renamed Association"
        in client.get(reverse("dashboards:organization_list")).content.decode()
    )


def test_a_cached_body_is_shared_by_readers_but_not_with_the_secretariat(
    client, public_dashboard, secretariat
):
    schedule = "Schedule the next meeting"
    assert schedule not in client.get(reverse("dashboards:home")).content.decode()

    client.force_login(secretariat)
    assert schedule in client.get(reverse("dashboards:home")).content.decode()

    client.logout()
    assert schedule not in client.get(reverse("dashboards:home")).content.decode()


def test_each_filter_of_the_list_has_its_own_cached_body(client, public_dashboard, data):
    everything = client.get(reverse("dashboards:pledge_list")).content.decode()
    searched = client.get(reverse("dashboards:pledge_list") + "?q=zzzz").content.decode()

    assert "16 pledges match" in everything
    assert "0 pledges match" in searched
    assert "16 pledges match" in client.get(reverse("dashboards:pledge_list")).content.decode()


def test_a_signed_in_reader_never_gets_the_visitors_cached_pledge_page(
    client, public_dashboard, data, plain_user
):
    pledge = data.pledge_with_most_updates
    assert "Sign in to follow" in client.get(pledge.get_absolute_url()).content.decode()

    client.force_login(plain_user)
    html = client.get(pledge.get_absolute_url()).content.decode()

    assert "Sign in to follow" not in html
    assert "Follow this pledge" in html
