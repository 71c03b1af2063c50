from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from organizations.models import Organization

from . import services
from .forms import ReturnForm
from .models import (
    ContributionType,
    FocusArea,
    Indicator,
    IndicatorValue,
    Objective,
    Pledge,
    PledgeSource,
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


class PledgeSourceInline(TranslationTabularInline):
    model = PledgeSource
    extra = 0
    fields = ["order", "url", "title"]


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
    autocomplete_fields = ["lead_organization", "co_organizations", "linked_pledges"]
    filter_horizontal = ["objectives", "focus_areas", "contribution_types"]
    list_select_related = ["lead_organization"]
    readonly_fields = [
        "current_stage",
        "current_progress",
        "last_published_at",
        "created_at",
        "updated_at",
    ]
    inlines = [PledgeSourceInline, IndicatorInline]
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
            {
                "fields": [
                    "forum",
                    "multi_stakeholder_pledge",
                    "linked_pledges",
                    "pledged_on",
                    "target_date",
                    ("estimated_cost", "cost_currency"),
                ]
            },
        ),
        (_("Source"), {"fields": ["source_url", "source_citation", "uncertainty"]}),
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
    """Values reported with an update: only its own pledge's indicators, and changed only
    while correcting a published update (drafts belong to the organization)."""

    model = IndicatorValue
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None and "indicator" in formset.form.base_fields:
            formset.form.base_fields["indicator"].queryset = Indicator.objects.filter(
                pledge=obj.pledge_id
            )
        return formset

    def _correctable(self, obj):
        return obj is None or obj.state == ProgressUpdate.State.PUBLISHED

    def has_add_permission(self, request, obj=None):
        return self._correctable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._correctable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._correctable(obj) and super().has_delete_permission(request, obj)


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["name", "pledge", "unit", "baseline", "target", "actual"]
    list_filter = ["unit"]
    search_fields = ["name_ja", "name_en", "pledge__title_ja", "pledge__title_en"]
    autocomplete_fields = ["pledge"]
    readonly_fields = ["actual", "actual_as_of"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Both languages of the narrative side by side: correcting a published update is how
    the secretariat adds a missing translation (``services.update_correct``, history kept)."""

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
        "achievements_ja",
        "achievements_en",
    ]
    date_hierarchy = "published_at"
    autocomplete_fields = ["pledge", "organization", "author", "reviewer"]
    list_select_related = ["pledge", "organization"]
    readonly_fields = ["version", "created_at", "updated_at", "submitted_at", "published_at"]
    inlines = [IndicatorValueInline]

    # Life-cycle actions go through the same services as the review queue, so the rules
    # (publish once, a comment to return) and the notifications are the same.
    actions = ["submit_updates", "publish_updates", "return_updates"]

    def get_readonly_fields(self, request, obj=None):
        # The life cycle is driven by the actions and services, never typed in. Who
        # reported on what is fixed once the update exists, and the secretariat corrects
        # only published updates: drafts and submissions are the organization's text.
        readonly = [*self.readonly_fields, "state", "review_comment", "reviewer"]
        if obj is not None:
            readonly += ["pledge", "organization", "author"]
            if obj.state != ProgressUpdate.State.PUBLISHED:
                readonly += list(ProgressUpdate.CONTENT_FIELDS)
        return readonly

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Old versions are shown, never saved back: a revert would bypass the services
        # that keep the pledge's published state in step (SIMPLE_HISTORY_REVERT_DISABLED
        # only hides the button).
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_delete_permission(self, request, obj=None):
        # Published updates are never deleted; the others are the organization's.
        if obj is not None and obj.state == ProgressUpdate.State.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change and obj.state == ProgressUpdate.State.PUBLISHED:
            # A correction by the secretariat: the pledge's state follows, history keeps
            # the earlier text.
            services.update_correct(
                update=obj,
                version=None,
                content={
                    n: form.cleaned_data[n]
                    for n in ProgressUpdate.CONTENT_FIELDS
                    if n in form.cleaned_data
                },
            )
            obj.refresh_from_db()
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.state == ProgressUpdate.State.PUBLISHED:
            services.pledge_refresh_current_state(pledge=form.instance.pledge)

    @admin.action(description=_("Submit the selected drafts (your own organizations' only)"))
    def submit_updates(self, request, queryset):
        # The secretariat does not submit on an organization's behalf unless it is also
        # one of that organization's editors.
        own = set(Organization.objects.edited_by(request.user).values_list("pk", flat=True))
        submitted, refused = 0, 0
        for update in queryset:
            try:
                if update.organization_id not in own:
                    raise services.TransitionNotAllowed
                services.update_submit(update=update)
                submitted += 1
            except services.TransitionNotAllowed:
                refused += 1
        self._report(request, submitted, refused)

    @admin.action(description=_("Publish the selected submitted updates"))
    def publish_updates(self, request, queryset):
        published, refused = 0, 0
        for update in queryset:
            try:
                services.update_publish(update=update, reviewer=request.user)
                published += 1
            except services.TransitionNotAllowed:
                refused += 1
        self._report(request, published, refused)

    @admin.action(description=_("Return the selected submitted updates with a comment"))
    def return_updates(self, request, queryset):
        form = ReturnForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            returned, refused = 0, 0
            for update in queryset:
                try:
                    services.update_return(
                        update=update, reviewer=request.user, comment=form.cleaned_data["comment"]
                    )
                    returned += 1
                except services.TransitionNotAllowed:
                    refused += 1
            self._report(request, returned, refused)
            return None
        # First ask for the comment on an intermediate page.
        return TemplateResponse(
            request,
            "admin/pledges/progressupdate/return_updates.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Return updates with a comment"),
                "opts": self.model._meta,
                "queryset": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def _report(self, request, done, refused):
        if done:
            self.message_user(
                request,
                ngettext("%(count)d update done.", "%(count)d updates done.", done)
                % {"count": done},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d update was skipped: its state or organization does not allow this.",
                    "%(count)d updates were skipped: their state or organization does not "
                    "allow this.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )
