"""Every page and the reminders agree, for each pledge, on whether it was updated this
period, on a grid of dates.

Meetings: #1 on 1 March 2025 (deadline 15 February), #2 on 1 December 2025 (deadline 17
November; its period, 2 March to 1 December, is longer than six months), and a meeting on 1
June 2025 that the secretariat has only drafted (unpublished): it must change nothing.

Pledges, one per organization, each organization with an editor:
    A: published 10 January 2025 and 1 May 2026
    B: published 1 March 2025 (on meeting #1's day) and 15 January 2026
    C: published 1 April 2025 (early in the long period)
    D: never published; an update waits for review
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from meetings.services import reminders_send
from pledges.services import pledge_refresh_current_state
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
)

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
PUBLISHED = {
    "A": [datetime.date(2025, 1, 10), datetime.date(2026, 5, 1)],
    "B": [datetime.date(2025, 3, 1), datetime.date(2026, 1, 15)],
    "C": [datetime.date(2025, 4, 1)],
    "D": [],
}

# today -> (the pledges stale that day, the meeting whose period is under way)
GRID = {
    "before the first meeting": (datetime.date(2024, 12, 1), "ABCD", 1),
    "on a meeting day": (datetime.date(2025, 3, 1), "CD", 1),
    "the day after a meeting": (datetime.date(2025, 3, 2), "ABCD", 2),
    "on a drafted meeting's day": (datetime.date(2025, 6, 1), "ABD", 2),
    "a long period, over six months": (datetime.date(2025, 11, 1), "ABD", 2),
    "a deadline day": (datetime.date(2025, 11, 17), "ABD", 2),
    "after the last meeting": (datetime.date(2026, 1, 20), "ACD", None),
    "long after the last meeting": (datetime.date(2026, 9, 1), "BCD", None),
}


@pytest.fixture
def network():
    """The meetings, pledges and editors above; updates are added by ``as_of``."""
    MeetingFactory(number=1, date=datetime.date(2025, 3, 1))
    MeetingFactory(number=2, date=datetime.date(2025, 12, 1))
    MeetingFactory(number=9, date=datetime.date(2025, 6, 1), is_published=False)
    pledges, editors = {}, {}
    for name in PUBLISHED:
        organization = OrganizationFactory(slug=f"org-{name.lower()}", name_en=f"Org {name}")
        pledges[name] = PledgeFactory(
            title_en=f"Pledge {name}", lead_organization=organization, pledged_on=None
        )
        editors[name] = MembershipFactory(
            organization=organization, role="editor", user__email=f"{name}@example.org"
        ).user
    ProgressUpdateFactory(
        pledge=pledges["D"], organization=pledges["D"].lead_organization, submitted=True
    )
    return pledges, editors


def as_of(network, today):
    """Publish the updates dated on or before ``today`` and travel to noon that day."""
    pledges, _editors = network
    for name, days in PUBLISHED.items():
        for day in days:
            if day <= today:
                ProgressUpdateFactory(
                    pledge=pledges[name],
                    organization=pledges[name].lead_organization,
                    published=True,
                    published_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=TOKYO),
                )
        pledge_refresh_current_state(pledge=pledges[name])
    return time_machine.travel(datetime.datetime.combine(today, datetime.time(12), tzinfo=TOKYO))


def _names(pledges) -> set[str]:
    return {pledge.title_en.removeprefix("Pledge ") for pledge in pledges}


@pytest.mark.parametrize("case", GRID.values(), ids=GRID.keys())
def test_every_page_and_the_reminders_agree_on_each_pledge(
    case, network, client, public_dashboard, settings
):
    today, stale_names, meeting_number = case
    expected = set(stale_names)
    pledges, editors = network
    with as_of(network, today):
        # The pledge list's filters, and the dashboard's figures, which link to them.
        stale = client.get(reverse("dashboards:pledge_list") + "?stale=1").context["pledges"]
        updated = client.get(reverse("dashboards:pledge_list") + "?updated=1").context["pledges"]
        assert _names(stale) == expected
        assert _names(updated) == set(PUBLISHED) - expected
        totals = client.get(reverse("dashboards:home")).context["dashboard"].totals
        assert (totals.stale, totals.updated) == (len(expected), 4 - len(expected))

        for name, pledge in pledges.items():
            # The pledge page and the organization page.
            page = client.get(pledge.get_absolute_url())
            assert page.context["pledge"].is_stale == (name in expected), name
            organization = pledge.lead_organization
            rows = client.get(organization.get_absolute_url()).context["pledges"]
            assert [row.is_stale for row in rows] == [name in expected], name
            # The workspace of the organization's editor.
            client.force_login(editors[name])
            workspace = client.get(reverse("dashboards:workspace"))
            [item] = workspace.context["sections"][0].pledges
            assert item.is_due == (name in expected), name
            html = workspace.content.decode()
            assert not ("Update due" in html and "Awaiting review" in html)
            client.logout()

        # The meeting under way: who has not reported, on its page and in its report.
        if meeting_number is not None:
            client.force_login(SecretariatUserFactory())
            meeting_url = reverse("meetings:detail", kwargs={"number": meeting_number})
            not_reported = client.get(meeting_url).context["not_reported"]
            assert {o.slug for o in not_reported} == {f"org-{n.lower()}" for n in expected}
            report_url = reverse("meetings:report", kwargs={"number": meeting_number})
            report = client.get(report_url).context["report"]
            assert _names(report.network.without_update) == expected
            client.logout()

        # The reminders, on the days they go out.
        _meeting, stage, planned = reminders_send(today=today, dry_run=True)
        assert (stage is not None) == (today == datetime.date(2025, 11, 17))  # 3-day stage
        if stage is not None:
            assert {r.organization.slug for r in planned} == {f"org-{n.lower()}" for n in expected}
