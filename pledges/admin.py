from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_access import SafeInputAdminMixin, SecretariatActionsMixin
from organizations.models import Organization

from . import services
from .forms import ReturnForm
from .models import (
    Attachment,
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
class ObjectiveAdmin(SafeInputAdminMixin, TranslationAdmin):
    list_display = ["number", "title"]
    search_fields = ["title_ja", "title_en"]


@admin.register(FocusArea)
class FocusAreaAdmin(SafeInputAdminMixin, TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_ja", "name_en", "slug"]


@admin.register(ContributionType)
class ContributionTypeAdmin(SafeInputAdminMixin, TranslationAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name_ja", "name_en", "slug"]


class IndicatorInline(SafeInputAdminMixin, TranslationTabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "name", "unit", "baseline", "target", "actual", "actual_as_of"]
    readonly_fields = ["actual", "actual_as_of"]


class PledgeSourceInline(TranslationTabularInline):
    model = PledgeSource
    extra = 0
    fields = ["order", "url", "title"]


@admin.register(Pledge)
class PledgeAdmin(SecretariatActionsMixin, TranslationAdmin):
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
                    ("start_date", "end_date"),
                    ("estimated_cost", "cost_currency"),
                ]
            },
        ),
        (_("Where"), {"fields": ["countries"]}),
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


class IndicatorValueInline(SafeInputAdminMixin, admin.TabularInline):
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
class IndicatorAdmin(SafeInputAdminMixin, TranslationAdmin):
    list_display = ["name", "pledge", "unit", "baseline", "target", "actual"]
    list_filter = ["unit"]
    search_fields = ["name_ja", "name_en", "pledge__title_ja", "pledge__title_en"]
    autocomplete_fields = ["pledge"]
    readonly_fields = ["actual", "actual_as_of"]


class AttachmentInline(admin.TabularInline):
    """Evidence files, listed with their download link; they change only through the
    update form (``pledges.evidence``), which checks what they are."""

    model = Attachment
    extra = 0
    fields = ["download", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, attachment):
        return format_html('<a href="{}">{}</a>', attachment.get_absolute_url(), attachment.name)


def indicator_values_from(formsets) -> dict[Indicator, object]:
    """The indicator values the admin's inline asks for, as the services take them: the
    new value per indicator, None for a value removed (or moved to another indicator)."""
    removed, kept = set(), {}
    for formset in formsets:
        if formset.model is not IndicatorValue:
            continue
        for row in formset.forms:
            data = getattr(row, "cleaned_data", None) or {}
            before = row.initial.get("indicator") if row.instance.pk else None
            if data.get("DELETE") or not data.get("indicator"):
                if before:
                    removed.add(before)
                continue
            if before and before != data["indicator"].pk:
                removed.add(before)
            kept[data["indicator"]] = data["value"]
    gone = Indicator.objects.filter(pk__in=removed - {i.pk for i in kept})
    return {**{indicator: None for indicator in gone}, **kept}


def _record_formset_changes(formsets) -> None:
    """What ``formset.save()`` would have noted, for the admin's change message (the
    services saved the rows instead)."""
    for formset in formsets:
        rows = [row for row in formset.forms if getattr(row, "cleaned_data", None)]
        deleted = [row for row in rows if row.cleaned_data.get("DELETE")]
        formset.deleted_objects = [row.instance for row in deleted if row.instance.pk]
        formset.changed_objects = [
            (row.instance, row.changed_data)
            for row in rows
            if row.instance.pk and row.has_changed() and row not in deleted
        ]
        formset.new_objects = [
            row.instance
            for row in rows
            if not row.instance.pk and row.has_changed() and row not in deleted
        ]


class ProgressUpdateAdminForm(forms.ModelForm):
    """Refuses beside the form what the services would refuse: a second open update of an
    organization on a pledge, and a correction of a version someone has changed since."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    acting_user = None  # set by ProgressUpdateAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            pledge, organization = cleaned.get("pledge"), cleaned.get("organization")
            editors_of = Organization.objects.edited_by(self.acting_user)
            if organization and not editors_of.filter(pk=organization.pk).exists():
                raise forms.ValidationError(
                    _("Only an editor of %(organization)s writes and submits its updates."),
                    params={"organization": organization},
                )
            if (
                pledge
                and organization
                and services.open_update_of(pledge=pledge, organization=organization)
            ):
                raise forms.ValidationError(
                    _("This organization already has an update in progress on this pledge.")
                )
        else:
            opened = cleaned.get("opened_version")
            if opened is not None and opened != self.instance.version:
                raise forms.ValidationError(
                    _(
                        "This update was changed by someone else after you opened it. "
                        "Reload the page to see their version before saving yours."
                    )
                )
        return cleaned


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SecretariatActionsMixin, SimpleHistoryAdmin, TranslationAdmin):
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
    inlines = [IndicatorValueInline, AttachmentInline]
    form = ProgressUpdateAdminForm

    # Life-cycle actions go through the same services as the review queue, so the rules
    # (publish once, a comment to return) and the notifications are the same.
    actions = ["submit_updates", "publish_updates", "return_updates"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"acting_user": request.user})

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
        # Nothing is saved here: save_related writes the update and its indicator values
        # together, through the services, once the inline formsets are known.
        pass

    def save_related(self, request, form, formsets, change):
        """Every write goes through the services that the site's forms use: a new update
        through ``update_create`` (one open update per organization and pledge), a
        published one through ``update_correct`` (one version bump for the text and the
        indicator values, the pledge's state follows). Drafts, submitted and returned
        updates are the organization's text: the admin saves nothing on them."""
        update = form.instance
        content = {
            n: form.cleaned_data[n] for n in ProgressUpdate.CONTENT_FIELDS if n in form.cleaned_data
        }
        values = indicator_values_from(formsets)
        if not change:
            created = services.update_create(
                pledge=form.cleaned_data["pledge"],
                organization=form.cleaned_data["organization"],
                author=form.cleaned_data.get("author"),
                content=content,
                indicator_values=values,
                by=request.user,
            )
            update.pk = created.pk
            update._state.adding = False
        elif update.state == ProgressUpdate.State.PUBLISHED:
            services.update_correct(
                update=update,
                version=form.cleaned_data.get("opened_version"),
                content=content,
                indicator_values=values,
            )
        update.refresh_from_db()
        _record_formset_changes(formsets)

    @admin.action(
        description=_("Submit the selected drafts (your own organizations' only)"),
        permissions=["secretariat_change"],
    )
    def submit_updates(self, request, queryset):
        # The secretariat does not submit on an organization's behalf unless it is also
        # one of that organization's editors.
        submitted, refused = 0, 0
        for update in queryset:
            try:
                services.update_submit(update=update, by=request.user)
                submitted += 1
            except services.TransitionNotAllowed:
                refused += 1
        self._report(request, submitted, refused)

    @admin.action(
        description=_("Publish the selected submitted updates"),
        permissions=["secretariat_change"],
    )
    def publish_updates(self, request, queryset):
        published, refused = 0, 0
        for update in queryset:
            try:
                services.update_publish(update=update, reviewer=request.user)
                published += 1
            except services.TransitionNotAllowed:
                refused += 1
        self._report(request, published, refused)

    @admin.action(
        description=_("Return the selected submitted updates with a comment"),
        permissions=["secretariat_change"],
    )
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
