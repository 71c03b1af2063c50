"""Reads of progress updates that cross models: the focal point's workspace and the
secretariat's review queue. Each function states its query cost.

(Kept apart from ``selectors.py``, which serves the dashboards.)
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.text import capfirst

from accounts.languages import LANGUAGE_NAMES
from organizations.models import Membership

from .models import IndicatorValue, Pledge, ProgressUpdate, Stage
from .services import EDITABLE_FIELDS

OPEN_STATES = (
    ProgressUpdate.State.DRAFT,
    ProgressUpdate.State.RETURNED,
    ProgressUpdate.State.SUBMITTED,
)


def _with_indicator_values(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "indicator_values",
            queryset=IndicatorValue.objects.select_related("indicator").order_by(
                "indicator__order", "indicator__id"
            ),
        )
    )


def latest_published_update(pledge, organization=None):
    """The pledge's latest published update (by ``organization`` when it has one, else
    by anyone), with its indicator values; None when nothing is published. Two to four
    queries."""
    published = _with_indicator_values(
        ProgressUpdate.objects.published().filter(pledge=pledge).order_by("-published_at", "-pk")
    )
    if organization is not None:
        own = published.filter(organization=organization).first()
        if own is not None:
            return own
    return published.first()


@dataclass
class WorkspacePledge:
    pledge: Pledge
    is_lead: bool
    is_due: bool
    open_update: ProgressUpdate | None


@dataclass
class WorkspaceSection:
    organization: object
    role: str
    pledges: list[WorkspacePledge] = field(default_factory=list)
    open_updates: list[ProgressUpdate] = field(default_factory=list)

    @property
    def can_edit(self) -> bool:
        return self.role == Membership.Role.EDITOR

    @property
    def due_count(self) -> int:
        return sum(1 for p in self.pledges if p.is_due)


def workspace_sections(user, *, due_before) -> list[WorkspaceSection]:
    """For each organization ``user`` belongs to: its pledges (led or co-pledged), whether
    each is due an update (nothing published since ``due_before``), and its open updates
    (drafts, returned, awaiting review), newest first. Four queries whatever the numbers."""
    pledges = Pledge.objects.select_related("lead_organization").order_by("id")
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .prefetch_related(
            Prefetch("organization__led_pledges", queryset=pledges, to_attr="led_list"),
            Prefetch("organization__co_pledges", queryset=pledges, to_attr="co_list"),
        )
        .order_by("organization__name")
    )
    open_updates = list(
        ProgressUpdate.objects.filter(
            organization__in=[m.organization_id for m in memberships], state__in=OPEN_STATES
        )
        .select_related("pledge", "author", "reviewer")
        .order_by("-updated_at", "-pk")
    )
    sections = []
    for membership in memberships:
        organization = membership.organization
        own_updates = [u for u in open_updates if u.organization_id == organization.pk]
        open_by_pledge = {}
        for update in reversed(own_updates):  # the newest wins
            open_by_pledge[update.pledge_id] = update
        section = WorkspaceSection(organization=organization, role=membership.role)
        section.open_updates = own_updates
        for pledge, is_lead in [(p, True) for p in organization.led_list] + [
            (p, False) for p in organization.co_list
        ]:
            section.pledges.append(
                WorkspacePledge(
                    pledge=pledge,
                    is_lead=is_lead,
                    is_due=pledge.last_published_at is None
                    or pledge.last_published_at < due_before,
                    open_update=open_by_pledge.get(pledge.pk),
                )
            )
        sections.append(section)
    return sections


@dataclass
class Change:
    label: str
    before: str
    after: str


def _display(update: ProgressUpdate, name: str) -> str:
    if name == "stage":
        return str(Stage(update.stage).label) if update.stage else ""
    if name == "progress":
        return "" if update.progress is None else f"{update.progress} %"
    return getattr(update, name) or ""


def _field_label(name: str) -> str:
    """ "What was done (Japanese)" for achievements_ja."""
    base, _sep, language = name.rpartition("_")
    if language in LANGUAGE_NAMES and base:
        label = ProgressUpdate._meta.get_field(base).verbose_name
        return f"{capfirst(label)} ({LANGUAGE_NAMES[language]})"
    return capfirst(ProgressUpdate._meta.get_field(name).verbose_name)


def _figure(value) -> str:
    """1200.00 -> "1,200"; 12.50 -> "12.5"."""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".")


def update_changes(update: ProgressUpdate, previous: ProgressUpdate | None) -> list[Change]:
    """What ``update`` changes from ``previous`` (the pledge's last published update): the
    content fields and indicator values whose displayed value differs. Everything the
    update says when there is no previous one. No queries when indicator values are
    prefetched."""
    changes = []
    for name in EDITABLE_FIELDS:
        after = _display(update, name)
        before = _display(previous, name) if previous is not None else ""
        if after != before:
            changes.append(Change(label=_field_label(name), before=before, after=after))
    new_values = {v.indicator_id: v for v in update.indicator_values.all()}
    old_values = {v.indicator_id: v for v in previous.indicator_values.all()} if previous else {}
    for indicator_id in sorted(set(new_values) | set(old_values)):
        new, old = new_values.get(indicator_id), old_values.get(indicator_id)
        if new and old and new.value == old.value:
            continue
        indicator = (new or old).indicator
        changes.append(
            Change(
                label=f"{indicator.name} ({indicator.get_unit_display()})",
                before=_figure(old.value) if old else "",
                after=_figure(new.value) if new else "",
            )
        )
    return changes


def review_queue():
    """Submitted updates, oldest submission first, each with ``previous`` (its pledge's
    last published update, or None) and ``changes`` from it. Four queries whatever the
    length of the queue."""
    latest_published = (
        ProgressUpdate.objects.published()
        .filter(pledge=OuterRef("pledge"))
        .order_by("-published_at", "-pk")
        .values("pk")[:1]
    )
    queue = list(
        _with_indicator_values(
            ProgressUpdate.objects.filter(state=ProgressUpdate.State.SUBMITTED)
            .select_related("pledge", "organization", "author", "reviewer")
            .annotate(previous_id=Subquery(latest_published))
            .order_by("submitted_at", "pk")
        )
    )
    previous_ids = {u.previous_id for u in queue if u.previous_id}
    previous = (
        {
            u.pk: u
            for u in _with_indicator_values(
                ProgressUpdate.objects.filter(pk__in=previous_ids).select_related("organization")
            )
        }
        if previous_ids
        else {}
    )
    for update in queue:
        update.previous = previous.get(update.previous_id)
        update.changes = update_changes(update, update.previous)
    return queue
