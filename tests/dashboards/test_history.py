"""A pledge's timeline and indicator charts: their numbers are the published updates'."""

import datetime

import pytest
from django.utils import timezone

from dashboards.history import agenda_meetings, indicator_charts, progress_timeline
from dashboards.selectors import pledge_for_page
from meetings.calendar import current_period
from tests.factories import (
    AgendaItemFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def pledge():
    pledge = PledgeFactory(title_en="Music in Jordan")
    trainees = IndicatorFactory(pledge=pledge, name_en="Trainees", target=120, baseline=0)
    IndicatorFactory(pledge=pledge, name_en="Workshops", target=400)  # nothing reported
    for days_ago, stage, progress, value in [
        (300, "planning", 10, 30),
        (200, "in_progress", None, 60),
        (100, "in_progress", 55, 91),
    ]:
        update = ProgressUpdateFactory(
            pledge=pledge, published=True, stage=stage, progress=progress
        )
        update.published_at = NOW - datetime.timedelta(days=days_ago)
        update.save()
        IndicatorValueFactory(update=update, indicator=trainees, value=value)
    draft = ProgressUpdateFactory(pledge=pledge, stage="fulfilled", progress=100)
    IndicatorValueFactory(update=draft, indicator=trainees, value=999)
    return pledge_for_page(pledge.pk, current_period())


def test_the_timeline_follows_the_published_updates_oldest_first(pledge):
    chart = progress_timeline(pledge.published_updates)
    assert [(p.stage, p.value) for p in chart.points] == [
        ("planning", 10), ("in_progress", None), ("in_progress", 55),
    ]  # fmt: skip
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs)
    # Progress 55 % sits higher (a smaller y) than 10 %; no progress is not plotted.
    assert chart.points[2].y < chart.points[0].y and chart.points[1].y is None
    assert chart.path.count("L") == 1  # a line through the two stated progresses
    assert [s.stage for s in chart.segments] == ["planning", "in_progress", "in_progress"]
    assert all(s.width >= 0 for s in chart.segments)


def test_no_timeline_without_a_published_update():
    assert progress_timeline([]) is None


def test_each_indicator_chart_plots_its_published_values_against_its_target(pledge):
    (trainees, chart), (workshops, nothing) = indicator_charts(
        pledge.indicators.all(), pledge.published_updates
    )
    assert [p.value for p in chart.points] == [30, 60, 91]  # the draft's 999 is not there
    assert chart.target == 120 and chart.target_y < chart.points[-1].y
    assert chart.baseline == 0
    assert nothing is None and workshops.name == "Workshops"


def test_meetings_where_the_pledge_was_on_the_agenda(pledge):
    later = MeetingFactory(date=datetime.date(2025, 4, 30))
    earlier = MeetingFactory(date=datetime.date(2024, 9, 11))
    hidden = MeetingFactory(date=datetime.date(2026, 1, 1), is_published=False)
    for meeting in (later, earlier, hidden):
        AgendaItemFactory(meeting=meeting).pledges.add(pledge)
    AgendaItemFactory(meeting=earlier).pledges.add(pledge)  # twice in one meeting: once
    MeetingFactory(date=datetime.date(2025, 10, 1))  # not on its agenda
    assert list(agenda_meetings(pledge)) == [earlier, later]
    assert list(agenda_meetings(pledge, include_unpublished=True)) == [earlier, later, hidden]
