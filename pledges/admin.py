from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ContributionType,
    FocusArea,
    Indicator,
    IndicatorValue,
    Objective,
    Pledge,
    ProgressUpdate,
)


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "title"]
    search_fields = ["title_ja", "title_en"]


@admin.register(FocusArea)
class FocusAreaAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_ja", "name_en", "slug"]


@admin.register(ContributionType)
class ContributionTypeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name_ja", "name_en", "slug"]


class IndicatorInline(TranslationTabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "name", "unit", "baseline", "target", "actual", "actual_as_of"]
    readonly_fields = ["actual", "actual_as_of"]


@admin.register(Pledge)
class PledgeAdmin(TranslationAdmin):
    list_display = [
        "title",
        "lead_organization",
        "forum",
        "current_stage",
        "current_progress",
        "last_published_at",
    ]
    list_filter = [
        "objectives",
        "focus_areas",
        "contribution_types",
        "forum",
        "current_stage",
        "lead_organization__kind",
        ("lead_organization", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = [
        "title_ja",
        "title_en",
        "description_ja",
        "description_en",
        "grf_reference",
        "lead_organization__name_ja",
        "lead_organization__name_en",
    ]
    autocomplete_fields = ["lead_organization", "co_organizations"]
    filter_horizontal = ["objectives", "focus_areas", "contribution_types"]
    list_select_related = ["lead_organization"]
    readonly_fields = [
        "current_stage",
        "current_progress",
        "last_published_at",
        "created_at",
        "updated_at",
    ]
    inlines = [IndicatorInline]
    fieldsets = [
        (None, {"fields": ["title", "description", "grf_reference"]}),
        (
            _("Who and what"),
            {
                "fields": [
                    "lead_organization",
                    "co_organizations",
                    "objectives",
                    "focus_areas",
                    "contribution_types",
                ]
            },
        ),
        (
            _("Forum and dates"),
            {"fields": ["forum", "multi_stakeholder_pledge", "pledged_on", "target_date"]},
        ),
        (_("Source"), {"fields": ["source_url", "source_citation"]}),
        (
            _("Current state (from the latest published update)"),
            {
                "fields": [
                    "current_stage",
                    "current_progress",
                    "last_published_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["name", "pledge", "unit", "baseline", "target", "actual"]
    list_filter = ["unit"]
    search_fields = ["name_ja", "name_en", "pledge__title_ja", "pledge__title_en"]
    autocomplete_fields = ["pledge"]
    readonly_fields = ["actual", "actual_as_of"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = [
        "pledge",
        "organization",
        "stage",
        "progress",
        "state",
        "submitted_at",
        "published_at",
    ]
    list_filter = ["state", "stage", "organization__kind", "pledge__objectives"]
    search_fields = [
        "pledge__title_ja",
        "pledge__title_en",
        "organization__name_ja",
        "organization__name_en",
        "achievements",
    ]
    date_hierarchy = "published_at"
    autocomplete_fields = ["pledge", "organization", "author", "reviewer"]
    list_select_related = ["pledge", "organization"]
    readonly_fields = ["version", "created_at", "updated_at", "submitted_at", "published_at"]
    inlines = [IndicatorValueInline]
