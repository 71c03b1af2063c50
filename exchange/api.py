"""The read-only JSON API under /api/v1/ (django-ninja).

Pledges, published updates, organizations and published meetings, with stable ids,
ISO 8601 dates (UTC for moments), and every text field in both languages
(``{"ja": ..., "en": ...}``). Lists are paginated (``page``, ``page_size``) and the pledge
and update lists take the pledge list's filters. The API reads what the pages show, to
whom the pages show it: everyone when ``GRFNET_PUBLIC_DASHBOARD`` is on, signed-in users
otherwise (anonymous requests then get 401). Records are built by ``exchange.exporting``,
the same functions as the JSON export, and validated against the schemas below, which are
also the OpenAPI description at /api/v1/openapi.json. The documentation for people is the
site's page at /api/v1/ (``exchange.views.api_docs``); Swagger UI is not served, because its
markup fails the accessibility checks every page of the site passes.
"""

import datetime
from typing import Literal

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from accounts.access import can_read_network_pages
from dashboards.filters import PledgeFilter
from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import Pledge

from . import exporting

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def network_reader(request):
    """Who may read the API: whoever may read the network's pages."""
    return can_read_network_pages(request.user) or None


api = NinjaAPI(
    title="grfnet API",
    version="1",
    description=(
        "Read-only data of the Japan GRF Network: pledges, their published progress "
        "updates, organizations and meetings. Text fields come in both languages "
        "(`ja`, `en`); moments are ISO 8601 in UTC; ids are stable. Lists are paginated "
        "with `page` and `page_size`; `/pledges/` and `/updates/` take the filters of "
        "the pledge list (`objective`, `area`, `organization`, `kind`, `stage`, "
        "`contribution`, `forum`, `stale`, `updated`, `q`, `sort`)."
    ),
    urls_namespace="api-v1",
    auth=network_reader,
    docs_url=None,
)


# --- Schemas ------------------------------------------------------------------------------


class Text(Schema):
    ja: str
    en: str


class OrganizationRef(Schema):
    id: int
    slug: str
    name: Text


class ObjectiveOut(Schema):
    number: int = Field(ge=1, le=4)
    title: Text


class NamedOut(Schema):
    slug: str
    name: Text


class MultiStakeholderPledge(Schema):
    title: Text
    url: str


class IndicatorOut(Schema):
    id: int
    name: Text
    unit: str
    baseline: float | None
    target: float | None
    actual: float | None = Field(description="The latest published value.")
    actual_as_of: datetime.datetime | None


StageCode = Literal["planning", "in_progress", "fulfilled", "none"]


class PledgeRef(Schema):
    id: int
    grf_id: str
    title: Text


class SourceOut(Schema):
    title: Text
    url: str


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2, e.g. JO.")
    name: Text


class PledgeOut(Schema):
    id: int
    url: str
    grf_id: str = Field(description="UNHCR's pledge id; empty when unknown.")
    forum: Literal["2019", "2023", "2025"]
    title: Text
    description: Text
    lead_organization: OrganizationRef
    co_organizations: list[OrganizationRef]
    objectives: list[ObjectiveOut]
    focus_areas: list[NamedOut]
    contribution_types: list[NamedOut]
    multi_stakeholder_pledge: MultiStakeholderPledge
    linked_pledges: list[PledgeRef] = Field(
        description="Pledges this one is part of or contributes to (both ways)."
    )
    estimated_cost: float | None
    cost_currency: Literal["", "JPY", "USD"]
    uncertainty: Text = Field(description="What the sources leave uncertain.")
    pledged_on: datetime.date | None
    target_date: datetime.date | None = Field(
        deprecated=True, description="The older name of `end_date`, always the same date."
    )
    start_date: datetime.date | None
    end_date: datetime.date | None
    countries: list[CountryOut] = Field(description="Countries of implementation.")
    source: str
    source_url: str
    sources: list[SourceOut] = Field(description="Public pages the facts were read from.")
    stage: StageCode = Field(description="From the latest published update; none before it.")
    progress: int | None = Field(ge=0, le=100)
    last_published_at: datetime.datetime | None
    indicators: list[IndicatorOut]


class IndicatorValueOut(Schema):
    indicator_id: int
    name: Text
    unit: str
    value: float


class UpdateOut(Schema):
    id: int
    url: str
    pledge: PledgeRef
    organization: OrganizationRef
    stage: Literal["planning", "in_progress", "fulfilled"]
    progress: int | None = Field(ge=0, le=100)
    achievements: Text
    challenges: Text
    next_steps: Text
    refugee_participation: Text
    links: list[str]
    indicator_values: list[IndicatorValueOut]
    published_at: datetime.datetime


class OrganizationOut(Schema):
    id: int
    url: str
    slug: str
    name: Text
    short_name: Text
    kind: str
    website: str
    description: Text
    is_active: bool


class MeetingOut(Schema):
    id: int
    url: str
    kind: Literal["network", "event"] = Field(
        description="network: a numbered network meeting, closing a reporting period; "
        "event: another event (a symposium, the Forum), without a number."
    )
    number: int | None
    title: Text
    date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    venue: Text
    format: Literal["in_person", "online", "hybrid"]
    co_hosts: list[OrganizationRef]
    update_deadline: datetime.date
    summary: Text
    source_url: str


class PageMeta(Schema):
    count: int = Field(description="Records in all pages.")
    page: int
    pages: int
    page_size: int


class PledgePage(PageMeta):
    results: list[PledgeOut]


class UpdatePage(PageMeta):
    results: list[UpdateOut]


class OrganizationPage(PageMeta):
    results: list[OrganizationOut]


class MeetingPage(PageMeta):
    results: list[MeetingOut]


class Problem(Schema):
    detail: str


class ValidationProblem(Schema):
    detail: list[dict] = Field(description="Which query parameter is wrong, and why.")


class Paging(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class PledgeFilters(Schema):
    """The pledge list's filters (see /pledges/): the same names and values."""

    objective: int | None = Field(None, ge=1, le=4, description="GCR objective number.")
    area: str | None = Field(None, description="Area of focus (slug).")
    organization: str | None = Field(None, description="Lead or co-pledging organization (slug).")
    kind: Literal[tuple(Organization.Kind.values)] | None = Field(
        None, description="Kind of the lead or a co-pledging organization."
    )
    stage: StageCode | None = None
    contribution: str | None = Field(None, description="Type of contribution (slug).")
    forum: Literal["2019", "2023", "2025"] | None = None
    country: str | None = Field(
        None, description="Country of implementation (ISO 3166-1 alpha-2 code, e.g. JO)."
    )
    ends_by: int | None = Field(None, description="Pledges ending by the end of this year.")
    stale: Literal["1"] | None = Field(None, description="1: only stale pledges.")
    updated: Literal["1"] | None = Field(None, description="1: only pledges updated this period.")
    q: str | None = Field(None, description="Words in the title or description.")
    sort: (
        Literal["title", "organization", "-updated", "updated", "-progress", "progress"] | None
    ) = None


# --- Helpers ------------------------------------------------------------------------------


def _filtered_pledges(filters: PledgeFilters):
    data = {k: str(v) for k, v in filters.dict().items() if v is not None}
    filterset = PledgeFilter(data or None, queryset=Pledge.objects.all())
    if filterset.is_bound and not filterset.is_valid():
        problems = "; ".join(f"{name}: {' '.join(e)}" for name, e in filterset.errors.items())
        raise HttpError(400, problems)
    return filterset.qs


def _page(queryset, paging: Paging, to_record, attach=None) -> dict:
    """One page of ``queryset`` as records. Two queries (the count and the page) plus
    those of ``attach``, which adds related records to the page's objects."""
    paginator = Paginator(queryset, paging.page_size)
    try:
        page = paginator.page(paging.page)
    except EmptyPage:
        raise HttpError(404, f"There is no page {paging.page}.") from None
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "page_size": paging.page_size,
        "results": [to_record(obj) for obj in (attach or list)(list(page.object_list))],
    }


# --- Endpoints ----------------------------------------------------------------------------


@api.get(
    "/pledges/",
    response={200: PledgePage, 400: Problem, 401: Problem, 404: Problem, 422: ValidationProblem},
    summary="Pledges, filtered like the pledge list",
    tags=["pledges"],
)
def pledge_list(request, paging: Query[Paging], filters: Query[PledgeFilters]):
    pledges = _filtered_pledges(filters).select_related("lead_organization")
    if not filters.sort:
        pledges = pledges.order_by("pk")
    return _page(pledges, paging, exporting.pledge_record, attach=exporting.attach_pledge_relations)


@api.get(
    "/pledges/{pledge_id}/",
    response={200: PledgeOut, 401: Problem, 404: Problem, 422: ValidationProblem},
    summary="One pledge",
    tags=["pledges"],
)
def pledge_detail(request, pledge_id: int):
    found = exporting.pledges_for_export(Pledge.objects.filter(pk=pledge_id))
    if not found:
        raise Http404("No such pledge.")
    return exporting.pledge_record(found[0])


@api.get(
    "/updates/",
    response={200: UpdatePage, 400: Problem, 401: Problem, 404: Problem, 422: ValidationProblem},
    summary="Published progress updates of the pledges the filters select, oldest first",
    tags=["updates"],
)
def update_list(request, paging: Query[Paging], filters: Query[PledgeFilters]):
    pledges = _filtered_pledges(filters) if filters.dict(exclude_none=True) else None
    return _page(
        exporting.published_updates_queryset(pledges),
        paging,
        exporting.update_record,
        attach=exporting.attach_update_values,
    )


@api.get(
    "/organizations/",
    response={200: OrganizationPage, 401: Problem, 404: Problem, 422: ValidationProblem},
    summary="Active organizations",
    tags=["organizations"],
)
def organization_list(request, paging: Query[Paging]):
    return _page(
        Organization.objects.active().order_by("slug"), paging, exporting.organization_record
    )


@api.get(
    "/meetings/",
    response={200: MeetingPage, 401: Problem, 404: Problem, 422: ValidationProblem},
    summary="Published meetings and events, oldest first",
    tags=["meetings"],
)
def meeting_list(request, paging: Query[Paging]):
    meetings = Meeting.objects.published().prefetch_related("co_hosts").order_by("date")
    return _page(meetings, paging, exporting.meeting_record)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)
