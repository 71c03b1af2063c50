"""Imports and exports in the admin, added to the apps' own admin classes.

The organization, pledge and meeting admins are replaced by subclasses that add
django-import-export's ImportMixin (the upload, the preview, the confirmation) and export
actions; the apps' admin modules stay as they are. Only the secretariat imports.
"""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportMixin
from import_export.formats.base_formats import Format
from import_export.forms import ImportForm

from accounts.access import is_secretariat
from meetings.admin import MeetingAdmin
from meetings.models import Meeting
from organizations.admin import OrganizationAdmin
from organizations.models import Organization
from pledges.admin import PledgeAdmin
from pledges.models import Pledge

from . import exporting
from .importing import preview_rows
from .reading import MAX_BYTES, SIZE_MESSAGE, ImportRefused, read_tables
from .resources import MeetingResource, OrganizationResource, PledgeResource

ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".txt")


class TableFormat(Format):
    """CSV (UTF-8, with or without BOM) or xlsx, told apart by content; the sheet named
    after the table is read (else the first)."""

    table = ""

    def __init__(self, encoding=None):
        self.encoding = encoding

    def get_title(self):
        return _("CSV or Excel (.xlsx)")

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def get_extension(self):
        return "csv"

    def can_import(self):
        return True

    def can_export(self):
        return False

    def create_dataset(self, in_stream):
        tables = read_tables(in_stream)
        if self.table in tables:
            return tables[self.table]
        if len(tables) == 1:
            return next(iter(tables.values()))
        raise ImportRefused(
            _("The workbook has no sheet named “%(table)s” with rows to import.")
            % {"table": self.table}
        )


class UploadForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(SIZE_MESSAGE)
        if not upload.name.lower().endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError(
                _(
                    "This file is neither CSV nor an Excel workbook (.xlsx). Save the table as "
                    "“CSV UTF-8 (comma delimited)” or as .xlsx, and import it again."
                )
            )
        return upload


class ExchangeImportMixin(ImportMixin):
    import_form_class = UploadForm
    import_template_name = "admin/exchange/import.html"
    import_error_display = ("message",)

    def get_import_formats(self):
        table = self.resource_classes[0].table
        return [type(f"{table.title()}Format", (TableFormat,), {"table": table})]

    def has_import_permission(self, request):
        opts = self.model._meta
        return is_secretariat(request.user) and request.user.has_perm(
            f"{opts.app_label}.add_{opts.model_name}"
        )

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        # A confirmed import whose file now has a refused row writes nothing.
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, ImportRefused):
            for message in e.messages:
                form.add_error("import_file", message)
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_import_context_data(self, **kwargs):
        return {
            **super().get_import_context_data(**kwargs),
            "table": self.resource_classes[0].table,
        }

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        result = getattr(response, "context_data", {}).get("result")
        if result is not None:
            response.context_data["preview"] = preview_rows(result, self.resource_classes[0].table)
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _(
                    "Nothing was imported: the file changed or a row is now refused. "
                    "Upload it again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse(f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_import")
            )
        return super().process_result(result, request)


def _export_action(table: str, file_format: str, label):
    def action(modeladmin, request, queryset):
        if table == "pledges":
            pledges = exporting.pledges_for_export(queryset.order_by("pk"))
            headers, rows = exporting.pledge_rows(pledges)
            records = [exporting.pledge_record(p) for p in pledges] if file_format == "json" else []
        elif table == "updates":
            updates = exporting.published_updates(queryset)
            headers, rows = exporting.update_rows(updates)
            records = [exporting.update_record(u) for u in updates] if file_format == "json" else []
        elif table == "organizations":
            organizations = list(queryset.order_by("slug"))
            headers, rows = exporting.organization_rows(organizations)
            records = [exporting.organization_record(o) for o in organizations]
        else:
            meetings = list(queryset.prefetch_related("co_hosts").order_by("date"))
            headers, rows = exporting.meeting_rows(meetings)
            records = [exporting.meeting_record(m) for m in meetings]
        return exporting.download(table, file_format, headers, rows, records)

    action.__name__ = f"export_{table}_{file_format}"
    # Reading only, but still the secretariat's (accounts.admin_access).
    return admin.action(description=label, permissions=["secretariat_view"])(action)


FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}


def export_actions(table: str, label):
    return [
        _export_action(table, f, format_lazy_label(label, FORMAT_NAMES[f]))
        for f in ("csv", "xlsx", "json")
    ]


def format_lazy_label(label, format_name):
    from django.utils.text import format_lazy

    return format_lazy("{} ({})", label, format_name)


for model in (Organization, Pledge, Meeting):
    admin.site.unregister(model)


@admin.register(Organization)
class OrganizationExchangeAdmin(ExchangeImportMixin, OrganizationAdmin):
    resource_classes = [OrganizationResource]
    actions = [
        *(OrganizationAdmin.actions or []),
        *export_actions("organizations", gettext_lazy("Export the selected organizations")),
    ]


@admin.register(Pledge)
class PledgeExchangeAdmin(ExchangeImportMixin, PledgeAdmin):
    resource_classes = [PledgeResource]
    actions = [
        *(PledgeAdmin.actions or []),
        *export_actions("pledges", gettext_lazy("Export the selected pledges")),
        *export_actions(
            "updates", gettext_lazy("Export the published updates of the selected pledges")
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        # The linked multi-stakeholder pledge has a URL since imports carry one.
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        for _name, options in fieldsets:
            fields = list(options["fields"])
            if (
                "multi_stakeholder_pledge" in fields
                and "multi_stakeholder_pledge_url" not in fields
            ):
                fields.insert(
                    fields.index("multi_stakeholder_pledge") + 1, "multi_stakeholder_pledge_url"
                )
                options["fields"] = fields
        return fieldsets


@admin.register(Meeting)
class MeetingExchangeAdmin(ExchangeImportMixin, MeetingAdmin):
    resource_classes = [MeetingResource]
    actions = [
        *(MeetingAdmin.actions or []),
        *export_actions("meetings", gettext_lazy("Export the selected meetings")),
    ]
