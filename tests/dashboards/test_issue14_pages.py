"""The pages that show issue 14's data: the dashboard's countries and map, the pledge
page's dates, countries, history, evidence, feed and follow, and the organization page."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges import evidence
from tests.factories import (
    AgendaItemFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ObjectiveFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)
from tests.pledges.evidence_samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(public_dashboard):
    music = PledgeFactory(
        title_en="Music in Jordan",
        countries=["JO"],
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    PledgeFactory(title_en="Self-reliance", countries=["UG", "ZM", "JO"])
    PledgeFactory(title_en="Domestic", countries=["JP"])
    PledgeFactory(title_en="Nowhere yet")
    return music


def test_the_dashboard_maps_every_pledges_country_and_its_table_matches(client, pledges):
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "Where the pledges act" in html
    markers = dict(re.findall(r'<g class="map-marker"><title>([^<]+): (\d+)</title>', html))
    assert markers == {"Jordan": "2", "Uganda": "1", "Zambia": "1", "Japan": "1"}
    table = html[html.index('class="table rollup-table align-middle mb-0 country-table"') :]
    rows = re.findall(r'<th scope="row"><a href="/pledges/\?country=(\w\w)">([^<]+)</a></th>\s*'
                      r'<td class="text-end"><a href="[^"]+">(\d+)</a>', table)  # fmt: skip
    assert {name: count for _, name, count in rows} == markers
    assert "1 pledge records no country." in html


def test_the_pledge_list_filters_by_country_from_the_dashboard_links(client, pledges):
    html = client.get(reverse("dashboards:pledge_list") + "?country=JO").content.decode()
    assert "Music in Jordan" in html and "Self-reliance" in html
    assert "Domestic" not in html


def test_the_pledge_page_says_where_and_when(client, pledges):
    html = client.get(pledges.get_absolute_url()).content.decode()
    assert "Countries of implementation" in html
    assert '<a href="/pledges/?country=JO">Jordan</a>' in html
    assert "1 January 2024 to 31 December 2026" in html


def test_the_pledge_page_in_japanese_names_countries_in_japanese(client, pledges):
    html = client.get(pledges.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "ヨルダン" in html
    assert "実施国" in html


def test_the_pledge_page_timeline_and_charts_show_the_published_numbers(client, pledges):
    trainees = IndicatorFactory(pledge=pledges, name_en="Trainees", target=120)
    now = timezone.now()
    for days_ago, progress, value in [(200, 20, 30), (100, 60, 91)]:
        update = ProgressUpdateFactory(pledge=pledges, published=True, progress=progress)
        update.published_at = now - datetime.timedelta(days=days_ago)
        update.save()
        IndicatorValueFactory(update=update, indicator=trainees, value=value)
    ProgressUpdateFactory(pledge=pledges, progress=99)  # a draft: not on the page
    meeting = MeetingFactory(title_en="Second network meeting")
    AgendaItemFactory(meeting=meeting).pledges.add(pledges)

    html = client.get(pledges.get_absolute_url()).content.decode()
    history = html[html.index('id="history-heading"') : html.index('id="timeline-heading"')]
    assert re.findall(r'class="point-label"[^>]*>(\d+) %</text>', history) == ["20", "60"]
    assert re.findall(r'<td class="text-end">(\d+) %</td>', history) == ["20", "60"]
    assert "99" not in history
    assert re.findall(r'class="point-label"[^>]*>([\d,]+)</text>', history) == ["30", "91"]
    assert "Target 120" in history
    assert f'<a href="{meeting.get_absolute_url()}">Second network meeting</a>' in history


def test_the_pledge_page_lists_a_published_updates_evidence_but_not_a_drafts(client, pledges):
    published = ProgressUpdateFactory(pledge=pledges, published=True)
    draft = ProgressUpdateFactory(pledge=pledges)
    shown = evidence.attachments_change(
        update=published, add=[evidence.check_upload(upload("report.pdf"))]
    )[0]
    hidden = evidence.attachments_change(
        update=draft, add=[evidence.check_upload(upload("photo.png"))]
    )[0]
    html = client.get(pledges.get_absolute_url()).content.decode()
    assert f'href="{shown.get_absolute_url()}"' in html
    assert f'href="{hidden.get_absolute_url()}"' not in html


def test_the_pledge_and_organization_pages_link_their_feeds(client, pledges):
    html = client.get(pledges.get_absolute_url()).content.decode()
    feed = reverse("feeds:pledge", kwargs={"lang": "en", "pk": pledges.pk})
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    organization = pledges.lead_organization
    html = client.get(organization.get_absolute_url()).content.decode()
    feed = reverse("feeds:organization", kwargs={"lang": "en", "slug": organization.slug})
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html


def test_the_pledge_list_filtered_by_objective_links_its_feed(client, pledges):
    ObjectiveFactory(number=2)
    html = client.get(reverse("dashboards:pledge_list") + "?objective=2").content.decode()
    feed = reverse("feeds:objective", kwargs={"lang": "en", "number": 2})
    assert f'href="{feed}"' in html
