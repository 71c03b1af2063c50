"""Atom feeds of published updates: valid Atom, published only, in the feed's language,
for the network, a pledge, an organization and a GCR objective."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import (
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def network(public_dashboard):
    lead = OrganizationFactory(name_en="Demo Lead", name_ja="デモ主導団体", slug="lead")
    partner = OrganizationFactory(name_en="Demo Partner", name_ja="デモ協力団体", slug="partner")
    other = OrganizationFactory(name_en="Demo Other", slug="other")
    objective_2 = ObjectiveFactory(number=2, title_en="Self-reliance", title_ja="自立")
    jobs = PledgeFactory(
        title_en="Jobs for refugees",
        title_ja="難民の雇用",
        lead_organization=lead,
        co_organizations=[partner],
        objectives=[objective_2],
    )
    school = PledgeFactory(title_en="School places", lead_organization=other)
    published = ProgressUpdateFactory(
        pledge=jobs,
        published=True,
        stage="in_progress",
        achievements="Hired 30 people. <script>alert(1)</script>",
    )
    by_partner = ProgressUpdateFactory(
        pledge=jobs, organization=partner, published=True, achievements="Partner's report"
    )
    elsewhere = ProgressUpdateFactory(pledge=school, published=True, achievements="Opened")
    hidden = [
        ProgressUpdateFactory(pledge=jobs, state=state, achievements=f"Secret {state}")
        for state in ("draft", "submitted", "returned")
    ]
    return locals()


def _feed(client, name, lang="en", **kwargs):
    response = client.get(reverse(f"feeds:{name}", kwargs={"lang": lang, **kwargs}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def _assert_valid_atom(feed, lang):
    """What RFC 4287 requires of a feed and its entries."""
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == lang
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.find(f"{ATOM}id").text.startswith("http")
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http")
        assert entry.find(f"{ATOM}id").text.startswith("tag:")
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids))


def _summaries(feed):
    return [e.find(f"{ATOM}summary").text for e in feed.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_network_feed_is_valid_atom_with_published_updates_only(client, network, lang):
    feed = _feed(client, "network", lang)
    _assert_valid_atom(feed, lang)
    summaries = " ".join(_summaries(feed))
    assert "Hired 30 people" in summaries and "Opened" in summaries
    assert "Secret" not in summaries
    assert len(feed.findall(f"{ATOM}entry")) == 3


def test_the_feed_speaks_the_language_of_its_address(client, network):
    english = _feed(client, "pledge", "en", pk=network["jobs"].pk)
    japanese = _feed(client, "pledge", "ja", pk=network["jobs"].pk)
    assert english.find(f"{ATOM}title").text == "Progress updates: Jobs for refugees"
    assert japanese.find(f"{ATOM}title").text == "進捗報告：難民の雇用"
    titles = [e.find(f"{ATOM}title").text for e in japanese.findall(f"{ATOM}entry")]
    assert "デモ主導団体：難民の雇用（実施中）" in titles
    assert english.find(f"{ATOM}id").text != japanese.find(f"{ATOM}id").text


def test_text_from_updates_is_escaped_html(client, network):
    summary = " ".join(_summaries(_feed(client, "pledge", pk=network["jobs"].pk)))
    assert "&lt;script&gt;" in summary
    assert "<script>" not in summary


def test_the_pledge_feed_holds_its_pledges_updates(client, network):
    feed = _feed(client, "pledge", pk=network["jobs"].pk)
    _assert_valid_atom(feed, "en")
    assert len(feed.findall(f"{ATOM}entry")) == 2


def test_the_organization_feed_holds_updates_on_the_pledges_it_leads_or_co_pledges(client, network):
    for slug in ("lead", "partner"):
        feed = _feed(client, "organization", slug=slug)
        _assert_valid_atom(feed, "en")
        assert len(feed.findall(f"{ATOM}entry")) == 2
    assert len(_feed(client, "organization", slug="other").findall(f"{ATOM}entry")) == 1


def test_the_objective_feed_holds_updates_on_its_pledges(client, network):
    feed = _feed(client, "objective", number=2)
    _assert_valid_atom(feed, "en")
    assert len(feed.findall(f"{ATOM}entry")) == 2


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("network", {"lang": "fr"}),
        ("pledge", {"lang": "en", "pk": 999999}),
        ("organization", {"lang": "en", "slug": "nobody"}),
        ("objective", {"lang": "en", "number": 9}),
    ],
)
def test_unknown_feeds_are_404(client, network, name, kwargs):
    assert client.get(reverse(f"feeds:{name}", kwargs=kwargs)).status_code == 404


def test_feeds_follow_the_network_pages_rule(client, settings, network, plain_user):
    settings.GRFNET_PUBLIC_DASHBOARD = False
    url = reverse("feeds:network", kwargs={"lang": "en"})
    assert client.get(url).status_code == 302
    client.force_login(plain_user)
    assert client.get(url).status_code == 200


def test_every_page_links_the_network_feed_in_its_language(client, network):
    html = client.get(reverse("pages:about"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'href="{reverse("feeds:network", kwargs={"lang": "en"})}"'
    ) in html


@pytest.mark.parametrize("extra", [0, 40])
def test_a_feed_runs_a_fixed_number_of_queries(
    client, network, extra, django_assert_max_num_queries
):
    for _ in range(extra):
        ProgressUpdateFactory(pledge=network["jobs"], published=True)
    with django_assert_max_num_queries(6):
        _feed(client, "network")
    with django_assert_max_num_queries(6):
        _feed(client, "organization", slug="partner")
