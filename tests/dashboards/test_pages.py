"""The pledge list, the pledge page and the organization pages as a reader sees them."""

import datetime

import pytest
from django.urls import reverse

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(public_dashboard, network):
    return network


# --- The pledge list ------------------------------------------------------------------------


def test_list_shows_the_matching_pledges_and_their_number(client, public):
    response = client.get(reverse("dashboards:pledge_list"), {"organization": "demo-b"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 pledges match." in html
    assert "Demo jobs fund" in html and "Demo language classes" in html
    assert "Demo housing" not in html


def test_list_keeps_the_filters_in_the_form_and_shows_them_with_a_way_to_remove_each(
    client, public
):
    response = client.get(reverse("dashboards:pledge_list") + "?objective=2&stage=none")
    html = response.content.decode()
    assert '<option value="none" selected>' in html
    assert "Stage: <strong>No report yet</strong>" in html
    assert 'href="?objective=2"' in html  # removes the stage filter, keeps the objective


def test_list_ignores_malformed_values_with_a_notice_and_no_error(client, public):
    response = client.get(
        reverse("dashboards:pledge_list") + "?objective=9&stage=done&colour=red&page=x"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 pledges match." in html
    assert "“9” is not a value the “GCR objective” filter accepts, so it was ignored." in html
    assert "“done” is not a value the “Stage” filter accepts" in html
    assert "The unknown parameter “colour” was ignored." in html
    assert "There is no page “x”; this is the first page." in html


@pytest.mark.parametrize("page", ["0", "-1", "999", "1.5"])  # a NUL is a 400: tests/security
def test_list_survives_any_page_number(client, public, page):
    assert client.get(reverse("dashboards:pledge_list") + f"?page={page}").status_code == 200


def test_list_paginates_and_keeps_the_filters_in_page_links(client, public, monkeypatch):
    monkeypatch.setattr("dashboards.views.PLEDGES_PER_PAGE", 2)
    response = client.get(reverse("dashboards:pledge_list") + "?forum=2023")
    html = response.content.decode()
    assert response.context["page_obj"].paginator.num_pages == 2
    assert 'href="?forum=2023&amp;page=2"' in html
    second = client.get(reverse("dashboards:pledge_list") + "?forum=2023&page=2")
    assert len(second.context["pledges"]) == 2


def test_list_marks_stale_pledges_in_words(client, public):
    html = client.get(reverse("dashboards:pledge_list") + "?stage=none").content.decode()
    assert "Never updated" in html
    assert 'class="stale-flag"' in html


# --- The pledge page --------------------------------------------------------------------------


def test_pledge_page_shows_what_was_pledged_where_it_stands_and_its_source(client, public):
    public.p2.source_citation = "Demo source, 2023"
    public.p2.source_url = "https://example.org/demo"
    public.p2.save()
    html = client.get(public.p2.get_absolute_url()).content.decode()
    assert "Demo jobs fund" in html
    assert "Demo A" in html and "Demo B" in html
    assert "Objective title 1" in html and "Objective title 2" in html
    assert "Jobs and livelihoods" in html
    assert 'href="https://example.org/demo"' in html and "Demo source, 2023" in html
    assert "stage-fulfilled" in html and "100&nbsp;%" in html


def test_pledge_page_falls_back_to_the_other_language_and_offers_both(client, public):
    # p2 has no Japanese title but a Japanese description.
    html = client.get(public.p2.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    # English shown on a Japanese page says so, for screen readers' voices.
    assert '<h1 class="h2"><span lang="en">Demo jobs fund</span></h1>' in html
    assert "難民の雇用を支える基金。" in html
    html = client.get(public.p1.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "デモ奨学金" in html
    assert "Read in English" in html and "University places for refugee students." in html


def test_pledge_page_shows_indicators_with_their_units_and_never_adds_currencies(client, public):
    html = client.get(public.p2.get_absolute_url()).content.decode()
    assert "USD 6,000,000" in html and "USD 4,000,000" in html
    assert "JPY 500,000,000" in html
    assert "506,000,000" not in html and "504,000,000" not in html
    assert "67&nbsp;%" in html  # 4 of 6 million


def test_pledge_page_timeline_has_the_published_updates_newest_first(client, public):
    publish(
        public.p2,
        day=datetime.date(2025, 5, 2),
        stage="fulfilled",
        progress=100,
        achievements="Demo: a second report.",
    )
    html = client.get(public.p2.get_absolute_url()).content.decode()
    assert html.index("Demo: a second report.") < html.index("Demo: the fund was fully disbursed.")
    for text in [
        "What was done",
        "Challenges",
        "Demo: slow paperwork.",
        "Next steps",
        "Demo: report to donors.",
        "How refugees took part",
        "Demo: refugees sat on the selection board.",
    ]:
        assert text in html


def test_pledge_page_of_a_pledge_without_reports(client, public):
    html = client.get(public.p4.get_absolute_url()).content.decode()
    assert "No report yet" in html
    assert "No progress update has been published for this pledge yet." in html


def test_unknown_pledge_is_not_found(client, public):
    assert client.get(reverse("dashboards:pledge_detail", kwargs={"pk": 99999})).status_code == 404


# --- Organization pages ---------------------------------------------------------------------


def test_organization_list_shows_kind_stages_and_last_report(client, public):
    html = client.get(reverse("dashboards:organization_list")).content.decode()
    assert "Demo A" in html and "NGO / civil society" in html
    assert "Faith-based organization" in html
    assert "No report of its own published yet" in html  # Demo C
    assert 'href="/pledges/?organization=demo-c&amp;stage=none"' in html


def test_organization_page_lists_led_and_co_pledged_pledges_once_each(client, public):
    response = client.get(reverse("dashboards:organization_detail", kwargs={"slug": "demo-a"}))
    html = response.content.decode()
    assert [p.title_en for p in response.context["pledges"]] == [
        "Demo language classes",
        "Demo scholarships",
        "Demo jobs fund",
    ]
    assert "Co-pledge led by Demo B" in html
    assert response.context["organization"].rollup.total == 3


def test_inactive_or_unknown_organization_is_not_found(client, public):
    public.c.is_active = False
    public.c.save()
    assert (
        client.get(reverse("dashboards:organization_detail", kwargs={"slug": "demo-c"})).status_code
        == 404
    )
    assert (
        client.get(reverse("dashboards:organization_detail", kwargs={"slug": "nobody"})).status_code
        == 404
    )


def test_pages_carry_no_inline_style_or_script_for_the_strict_csp(client, public):
    for url in [
        reverse("dashboards:pledge_list") + "?objective=2",
        public.p2.get_absolute_url(),
        reverse("dashboards:organization_list"),
        reverse("dashboards:organization_detail", kwargs={"slug": "demo-a"}),
    ]:
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert "<script>" not in html and " onclick=" not in html, url
