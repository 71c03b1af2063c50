"""Pledges per country and the world map: every pledge's country is drawn, and the map's
numbers are the table's."""

import pytest

from dashboards.geography import countries_breakdown, world_map
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges():
    PledgeFactory(countries=["JO"], current_stage="in_progress")
    PledgeFactory(countries=["UG", "ZM", "JO"], current_stage="fulfilled")
    PledgeFactory(countries=["JP"])
    PledgeFactory(countries=["JP"], current_stage="planning")
    PledgeFactory(countries=["SG"])  # too small for the 1:110m outlines: a marker only
    PledgeFactory()  # no country recorded


def test_the_breakdown_counts_each_pledge_once_per_country(pledges):
    rows = {row.code: row for row in countries_breakdown()[0]}
    assert {code: row.total for code, row in rows.items()} == {
        "JO": 2, "JP": 2, "UG": 1, "ZM": 1, "SG": 1,
    }  # fmt: skip
    assert rows["JO"].stages == {"in_progress": 1, "fulfilled": 1}
    assert rows["JP"].stages == {"none": 1, "planning": 1}


def test_the_breakdown_lists_most_pledges_first_then_by_name(pledges):
    assert [row.code for row in countries_breakdown()[0]] == ["JP", "JO", "SG", "UG", "ZM"]
    assert countries_breakdown()[1] == 1  # the pledge with no country


def test_every_pledges_country_is_drawn_and_the_markers_match_the_table(pledges):
    rows, _ = countries_breakdown()
    drawn = world_map(rows)
    assert {m.code: m.count for m in drawn.markers} == {row.code: row.total for row in rows}
    assert drawn.missing == []
    shaded = {shape.code for shape in drawn.shapes if shape.level}
    assert shaded == {"JO", "JP", "UG", "ZM"}  # Singapore has its marker only
    assert len(drawn.shapes) > 150  # the whole world is drawn, not only the pledges' countries


def test_the_breakdown_runs_one_query(pledges, django_assert_num_queries):
    with django_assert_num_queries(1):
        countries_breakdown()
