"""Each roll-up against figures worked out by hand from the network in conftest.py."""

import datetime

import pytest

from dashboards import rollups as rollup_selectors
from dashboards import selectors
from dashboards.rollups import Rollup
from meetings.calendar import current_period

from .conftest import TODAY, tokyo

pytestmark = pytest.mark.django_db


FIGURES = (
    "total",
    "fulfilled",
    "in_progress",
    "planning",
    "none",
    "with_progress",
    "mean_progress",
    "updated",
    "stale",
)


def figures(rollup: Rollup) -> dict:
    """What a reader sees of a roll-up."""
    return {name: getattr(rollup, name) for name in FIGURES}


def expected(**figures) -> dict:
    return {name: figures.get(name, None if name == "mean_progress" else 0) for name in FIGURES}


@pytest.fixture
def moment(network):
    return current_period(TODAY)


def test_the_current_period_is_the_one_closed_by_the_next_meeting(moment):
    assert moment.meeting.number == 3
    assert moment.start == tokyo(datetime.date(2025, 5, 1), 0)


def test_network_totals_count_the_latest_published_update_only(moment):
    # p3's newest update is a draft at "in progress 80 %": it must not count.
    assert figures(rollup_selectors.totals(moment)) == expected(
        total=5,
        fulfilled=1,
        in_progress=1,
        planning=1,
        none=2,
        with_progress=2,
        mean_progress=70.0,
        updated=2,
        stale=3,
    )


def test_shares_are_whole_percent_of_all_pledges(moment):
    totals = rollup_selectors.totals(moment)
    shares = {
        stage: totals.share(stage) for stage in ("fulfilled", "in_progress", "planning", "none")
    }
    assert shares == {"fulfilled": 20, "in_progress": 20, "planning": 20, "none": 40}


def test_rollup_by_objective(moment):
    rollups = {o.number: o.rollup for o in rollup_selectors.objectives_rollup(moment)}
    assert figures(rollups[1]) == expected(
        total=2, fulfilled=1, in_progress=1, with_progress=2, mean_progress=70.0, stale=1, updated=1
    )
    assert figures(rollups[2]) == expected(
        total=3,
        fulfilled=1,
        planning=1,
        none=1,
        with_progress=1,
        mean_progress=100.0,
        updated=1,
        stale=2,
    )
    assert figures(rollups[3]) == expected(total=1, none=1, stale=1)
    assert figures(rollups[4]) == expected()


def test_rollup_by_area_of_focus(moment, network):
    rollups = {a.slug: a.rollup for a in rollup_selectors.areas_rollup(moment)}
    assert figures(rollups["education"]) == expected(
        total=1, in_progress=1, with_progress=1, mean_progress=40.0, updated=1
    )
    assert figures(rollups["jobs"]) == expected(
        total=1, fulfilled=1, with_progress=1, mean_progress=100.0, stale=1
    )


def test_rollup_by_organization_counts_a_joint_pledge_once_for_each_organization(moment):
    organizations = {o.slug: o for o in rollup_selectors.organizations_rollup(moment)}
    # A leads p1 and p2 and co-pledges p3 (which has two co-pledgers: still once).
    assert figures(organizations["demo-a"].rollup) == expected(
        total=3,
        fulfilled=1,
        in_progress=1,
        planning=1,
        with_progress=2,
        mean_progress=70.0,
        updated=2,
        stale=1,
    )
    assert figures(organizations["demo-b"].rollup) == expected(
        total=2, fulfilled=1, planning=1, with_progress=1, mean_progress=100.0, updated=1, stale=1
    )
    assert figures(organizations["demo-c"].rollup) == expected(
        total=3, planning=1, none=2, updated=1, stale=2
    )


def test_an_organizations_last_report_is_its_latest_published_update(moment):
    organizations = {o.slug: o for o in rollup_selectors.organizations_rollup(moment)}
    assert organizations["demo-a"].last_report == tokyo(datetime.date(2025, 5, 10))
    assert organizations["demo-b"].last_report == tokyo(datetime.date(2025, 5, 20))
    # C's only updates are a returned one and a submitted one.
    assert organizations["demo-c"].last_report is None


def test_rollup_by_kind_of_organization(moment):
    kinds = {k.kind: k.rollup for k in rollup_selectors.kinds_rollup(moment)}
    assert set(kinds) == {"ngo", "faith_based", "private_sector"}
    assert kinds["ngo"].total == 3
    assert figures(kinds["faith_based"]) == expected(
        total=2, fulfilled=1, planning=1, with_progress=1, mean_progress=100.0, updated=1, stale=1
    )
    assert figures(kinds["private_sector"]) == expected(
        total=3, planning=1, none=2, updated=1, stale=2
    )


def test_a_joint_pledge_of_two_organizations_of_one_kind_counts_once_for_the_kind(moment, network):
    network.c.kind = "ngo"
    network.c.save()
    kinds = {k.kind: k.rollup for k in rollup_selectors.kinds_rollup(moment)}
    # A's three pledges and C's three share p3: five distinct pledges.
    assert kinds["ngo"].total == 5


def test_updates_per_period_count_published_updates_only(moment):
    bars = selectors.updates_per_period(moment, TODAY)
    assert [(bar.meeting.number, bar.count, bar.is_current) for bar in bars] == [
        (1, 0, False),
        (2, 1, False),
        (3, 2, True),
    ]
    assert bars[2].height == 100.0 and bars[1].height == 50.0


def test_latest_updates_are_published_ones_newest_first(moment, network):
    updates = selectors.latest_updates()
    assert [u.pledge for u in updates] == [network.p3, network.p1, network.p2]


def test_dashboard_brings_the_figures_together(network):
    dashboard = selectors.dashboard(TODAY)
    assert dashboard.totals.total == 5
    assert dashboard.organization_count == 3
    assert dashboard.updates_this_period == 2
    assert dashboard.next_meeting.number == 3
    assert [o.slug for o in dashboard.organizations] == ["demo-a", "demo-c", "demo-b"]
    assert [a.slug for a in dashboard.areas] == ["education", "jobs"]


def test_stacked_bar_segments_follow_the_stage_order_and_fill_the_bar(moment):
    segments = rollup_selectors.totals(moment).segments
    assert [s.stage for s in segments] == ["fulfilled", "in_progress", "planning", "none"]
    assert [s.count for s in segments] == [1, 1, 1, 2]
    assert segments[-1].offset + segments[-1].width == pytest.approx(100)


def test_an_empty_network_rolls_up_to_zeros(db):
    moment = current_period(TODAY)
    assert figures(rollup_selectors.totals(moment)) == expected()
    assert rollup_selectors.totals(moment).segments == []
    assert selectors.dashboard(TODAY).next_meeting is None
