"""Every page the benchmark (bench/run) drives runs the same number of SQL queries at two
data sizes: made-up networks (``meetings.demo_data``) of 12 and of 150 pledges, with
organizations, updates, meetings and the review queue growing alongside."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.demo_data import DemoSize, build_demo_data

pytestmark = pytest.mark.django_db

SIZES = [
    DemoSize(organizations=5, pledges=12, updates_per_pledge=2, meetings=2),
    DemoSize(organizations=40, pledges=150, updates_per_pledge=5, meetings=6),
]

# page -> (URL from the demo data, who signs in, ceiling)
PAGES = {
    "healthz": (lambda d: "/healthz", None, 1),
    # The roll-ups, the pledges per country of implementation (the map), the data version.
    "dashboard": (lambda d: reverse("dashboards:home"), None, 26),
    # The list, its filters' choices, the data version its cached body is keyed on, and the
    # objective filtered by (its feed is linked from the page's head).
    "pledge list": (lambda d: reverse("dashboards:pledge_list"), None, 12),
    "pledge list, filtered": (
        lambda d: reverse("dashboards:pledge_list") + "?objective=2&stage=in_progress",
        None,
        12,
    ),
    "pledge list, searched": (
        lambda d: reverse("dashboards:pledge_list") + "?q=japanese+language",
        None,
        12,
    ),
    "pledge list, page 2 sorted": (
        lambda d: reverse("dashboards:pledge_list") + "?stale=1&kind=ngo&sort=-progress&page=2",
        None,
        12,
    ),
    # Ten for the pledge (its sources and linked pledges included), two for the session, one
    # for the updates' evidence files, one for the meetings it was on the agenda of; and the
    # page head's pledge and the data version its cached body is keyed on.
    "pledge page": (lambda d: d.pledge_with_most_updates.get_absolute_url(), None, 16),
    # The version of the published data, then the roll-up when it is not cached.
    "organizations": (lambda d: reverse("dashboards:organization_list"), None, 7),
    # The organization for the page's head, the data version, then the roll-up and pledges.
    "largest organization": (lambda d: d.largest_organization.get_absolute_url(), None, 11),
    "meetings": (lambda d: reverse("meetings:list"), None, 4),
    "latest meeting": (lambda d: d.latest_meeting.get_absolute_url(), None, 12),
    "meeting report": (
        lambda d: reverse("meetings:report", args=[d.latest_meeting.number]),
        None,
        16,
    ),
    "workspace": (lambda d: reverse("dashboards:workspace"), "editor", 16),
    "review queue": (lambda d: reverse("pledges:review"), "secretariat", 16),
}


def _queries(client, size, page) -> tuple[int, int]:
    """Queries of the first request after the data changed (nothing cached yet), and of
    the next one."""
    data = build_demo_data(size)
    url, user, _ceiling = PAGES[page]
    client.logout()
    if user:
        client.force_login(getattr(data, user))
    cache.clear()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(data))
        assert response.status_code == 200, url(data)
        counts.append(len(queries))
    return tuple(counts)


@pytest.mark.parametrize("page", PAGES)
def test_same_queries_at_two_sizes(client, public_dashboard, page):
    small, large = (_queries(client, size, page) for size in SIZES)

    assert small == large
    cold, warm = large
    assert cold <= PAGES[page][2], cold
    assert warm <= cold


@pytest.mark.parametrize(
    ("page", "queries"),
    [
        ("dashboard", 1),
        ("organizations", 1),
        ("meeting report", 2),
        ("pledge page", 2),
        ("pledge list", 1),
    ],
)
def test_roll_ups_come_from_the_cache(client, public_dashboard, page, queries):
    """Anonymous readers of the roll-up pages cost the version's query (and the meeting's)."""
    assert _queries(client, SIZES[0], page)[1] == queries
