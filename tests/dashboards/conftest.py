"""A small network whose roll-ups are worked out by hand in the tests.

Today is 1 June 2025. Meetings on 11 Sept. 2024, 30 Apr. 2025 and 20 Oct. 2025, so the
current period runs from 1 May 2025 to meeting 3, and a pledge is stale when its last
published update is before 1 May 2025 (or it has none).

| pledge | lead | co      | objectives | area | published updates                       |
|--------|------|---------|------------|------|-----------------------------------------|
| p1     | A    |         | 1          | edu  | in progress 40 %, 10 May 2025 (by A)    |
| p2     | A    | B       | 1, 2       | jobs | fulfilled 100 %, 1 Mar. 2025 (by A)     |
| p3     | B    | A, C    | 2          |      | planning, no %, 20 May 2025 (by B)      |
| p4     | C    |         | 3          |      | none                                    |
| p5     | C    |         | 2          |      | none (one returned, with a comment)     |

p3's newest update is a draft "in progress 80 %"; p4 has a submitted one.

A is an NGO, B faith-based, C private sector.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from organizations.models import Organization
from pledges.models import FocusArea, Objective, Pledge
from pledges.services import pledge_refresh_current_state
from tests.factories import (
    ContributionTypeFactory,
    FocusAreaFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ObjectiveFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

TODAY = datetime.date(2025, 6, 1)


def tokyo(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def publish(pledge, *, day, stage, progress, organization=None, **fields):
    update = ProgressUpdateFactory(
        pledge=pledge,
        organization=organization or pledge.lead_organization,
        author=None,
        published=True,
        published_at=tokyo(day),
        stage=stage,
        progress=progress,
        **fields,
    )
    pledge_refresh_current_state(pledge=pledge)
    return update


@dataclass
class Network:
    objectives: list[Objective]
    a: Organization
    b: Organization
    c: Organization
    education: FocusArea
    jobs: FocusArea
    p1: Pledge
    p2: Pledge
    p3: Pledge
    p4: Pledge
    p5: Pledge

    def refresh(self):
        for pledge in (self.p1, self.p2, self.p3, self.p4, self.p5):
            pledge.refresh_from_db()
        return self


@pytest.fixture
def network(db):
    for number, date in enumerate(
        [datetime.date(2024, 9, 11), datetime.date(2025, 4, 30), datetime.date(2025, 10, 20)],
        start=1,
    ):
        MeetingFactory(number=number, date=date)
    objectives = [
        ObjectiveFactory(number=n, title_en=f"Objective title {n}", title_ja=f"目標タイトル{n}")
        for n in (1, 2, 3, 4)
    ]
    a = OrganizationFactory(slug="demo-a", name_en="Demo A", kind="ngo")
    b = OrganizationFactory(slug="demo-b", name_en="Demo B", kind="faith_based")
    c = OrganizationFactory(slug="demo-c", name_en="Demo C", kind="private_sector")
    education = FocusAreaFactory(slug="education", name_en="Education")
    jobs = FocusAreaFactory(slug="jobs", name_en="Jobs and livelihoods")
    financial = ContributionTypeFactory(slug="financial", name_en="Financial")
    p1 = PledgeFactory(
        title_en="Demo scholarships",
        title_ja="デモ奨学金",
        description_en="University places for refugee students.",
        lead_organization=a,
        objectives=[objectives[0]],
        focus_areas=[education],
        forum="2019",
    )
    p2 = PledgeFactory(
        title_en="Demo jobs fund",
        title_ja="",
        description_ja="難民の雇用を支える基金。",
        lead_organization=a,
        co_organizations=[b],
        objectives=[objectives[0], objectives[1]],
        focus_areas=[jobs],
        contribution_types=[financial],
    )
    p3 = PledgeFactory(
        title_en="Demo language classes",
        lead_organization=b,
        co_organizations=[a, c],
        objectives=[objectives[1]],
    )
    p4 = PledgeFactory(title_en="Demo housing", lead_organization=c, objectives=[objectives[2]])
    p5 = PledgeFactory(title_en="Demo mentoring", lead_organization=c, objectives=[objectives[1]])

    publish(p1, day=datetime.date(2025, 5, 10), stage="in_progress", progress=40)
    indicator = IndicatorFactory(pledge=p2, name_en="Demo fund", unit="USD", target=6_000_000)
    IndicatorFactory(pledge=p2, name_en="Demo grants", unit="JPY", target=500_000_000)
    funded = publish(
        p2,
        day=datetime.date(2025, 3, 1),
        stage="fulfilled",
        progress=100,
        achievements="Demo: the fund was fully disbursed.",
        challenges="Demo: slow paperwork.",
        next_steps="Demo: report to donors.",
        refugee_participation="Demo: refugees sat on the selection board.",
    )
    IndicatorValueFactory(update=funded, indicator=indicator, value=4_000_000)
    pledge_refresh_current_state(pledge=p2)
    publish(p3, day=datetime.date(2025, 5, 20), stage="planning", progress=None)
    ProgressUpdateFactory(
        pledge=p3, author=None, stage="in_progress", progress=80, achievements="SECRET DRAFT TEXT"
    )
    ProgressUpdateFactory(
        pledge=p5,
        author=None,
        state="returned",
        submitted_at=timezone.now(),
        stage="in_progress",
        progress=10,
        achievements="SECRET RETURNED TEXT",
        review_comment="SECRET REVIEW COMMENT",
    )
    ProgressUpdateFactory(
        pledge=p4,
        author=None,
        submitted=True,
        stage="fulfilled",
        achievements="SECRET SUBMITTED TEXT",
    )
    return Network(objectives, a, b, c, education, jobs, p1, p2, p3, p4, p5).refresh()
