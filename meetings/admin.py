from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from accounts.admin_access import SafeInputAdminMixin, SecretariatActionsMixin

from .models import AgendaItem, AgendaItemPledge, Attendance, Meeting, ReminderSent
from .services import AgendaNotCopied, meeting_copy_agenda


class AgendaItemInline(SafeInputAdminMixin, TranslationTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "presenter", "pledges_discussed"]
    readonly_fields = ["pledges_discussed"]
    autocomplete_fields = ["presenter"]
    show_change_link = True

    @admin.display(description=_("pledges discussed"))
    def pledges_discussed(self, item):
        if not item.pk:
            return _("Save, then open the item to add pledges.")
        return ", ".join(str(p) for p in item.pledges.all()) or "-"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("pledges")


class UniquePerParentFormSet(BaseInlineFormSet):
    """An inline whose rows must each name a different ``unique_field`` (an organization
    attends a meeting once; an agenda item cites a pledge once), said beside the repeated
    row with ``duplicate_message`` (which gets the value as ``%(<unique_field>)s``)."""

    unique_field: str
    duplicate_message: str

    def clean(self):
        # Before the formset's own uniqueness check, which would only say "duplicate data"
        # above the table: ours names the row and what is repeated.
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value is None:
                continue
            if value.pk in seen:
                form.add_error(
                    self.unique_field,
                    ValidationError(self.duplicate_message, params={self.unique_field: value}),
                )
            seen.add(value.pk)
        super().clean()


def unique_per_parent_formset(field: str, message: str) -> type[UniquePerParentFormSet]:
    return type(
        f"Unique{field.title()}FormSet",
        (UniquePerParentFormSet,),
        {"unique_field": field, "duplicate_message": message},
    )


class AttendanceInline(SafeInputAdminMixin, admin.TabularInline):
    model = Attendance
    formset = unique_per_parent_formset(
        "organization", _("%(organization)s is already listed as attending this meeting.")
    )
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Meeting)
class MeetingAdmin(SecretariatActionsMixin, TranslationAdmin):
    list_display = [
        "number",
        "title",
        "kind",
        "date",
        "format",
        "update_deadline",
        "agenda_length",
        "is_published",
    ]
    list_display_links = ["number", "title"]
    list_filter = ["kind", "format", "is_published"]
    search_fields = ["title_ja", "title_en", "venue_ja", "venue_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["co_hosts"]
    inlines = [AgendaItemInline, AttendanceInline]
    actions = ["copy_previous_agenda"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("kind", "number"),
                    "title",
                    "date",
                    ("start_time", "end_time"),
                    "venue",
                    "format",
                    "co_hosts",
                    "update_deadline",
                    "is_published",
                ]
            },
        ),
        (_("Summary / minutes"), {"fields": ["summary", "source_url"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("agenda_items")

    @admin.display(description=_("agenda items"))
    def agenda_length(self, meeting):
        return len(meeting.agenda_items.all())

    @admin.action(
        description=_("Copy the agenda from the previous meeting"),
        permissions=["secretariat_change"],
    )
    def copy_previous_agenda(self, request, queryset):
        for meeting in queryset.order_by("date"):
            try:
                items = meeting_copy_agenda(meeting=meeting)
            except AgendaNotCopied as refusal:
                self.message_user(request, str(refusal), messages.WARNING)
                continue
            self.message_user(
                request,
                ngettext(
                    "%(count)d agenda item copied to %(meeting)s: adjust it as needed.",
                    "%(count)d agenda items copied to %(meeting)s: adjust them as needed.",
                    len(items),
                )
                % {"count": len(items), "meeting": meeting},
                messages.SUCCESS,
            )


class AgendaItemPledgeInline(SafeInputAdminMixin, admin.TabularInline):
    model = AgendaItemPledge
    formset = unique_per_parent_formset(
        "pledge", _("This agenda item already cites “%(pledge)s”: list each pledge once.")
    )
    extra = 0
    autocomplete_fields = ["pledge"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SafeInputAdminMixin, TranslationAdmin):
    list_display = ["title", "meeting", "order", "presenter"]
    list_filter = ["meeting"]
    search_fields = ["title_ja", "title_en"]
    autocomplete_fields = ["meeting", "presenter"]
    inlines = [AgendaItemPledgeInline]


@admin.register(ReminderSent)
class ReminderSentAdmin(SafeInputAdminMixin, admin.ModelAdmin):
    """What ``send_update_reminders`` sent; read-only, the command writes it."""

    list_display = ["sent_at", "meeting", "organization", "days_before", "pledge_count"]
    list_filter = ["meeting", "days_before"]
    search_fields = ["organization__name_ja", "organization__name_en", "recipients"]
    date_hierarchy = "sent_at"
    list_select_related = ["meeting", "organization"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
