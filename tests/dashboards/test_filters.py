"""The pledge list's filters, one by one, together, and with values they do not accept."""

import pytest
from django.http import QueryDict

from dashboards.filters import PledgeFilter
from meetings.calendar import current_period
from pledges.models import Pledge

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _titles(query: str) -> set[str]:
    filterset = PledgeFilter(
        QueryDict(query), queryset=Pledge.objects.all(), period=current_period(TODAY)
    )
    return {pledge.title_en for pledge in filterset.qs}


ALL = {"Demo scholarships", "Demo jobs fund", "Demo language classes", "Demo housing",
       "Demo mentoring"}  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("objective=1", {"Demo scholarships", "Demo jobs fund"}),
        ("objective=2", {"Demo jobs fund", "Demo language classes", "Demo mentoring"}),
        ("objective=4", set()),
        ("area=education", {"Demo scholarships"}),
        # Lead or co-pledging organization.
        ("organization=demo-a", {"Demo scholarships", "Demo jobs fund", "Demo language classes"}),
        ("organization=demo-b", {"Demo jobs fund", "Demo language classes"}),
        ("kind=private_sector", {"Demo language classes", "Demo housing", "Demo mentoring"}),
        ("kind=government", set()),
        ("stage=fulfilled", {"Demo jobs fund"}),
        ("stage=planning", {"Demo language classes"}),
        ("stage=in_progress", {"Demo scholarships"}),
        ("stage=none", {"Demo housing", "Demo mentoring"}),
        ("contribution=financial", {"Demo jobs fund"}),
        ("forum=2019", {"Demo scholarships"}),
        ("forum=2023", ALL - {"Demo scholarships"}),
        ("stale=1", {"Demo jobs fund", "Demo housing", "Demo mentoring"}),
        ("updated=1", {"Demo scholarships", "Demo language classes"}),
    ],
)
def test_each_filter(network, query, expected):
    assert _titles(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("objective=2&stage=none", {"Demo mentoring"}),
        ("organization=demo-a&stale=1", {"Demo jobs fund"}),
        ("kind=ngo&objective=2&updated=1", {"Demo language classes"}),
        ("area=jobs&contribution=financial&stage=fulfilled", {"Demo jobs fund"}),
        ("organization=demo-c&objective=1", set()),
    ],
)
def test_filters_combine(network, query, expected):
    assert _titles(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=scholarships", {"Demo scholarships"}),
        ("q=SCHOLAR", {"Demo scholarships"}),  # case does not matter
        ("q=奨学金", {"Demo scholarships"}),  # Japanese title
        ("q=refugee+students", {"Demo scholarships"}),  # English description, every word
        ("q=雇用", {"Demo jobs fund"}),  # Japanese description
        ("q=nothing-like-this", set()),
    ],
)
def test_search_covers_titles_and_descriptions_in_both_languages(network, query, expected):
    assert _titles(query) == expected


def _order(query: str) -> list[str]:
    filterset = PledgeFilter(
        QueryDict(query), queryset=Pledge.objects.all(), period=current_period(TODAY)
    )
    return [pledge.title_en for pledge in filterset.qs]


def test_sort_by_progress_puts_pledges_without_progress_last(network):
    order = _order("sort=-progress")
    assert order[:2] == ["Demo jobs fund", "Demo scholarships"]
    assert _order("sort=progress")[:2] == ["Demo scholarships", "Demo jobs fund"]


def test_sort_by_latest_update_puts_never_updated_pledges_last(network):
    assert _order("sort=-updated")[:3] == [
        "Demo language classes",
        "Demo scholarships",
        "Demo jobs fund",
    ]
    assert _order("sort=updated")[-1] == "Demo language classes"


def test_sort_by_title(network):
    assert _order("sort=title") == sorted(ALL)


@pytest.mark.parametrize(
    "query",
    [
        "objective=7",
        "objective=abc",
        "area=no-such-area",
        "organization=nobody",
        "kind=martian",
        "stage=done",
        "contribution=gold",
        "forum=1999",
        "stale=maybe",
        "updated=yes",
        "sort=price",
    ],
)
def test_a_value_a_filter_does_not_accept_is_ignored(network, query):
    filterset = PledgeFilter(
        QueryDict(query), queryset=Pledge.objects.all(), period=current_period(TODAY)
    )
    assert list(filterset.errors) == [query.split("=")[0]]
    assert {p.title_en for p in filterset.qs} == ALL


def test_a_bad_value_does_not_undo_the_good_ones(network):
    assert _titles("objective=7&stage=none") == {"Demo housing", "Demo mentoring"}
