import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory, ObjectiveFactory, OrganizationFactory, PledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges(db):
    objectives = [ObjectiveFactory(number=n) for n in (1, 2, 3, 4)]
    objectives[1].title_en, objectives[1].title_ja = (
        "Enhance refugee self-reliance",
        "難民の自立促進",
    )
    objectives[1].save()
    welcome = OrganizationFactory(name_en="Welcome Japan", name_ja="", slug="welcome-japan")
    jbf = OrganizationFactory(name_en="Japan Buddhist Federation", name_ja="全日本仏教会")
    return [
        PledgeFactory(
            title_en="Refugees' inclusion in Japan's labour market",
            title_ja="",
            lead_organization=welcome,
            objectives=[objectives[1]],
        ),
        PledgeFactory(
            title_en="New initiatives for refugee support",
            title_ja="仏教界の新たな取り組み",
            lead_organization=jbf,
            objectives=[objectives[0], objectives[1]],
        ),
    ]


def test_home_requires_sign_in_unless_the_dashboard_is_public(client, pledges):
    response = client.get(reverse("dashboards:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_home_shows_objectives_and_organizations_in_english(client, pledges, public_dashboard):
    response = client.get(reverse("dashboards:home"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Enhance refugee self-reliance" in html
    assert "Japan Buddhist Federation" in html
    assert "Where Japan's Global Refugee Forum pledges stand" in html


def test_every_figure_links_to_the_pledges_it_counts(client, pledges, public_dashboard):
    html = client.get(reverse("dashboards:home")).content.decode()
    for href in [
        "/pledges/?stage=none",
        "/pledges/?stage=fulfilled",
        "/pledges/?stale=1",
        "/pledges/?updated=1",
        "/pledges/?objective=2&amp;stage=none",
        "/pledges/?objective=2&amp;stale=1",
        "/pledges/?organization=welcome-japan&amp;updated=1",
        "/pledges/?kind=ngo&amp;stage=planning",
    ]:
        assert f'href="{href}"' in html, href


def test_headline_shares_and_counts(client, pledges, public_dashboard):
    response = client.get(reverse("dashboards:home"))
    figures = {f["stage"]: f for f in response.context["stage_figures"]}
    assert figures["none"]["share_text"] == "100 %"
    assert figures["none"]["note"] == "2 pledges"
    assert response.context["dashboard"].organization_count == 2


def test_home_shows_the_next_meeting_and_its_deadline(client, pledges, public_dashboard):
    day = timezone.localdate() + datetime.timedelta(days=30)
    MeetingFactory(number=5, title_en="Demo fifth meeting", date=day)
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "Demo fifth meeting" in html
    assert "Updates due by" in html
    assert "(in 16 days)" in html
    assert reverse("meetings:detail", kwargs={"number": 5}) in html
    # The current period's bar counts the updates of the pledges updated this period.
    assert '<a class="period-count" href="/pledges/?updated=1">0<span' in html


def test_home_says_when_no_meeting_is_scheduled(client, pledges, public_dashboard):
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "No meeting is scheduled yet." in html


def test_home_in_japanese_falls_back_to_english_where_the_japanese_title_is_empty(
    client, pledges, public_dashboard
):
    response = client.get(reverse("dashboards:home"), HTTP_ACCEPT_LANGUAGE="ja")
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "難民の自立促進" in html
    assert "全日本仏教会" in html
    assert "Welcome Japan" in html
    assert "ダッシュボード" in html


def test_site_speaks_japanese_to_a_browser_without_preference(
    client, pledges, public_dashboard, settings
):
    settings.LANGUAGE_CODE = "ja"
    html = client.get(reverse("dashboards:home")).content.decode()
    assert '<html lang="ja">' in html


def test_language_switch_changes_the_language_of_the_next_page(client, pledges, public_dashboard):
    response = client.post(
        reverse("set_language"), {"language": "ja", "next": reverse("dashboards:home")}
    )
    assert response.status_code == 302
    html = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ja">' in html
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(response.url).content.decode()
    assert '<html lang="en">' in html


def test_charts_need_no_inline_style_or_script(client, pledges, public_dashboard):
    html = client.get(reverse("dashboards:home")).content.decode()
    assert "style=" not in html
    assert "<script>" not in html and "onclick" not in html
    assert "<svg" in html


def test_an_empty_network_shows_a_dashboard_with_zeros_not_an_error(client, db, public_dashboard):
    response = client.get(reverse("dashboards:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "No update has been published yet." in html
    assert "No pledges recorded yet." in html
    assert client.get(reverse("dashboards:pledge_list")).status_code == 200
    assert client.get(reverse("dashboards:organization_list")).status_code == 200
