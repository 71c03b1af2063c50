"""The pledge list's filters. Their names are the URL parameters, so a filtered view can be
shared: ``objective``, ``area``, ``organization``, ``kind``, ``stage``, ``contribution``,
``forum``, ``country``, ``ends_by``, ``stale``, ``updated``, ``q`` and ``sort`` (the view
adds ``page``).

A value a filter does not accept (``objective=7``, ``stage=done``) is ignored: django-filter
leaves a field that fails validation out of ``cleaned_data``, and the view tells the reader
which values it ignored.
"""

import datetime

import django_filters
from django import forms
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.search import MAX_SEARCH_LENGTH
from meetings.calendar import ReportingPeriod, current_period
from organizations.models import Organization
from pledges.models import ContributionType, FocusArea, Objective, Pledge, Stage
from pledges.search import search_pledges

from .widgets import LongSelect

YES = "1"


def _translated(field_name: str):
    """``field_name`` in the active language, falling back to the other one when empty."""
    language = "en" if (get_language() or "ja").startswith("en") else "ja"
    other = "ja" if language == "en" else "en"
    return Coalesce(NullIf(F(f"{field_name}_{language}"), Value("")), F(f"{field_name}_{other}"))


SORTS = {
    "title": lambda: [_translated("title").asc(), F("pk").asc()],
    "organization": lambda: [
        _translated("lead_organization__name").asc(),
        F("pk").asc(),
    ],
    "-progress": lambda: [F("current_progress").desc(nulls_last=True), F("pk").asc()],
    "progress": lambda: [F("current_progress").asc(nulls_last=True), F("pk").asc()],
    "-updated": lambda: [F("last_published_at").desc(nulls_last=True), F("pk").asc()],
    "updated": lambda: [F("last_published_at").asc(nulls_first=True), F("pk").asc()],
}


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=MAX_SEARCH_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    objective = django_filters.ModelChoiceFilter(
        label=_("GCR objective"),
        field_name="objectives",
        to_field_name="number",
        queryset=Objective.objects.all(),
        empty_label=_("All objectives"),
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area of focus"),
        field_name="focus_areas",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        empty_label=_("All areas"),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization (lead or co-pledging)"),
        to_field_name="slug",
        queryset=Organization.objects.all(),
        method="filter_organization",
        empty_label=_("All organizations"),
        widget=LongSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of organization"),
        choices=Organization.Kind.choices,
        method="filter_kind",
        empty_label=_("All kinds"),
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"),
        choices=Stage.choices,
        method="filter_stage",
        empty_label=_("All stages"),
    )
    contribution = django_filters.ModelChoiceFilter(
        label=_("Type of contribution"),
        field_name="contribution_types",
        to_field_name="slug",
        queryset=ContributionType.objects.all(),
        empty_label=_("All types"),
    )
    forum = django_filters.ChoiceFilter(
        label=_("Forum"), choices=Pledge.Forum.choices, empty_label=_("All forums")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country of implementation"),
        choices=lambda: list(countries),
        method="filter_country",
        empty_label=_("All countries"),
        widget=LongSelect,
    )
    ends_by = django_filters.NumberFilter(
        label=_("Ending by (year)"),
        method="filter_ends_by",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "2027"}),
    )
    stale = django_filters.ChoiceFilter(
        label=_("Stale"),
        choices=[(YES, _("Stale only"))],
        method="filter_stale",
        empty_label=_("All pledges"),
    )
    updated = django_filters.ChoiceFilter(
        label=_("Updated this period"),
        choices=[(YES, _("Updated this period only"))],
        method="filter_updated",
        empty_label=_("All pledges"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("title", _("Title")),
            ("organization", _("Lead organization")),
            ("-updated", _("Most recently updated")),
            ("updated", _("Longest without an update")),
            ("-progress", _("Most progress")),
            ("progress", _("Least progress")),
        ],
        method="filter_sort",
        empty_label=_("Default order"),
    )

    class Meta:
        model = Pledge
        fields = []

    def __init__(self, *args, period: ReportingPeriod | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._period = period
        for name, form_field in self.form.fields.items():
            css = "form-control" if name in ("q", "ends_by") else "form-select"
            form_field.widget.attrs["class"] = css

    @property
    def period(self) -> ReportingPeriod:
        """The current reporting period, for ``stale`` and ``updated``."""
        if self._period is None:
            self._period = current_period()
        return self._period

    def filter_text(self, queryset, name, value):
        return search_pledges(queryset, value)

    def filter_organization(self, queryset, name, value):
        return queryset.involving(value)

    def filter_kind(self, queryset, name, value):
        return queryset.of_kind(value)

    def filter_stage(self, queryset, name, value):
        return queryset.filter(current_stage=value)

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_ends_by(self, queryset, name, value):
        """Pledges whose known end date falls in ``value`` (a year) or earlier."""
        return queryset.ending_by(datetime.date(int(value), 12, 31))

    def filter_stale(self, queryset, name, value):
        return queryset.filter(~self.period.pledge_updated())

    def filter_updated(self, queryset, name, value):
        return queryset.filter(self.period.pledge_updated())

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS[value]())

    def page(self, params, per_page: int) -> tuple[Page, list[str]]:
        """The page of results ``params`` asks for, and notices for the parameters the list
        could not use: it ignores them instead of failing, and says so."""
        notices = [
            gettext("“%(value)s” is not a value the “%(name)s” filter accepts, so it was ignored.")
            % {"value": params.get(name, ""), "name": self.filters[name].label}
            for name in self.errors
        ]
        notices += [
            gettext("The unknown parameter “%(name)s” was ignored.") % {"name": name}
            for name in sorted(set(params) - set(self.filters) - {"page"})
        ]
        paginator = Paginator(self.qs, per_page)
        try:
            return paginator.page(params.get("page") or 1), notices
        except (PageNotAnInteger, EmptyPage):
            notice = gettext("There is no page “%(page)s”; this is the first page.")
            return paginator.page(1), [*notices, notice % {"page": params.get("page")}]

    def active_filters(self, params) -> list[dict]:
        """The filters in use, each with the text to show and the address without it."""
        if not self.is_bound:
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, ""):
                continue
            field = self.form.fields[name]
            if hasattr(field, "queryset"):
                shown = str(value)
            elif hasattr(field, "choices"):
                shown = dict(field.choices).get(value, value)
            else:
                shown = value
            remaining = params.copy()
            for dropped in (name, "page"):
                remaining.pop(dropped, None)
            active.append(
                {"label": field.label, "value": shown, "remove_url": f"?{remaining.urlencode()}"}
            )
        return active
