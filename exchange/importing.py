"""One import, from the admin or the command line: the preview, then (once confirmed) the
same import in one transaction. A file with any refused row writes nothing.

``preview_rows`` turns an import-export result into what the user reads: for each row,
create, update, unchanged or refused, and for a refused row the reason per column.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .reading import ImportRefused, read_tables
from .resources import RESOURCES

ACTIONS = {
    "new": "create",
    "update": "update",
    "skip": "unchanged",
    "invalid": "refused",
    "error": "refused",
}


def action_labels() -> dict[str, str]:
    return {
        "create": _("Create"),
        "update": _("Update"),
        "unchanged": _("Unchanged"),
        "refused": _("Refused"),
    }


@dataclass
class RowPreview:
    table: str
    line: int  # the row's line in the spreadsheet (the column names are line 1)
    action: str  # create, update, unchanged, refused
    label: str
    changes: list[str] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (column, message)

    @property
    def action_label(self) -> str:
        return action_labels()[self.action]


@dataclass
class Preview:
    rows: list[RowPreview] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the file as a whole

    @property
    def refused(self) -> bool:
        return bool(self.problems) or any(r.action == "refused" for r in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged", "refused")}

    def lines(self) -> list[str]:
        """The preview as plain text, for the command line."""
        labels = action_labels()
        out = [f"- {p}" for p in self.problems]
        for row in self.rows:
            text = _("%(table)s, row %(line)d: %(action)s “%(label)s”") % {
                "table": row.table,
                "line": row.line,
                "action": labels[row.action],
                "label": row.label,
            }
            if row.changes and row.action == "update":
                text += " (" + ", ".join(row.changes) + ")"
            out.append(text)
            for column, message in row.reasons:
                out.append(f"    {column}: {message}" if column else f"    {message}")
        counts = self.counts
        out.append(
            _(
                "%(create)d to create, %(update)d to update, %(unchanged)d unchanged, "
                "%(refused)d refused."
            )
            % counts
        )
        return out


def _label(row_result) -> str:
    values = getattr(row_result, "row_values", None) or {}
    for key in ("title_en", "title_ja", "name_en", "name_ja", "slug", "pledge_title", "number"):
        if values.get(key):
            return str(values[key])
    return row_result.object_repr or ""


def preview_rows(result, table: str) -> Preview:
    preview = Preview()
    for error in result.base_errors:
        if isinstance(error.error, ImportRefused):
            preview.problems.extend(error.error.messages)
        else:
            preview.problems.append(str(error.error))
    for row_result in result.rows:
        action = ACTIONS.get(row_result.import_type, "refused")
        reasons = []
        if row_result.import_type == "invalid":
            for column, messages in row_result.validation_error.message_dict.items():
                reasons.extend((column, str(m)) for m in messages)
        elif row_result.import_type == "error":
            reasons.extend(("", str(e.error)) for e in row_result.errors)
        preview.rows.append(
            RowPreview(
                table=table,
                line=(getattr(row_result, "number", 0) or 0) + 1,
                action=action,
                label=_label(row_result),
                changes=list(getattr(row_result, "changes", [])),
                reasons=reasons,
            )
        )
    return preview


def table_resource(name: str, headers) -> tuple[str, type]:
    """Which resource imports a table: by its name (a sheet or file name), else by the
    columns it has."""
    key = name.strip().lower()
    for table in RESOURCES:
        if key == table or key.startswith(table) or key.endswith(table):
            return table, RESOURCES[table]
    headers = set(headers or ())
    if "lead_organization" in headers:
        return "pledges", RESOURCES["pledges"]
    if "published_at" in headers and "stage" in headers:
        return "updates", RESOURCES["updates"]
    if "number" in headers and "date" in headers:
        return "meetings", RESOURCES["meetings"]
    if "slug" in headers:
        return "organizations", RESOURCES["organizations"]
    raise ImportRefused(
        _(
            "Cannot tell what the table “%(name)s” holds: name the sheet or file "
            "organizations, pledges, meetings or updates."
        )
        % {"name": name}
    )


def import_file(data: bytes, filename: str, *, dry_run: bool) -> Preview:
    """Import every table of the file in one transaction; with ``dry_run``, or when any
    row is refused, roll it all back. Raises ImportRefused for an unreadable file."""
    tables = read_tables(data, filename)
    plan = []
    for name, dataset in tables.items():
        table, resource_class = table_resource(name, dataset.headers)
        plan.append((list(RESOURCES).index(table), table, resource_class, dataset))
    plan.sort(key=lambda item: item[0])
    preview = Preview()
    with transaction.atomic():
        for _order, table, resource_class, dataset in plan:
            result = resource_class().import_data(
                dataset, dry_run=False, raise_errors=False, use_transactions=True
            )
            table_preview = preview_rows(result, table)
            if table_preview.problems:  # the table as a whole (columns): nothing to preview
                raise ImportRefused(*table_preview.problems)
            preview.rows.extend(table_preview.rows)
        if dry_run or preview.refused:
            transaction.set_rollback(True)
    return preview
