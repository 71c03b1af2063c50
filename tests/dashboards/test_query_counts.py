"""Every page here runs a fixed number of SQL queries whatever the amount of data: the same
ceiling holds at 10 and at 500 pledges (with organizations, updates and meetings growing
alongside)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import FocusArea, Objective, Pledge, ProgressUpdate

pytestmark = pytest.mark.django_db

STAGES = ["planning", "in_progress", "fulfilled", "none"]


def build_network(size: int) -> list[Pledge]:
    """``size`` made-up pledges with bulk_create, so that the large case stays fast."""
    now = timezone.now()
    objectives = [
        Objective.objects.create(number=n, title_en=f"Demo objective {n}") for n in (1, 2, 3, 4)
    ]
    areas = FocusArea.objects.bulk_create(
        FocusArea(slug=f"demo-area-{n}", name_en=f"Demo area {n}", order=n) for n in range(6)
    )
    kinds = [kind for kind, _label in Organization.Kind.choices]
    organizations = Organization.objects.bulk_create(
        Organization(
            slug=f"demo-org-{n}", name_en=f"Demo organization {n}", kind=kinds[n % len(kinds)]
        )
        for n in range(max(3, size // 10))
    )
    pledges = Pledge.objects.bulk_create(
        Pledge(
            title_en=f"Demo pledge {n}",
            title_ja=f"デモ・プレッジ{n}",
            lead_organization=organizations[n % len(organizations)],
            current_stage=STAGES[n % 4],
            current_progress=None if n % 4 == 3 else (n * 7) % 101,
            last_published_at=None if n % 4 == 3 else now - datetime.timedelta(days=n),
        )
        for n in range(size)
    )
    Pledge.objectives.through.objects.bulk_create(
        Pledge.objectives.through(pledge=p, objective=objectives[n % 4])
        for n, p in enumerate(pledges)
    )
    Pledge.focus_areas.through.objects.bulk_create(
        Pledge.focus_areas.through(pledge=p, focusarea=areas[n % len(areas)])
        for n, p in enumerate(pledges)
    )
    Pledge.co_organizations.through.objects.bulk_create(
        Pledge.co_organizations.through(
            pledge=p, organization=organizations[(n + 1) % len(organizations)]
        )
        for n, p in enumerate(pledges)
        if n % 3 == 0
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            pledge=p,
            organization=p.lead_organization,
            stage=p.current_stage,
            progress=p.current_progress,
            achievements=f"Demo update {n}",
            state="published",
            submitted_at=p.last_published_at,
            published_at=p.last_published_at,
        )
        for n, p in enumerate(pledges)
        if p.current_stage != "none"
    )
    Meeting.objects.bulk_create(
        Meeting(
            number=n + 1,
            title_en=f"Demo meeting {n + 1}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=180 * n),
            update_deadline=datetime.date(2024, 1, 1) + datetime.timedelta(days=180 * n - 14),
        )
        for n in range(max(2, size // 50))
    )
    return pledges


SIZES = pytest.mark.parametrize("size", [10, 500])


def _get(client, url, ceiling, django_assert_max_num_queries):
    with django_assert_max_num_queries(ceiling):
        response = client.get(url)
    assert response.status_code == 200
    return response


@SIZES
def test_dashboard(client, public_dashboard, django_assert_max_num_queries, size):
    build_network(size)
    # 24 + the pledges per country of implementation (the map and its table).
    _get(client, reverse("dashboards:home"), 25, django_assert_max_num_queries)


@SIZES
@pytest.mark.parametrize(
    "query",
    ["", "?objective=2&stage=in_progress&sort=-progress", "?stale=1&kind=ngo&q=demo&page=2"],
)
def test_pledge_list(client, public_dashboard, django_assert_max_num_queries, size, query):
    build_network(size)
    _get(client, reverse("dashboards:pledge_list") + query, 10, django_assert_max_num_queries)


@SIZES
def test_pledge_page(client, public_dashboard, django_assert_max_num_queries, size):
    pledges = build_network(size)
    # 10 + the updates' evidence files + the meetings it was on the agenda of.
    _get(client, pledges[0].get_absolute_url(), 12, django_assert_max_num_queries)


@SIZES
def test_organization_list(client, public_dashboard, django_assert_max_num_queries, size):
    build_network(size)
    _get(client, reverse("dashboards:organization_list"), 6, django_assert_max_num_queries)


@SIZES
def test_organization_page(client, public_dashboard, django_assert_max_num_queries, size):
    build_network(size)
    url = reverse("dashboards:organization_detail", kwargs={"slug": "demo-org-1"})
    _get(client, url, 8, django_assert_max_num_queries)
