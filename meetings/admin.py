from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import AgendaItem, AgendaItemPledge, Attendance, Meeting


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "presenter"]
    autocomplete_fields = ["presenter"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin):
    list_display = ["number", "title", "date", "format", "update_deadline", "is_published"]
    list_filter = ["format", "is_published"]
    search_fields = ["title_ja", "title_en", "venue_ja", "venue_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["co_hosts"]
    inlines = [AgendaItemInline, AttendanceInline]


class AgendaItemPledgeInline(admin.TabularInline):
    model = AgendaItemPledge
    extra = 0
    autocomplete_fields = ["pledge"]


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslationAdmin):
    list_display = ["title", "meeting", "order", "presenter"]
    list_filter = ["meeting"]
    search_fields = ["title_ja", "title_en"]
    autocomplete_fields = ["meeting", "presenter"]
    inlines = [AgendaItemPledgeInline]
