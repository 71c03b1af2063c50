"""django-import-export resources: one import table per model, with its columns.

Each resource reads a row column by column (``exchange.cells.RowReader``), so a refused
row names the column and the reason; finds the existing record the row updates (a GRF id,
else a slug, a number or an exact title); and marks a row whose values are all already in
the database as unchanged, so re-importing an edited file changes only what changed.

Imports run in one transaction (``IMPORT_EXPORT_USE_TRANSACTIONS``): the preview is the
same import rolled back, and a confirmed import with any refused row writes nothing.
Models are validated with ``full_clean()`` before they are saved; a pledge whose
published updates are imported gets its current state from ``pledges.services``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.fields import Field

from meetings.models import Meeting
from organizations.models import Organization
from pledges import services as pledge_services
from pledges.models import (
    ContributionType,
    FocusArea,
    Indicator,
    IndicatorValue,
    Objective,
    Pledge,
    PledgeSource,
    ProgressUpdate,
    Stage,
)

from . import columns as cols
from .cells import Lookup, RowReader, normalize, split_list
from .reading import ImportRefused


class TableResource(resources.ModelResource):
    """The shared import machinery; subclasses say which columns and how to apply them."""

    table = ""
    columns: tuple[str, ...] = ()
    export_only: tuple[str, ...] = ()
    # Columns of older files still read, never written (see ``columns``).
    legacy: tuple[str, ...] = ()
    required: tuple = ()  # a column, or a tuple of columns of which one must be there
    column_for_field: dict[str, str] = {}
    dynamic_prefixes: tuple[str, ...] = ()

    class Meta:
        abstract = True
        fields = ()
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        skip_diff = True
        store_instance = True
        store_row_values = True

    @classmethod
    def get_display_name(cls):
        return str(cls._meta.model._meta.verbose_name_plural)

    def get_user_visible_fields(self):
        return [Field(column_name=name) for name in self.columns]

    # --- the file as a whole --------------------------------------------------------

    def known_column(self, name: str) -> bool:
        return (
            name in self.columns
            or name in self.export_only
            or name in self.legacy
            or any(cols.matches_dynamic(prefix, name) for prefix in self.dynamic_prefixes)
        )

    def check_headers(self, headers) -> None:
        """Raise ImportRefused for a missing required column or an unknown one."""
        headers = [str(h or "").strip().lower() for h in headers]
        problems = []
        for need in self.required:
            options = need if isinstance(need, tuple) else (need,)
            if not any(option in headers for option in options):
                problems.append(
                    _("The column “%(column)s” is missing: it is required.")
                    % {"column": _(" or ").join(options)}
                )
        for header in headers:
            if header and not self.known_column(header):
                problems.append(
                    _(
                        "The column “%(column)s” is not one this import knows. Check its "
                        "spelling against the list of columns (README, “Import columns”)."
                    )
                    % {"column": header}
                )
        seen = set()
        for header in headers:
            if header and header in seen:
                problems.append(_("The column “%(column)s” appears twice.") % {"column": header})
            seen.add(header)
        if problems:
            raise ImportRefused(*problems)

    def before_import(self, dataset, **kwargs):
        dataset.headers = [str(h or "").strip().lower() for h in dataset.headers]
        self.check_headers(dataset.headers)
        self.prepare()
        self.claimed = {}  # record key -> row number, to refuse a record named twice

    def prepare(self) -> None:
        """Load what the rows are looked up against (a few queries, once per file)."""

    def claim(self, reader: RowReader, column: str, key, row_number) -> None:
        if key in (None, ""):
            return
        first = self.claimed.setdefault((column, normalize(key)), row_number)
        if first != row_number:
            reader.error(
                column,
                _("Duplicate: row %(row)d of the file already has “%(value)s”.")
                % {"row": first + 1, "value": key},
            )

    # --- one row ----------------------------------------------------------------------

    def get_instance(self, instance_loader, row):
        return self.find_existing(RowReader(row))

    def find_existing(self, reader: RowReader):
        raise NotImplementedError

    def import_instance(self, instance, row, **kwargs):
        reader = RowReader(row)
        instance._import_changes = []
        instance._import_related = {}
        self.apply(instance, reader, row_number=kwargs.get("row_number"))
        if reader.errors:
            raise ValidationError(reader.errors)

    def apply(self, instance, reader: RowReader, row_number) -> None:
        raise NotImplementedError

    def set(self, instance, attribute: str, value, column: str | None = None) -> None:
        """Set ``attribute`` when the row gives a value, noting it if it changes."""
        if value is None:
            return
        if value == "" and instance._meta.get_field(attribute).null:
            value = None if not isinstance(getattr(instance, attribute), str) else ""
        if getattr(instance, attribute) != value:
            setattr(instance, attribute, value)
            instance._import_changes.append(column or attribute)

    def set_related(self, instance, name: str, objects, column: str) -> None:
        """Many-to-many values, set after the instance is saved."""
        if objects is None:
            return
        current = (
            set(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else set()
        )
        if current != {obj.pk for obj in objects}:
            instance._import_changes.append(column)
        instance._import_related[name] = objects

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        return instance.pk is not None and not instance._import_changes

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        field_for_column = {c: f for f, c in self.column_for_field.items()}
        exclude = set(errors) | {field_for_column.get(c, c) for c in errors}
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as problem:
            for field, messages in problem.message_dict.items():
                column = self.column_for_field.get(field, field)
                column = column if column != "__all__" else _("whole row")
                errors.setdefault(column, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs):
        for name, objects in getattr(instance, "_import_related", {}).items():
            getattr(instance, name).set(objects)

    def after_import_row(self, row, row_result, **kwargs):
        row_result.number = kwargs.get("row_number")
        row_result.changes = getattr(row_result.instance, "_import_changes", [])

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if not hasattr(row_result, "number"):
            row_result.number = kwargs.get("row_number")
        return row_result

    # --- exports in the import's own columns --------------------------------------------

    def export(self, queryset=None, **kwargs):
        from . import exporting

        if queryset is None:
            queryset = self.get_queryset()
        return exporting.import_format_dataset(self.table, queryset)


def _text_pair(resource, instance, reader, base, *, max_length=None, required_one=False):
    """``base_ja`` and ``base_en`` columns onto the translated field ``base``."""
    values = {}
    for language in ("ja", "en"):
        column = f"{base}_{language}"
        values[language] = reader.text(column, max_length=max_length)
        resource.set(instance, column, values[language])
    if required_one:
        ja = getattr(instance, f"{base}_ja") or ""
        en = getattr(instance, f"{base}_en") or ""
        if not ja.strip() and not en.strip():
            reader.error(f"{base}_en", _("Give a value in Japanese or in English (or both)."))


class OrganizationResource(TableResource):
    table = "organizations"
    columns = cols.ORGANIZATION_COLUMNS
    export_only = cols.ORGANIZATION_EXPORT_ONLY
    required = ("slug", ("name_en", "name_ja"))

    class Meta(TableResource.Meta):
        model = Organization

    def prepare(self):
        self.existing = {o.slug: o for o in Organization.objects.all()}

    def find_existing(self, reader):
        return self.existing.get((reader.raw("slug") or "").strip())

    def apply(self, instance, reader, row_number):
        slug = reader.text("slug", max_length=80, required=True)
        self.claim(reader, "slug", slug, row_number)
        self.set(instance, "slug", slug)
        _text_pair(self, instance, reader, "name", max_length=200, required_one=True)
        _text_pair(self, instance, reader, "short_name", max_length=60)
        _text_pair(self, instance, reader, "description")
        kind = reader.choice("kind", Organization.Kind.choices, required=instance.pk is None)
        self.set(instance, "kind", kind or None)
        self.set(instance, "website", reader.url("website"))
        self.set(instance, "is_active", reader.boolean("is_active"))


class PledgeResource(TableResource):
    table = "pledges"
    columns = cols.PLEDGE_COLUMNS
    export_only = cols.PLEDGE_EXPORT_ONLY
    legacy = cols.PLEDGE_LEGACY
    required = (("title_en", "title_ja"), "lead_organization", "objectives")
    column_for_field = {"grf_reference": "grf_id", "source_citation": "source"}
    dynamic_prefixes = ("indicator", "source")

    class Meta(TableResource.Meta):
        model = Pledge

    def prepare(self):
        organizations = Organization.objects.all()
        self.organizations = Lookup(
            organizations,
            ["slug", "name_en", "name_ja", "short_name_en", "short_name_ja"],
            not_found=gettext_lazy("No organization has the slug or name “%(value)s”."),
        )
        self.objectives = Lookup(
            Objective.objects.all(),
            ["number"],
            not_found=gettext_lazy("“%(value)s” is not a GCR objective number (1 to 4)."),
        )
        self.areas = Lookup(
            FocusArea.objects.all(),
            ["slug", "name_en", "name_ja"],
            not_found=gettext_lazy("No area of focus has the slug or name “%(value)s”."),
        )
        self.types = Lookup(
            ContributionType.objects.all(),
            ["slug", "name_en", "name_ja"],
            not_found=gettext_lazy("No type of contribution has the slug or name “%(value)s”."),
        )
        pledges = list(Pledge.objects.all())
        self.by_reference = {p.grf_reference: p for p in pledges if p.grf_reference}
        self.by_title = {}
        for pledge in pledges:
            for title in (pledge.title_en, pledge.title_ja):
                if title:
                    self.by_title.setdefault(normalize(title), pledge)
        self.links = []  # (pledge, [keys]) resolved once every row is saved

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # Linked pledges may name pledges further down the file.
        self.keys_in_file = set()
        for row in dataset.dict:
            for column in ("grf_id", "title_en", "title_ja"):
                if row.get(column):
                    self.keys_in_file.add(normalize(row[column]))

    def find_linked(self, key: str):
        """The pledge a ``linked_pledges`` entry names (a GRF id or an exact title), or
        None when it is only in the file so far."""
        return self.by_reference.get(key.strip()) or self.by_title.get(normalize(key))

    def find_existing(self, reader):
        reference = (reader.raw("grf_id") or "").strip()
        if reference:
            return self.by_reference.get(reference)
        for column in ("title_en", "title_ja"):
            title = reader.raw(column)
            if title and normalize(title) in self.by_title:
                return self.by_title[normalize(title)]
        return None

    def apply(self, instance, reader, row_number):
        reference = reader.text("grf_id", max_length=40)
        if reference:
            self.claim(reader, "grf_id", reference, row_number)
            other = self.by_reference.get(reference)
            if other is not None and other.pk != instance.pk:
                reader.error(
                    "grf_id",
                    _("Duplicate: the pledge “%(title)s” already has the GRF id %(id)s.")
                    % {"title": other.title, "id": reference},
                )
        if instance.pk is not None:
            self.claim(reader, "pledge", str(instance.pk), row_number)
        self.set(instance, "grf_reference", reference, "grf_id")
        forum = reader.choice("forum", Pledge.Forum.choices)
        self.set(instance, "forum", forum or None)
        _text_pair(self, instance, reader, "title", max_length=300, required_one=True)
        _text_pair(self, instance, reader, "description")
        lead = reader.ref("lead_organization", self.organizations, required=True)
        if lead is not None and instance.lead_organization_id != lead.pk:
            instance.lead_organization = lead
            instance._import_changes.append("lead_organization")
        self.set_related(
            instance,
            "co_organizations",
            reader.refs("co_organizations", self.organizations),
            "co_organizations",
        )
        self.set_related(
            instance,
            "objectives",
            reader.refs("objectives", self.objectives, required=True),
            "objectives",
        )
        self.set_related(
            instance, "focus_areas", reader.refs("focus_areas", self.areas), "focus_areas"
        )
        self.set_related(
            instance,
            "contribution_types",
            reader.refs("contribution_types", self.types),
            "contribution_types",
        )
        _text_pair(self, instance, reader, "multi_stakeholder_pledge", max_length=200)
        self.set(
            instance, "multi_stakeholder_pledge_url", reader.url("multi_stakeholder_pledge_url")
        )
        self.apply_links(instance, reader)
        cost = reader.decimal("estimated_cost")
        self.set(instance, "estimated_cost", cost if cost in (None, "") else cost.quantize(1))
        currency = reader.choice("cost_currency", Pledge.Currency.choices)
        self.set(instance, "cost_currency", currency)
        _text_pair(self, instance, reader, "uncertainty")
        self.set(instance, "pledged_on", reader.date("pledged_on"))
        self.set(instance, "start_date", reader.date("start_date"))
        end_date = reader.date("end_date")
        if not end_date:  # a file from before the end date took over "target_date"
            end_date = reader.date(cols.LEGACY_END_DATE) or end_date
        self.set(instance, "end_date", end_date)
        countries = reader.countries("countries")
        if countries is not None and sorted(c.code for c in instance.countries) != countries:
            instance.countries = countries
            instance._import_changes.append("countries")
        self.set(instance, "source_citation", reader.text("source", max_length=500), "source")
        self.set(instance, "source_url", reader.url("source_url"))
        self.apply_sources(instance, reader)
        self.apply_indicators(instance, reader)

    def apply_links(self, instance, reader):
        """``linked_pledges``: GRF ids or exact titles; linked once every row is saved."""
        value = reader.raw("linked_pledges")
        if value is None:
            return
        keys = split_list(value)
        for key in keys:
            if self.find_linked(key) is None and normalize(key) not in self.keys_in_file:
                reader.error(
                    "linked_pledges",
                    _("No pledge has the GRF id or title “%(value)s”.") % {"value": key},
                )
        current = (
            set(instance.linked_pledges.values_list("pk", flat=True)) if instance.pk else set()
        )
        found = [self.find_linked(k) for k in keys]
        if None in found or current != {p.pk for p in found}:
            instance._import_changes.append("linked_pledges")
        instance._import_links = keys

    def apply_sources(self, instance, reader):
        """``source_N_title_ja``, ``source_N_title_en``, ``source_N_url``: the public pages
        the pledge's facts come from, in order; they replace the pledge's sources."""
        numbers = cols.group_numbers(reader.row, "source")
        if not numbers:
            return
        sources = []
        for number in numbers:
            prefix = f"source_{number}_"
            title_ja = reader.text(f"{prefix}title_ja", max_length=300) or ""
            title_en = reader.text(f"{prefix}title_en", max_length=300) or ""
            url = reader.url(f"{prefix}url") or ""
            if not url:
                if title_ja or title_en:
                    reader.error(f"{prefix}url", _("A source needs its web address."))
                continue
            sources.append((title_ja, title_en or (url if not title_ja else ""), url))
        current = (
            [(s.title_ja or "", s.title_en or "", s.url) for s in instance.sources.all()]
            if instance.pk
            else []
        )
        if current != sources:
            instance._import_changes.append("sources")
            instance._import_sources = sources

    def apply_indicators(self, instance, reader):
        """``indicator_N_*`` columns: matched on the existing indicator with the same name
        (in either language), else created. Indicators missing from the file are kept:
        values already reported refer to them."""
        existing = list(instance.indicators.all()) if instance.pk else []
        planned = []
        for number in cols.indicator_numbers(reader.row):
            prefix = f"indicator_{number}_"
            name_en = reader.text(f"{prefix}name_en", max_length=200) or ""
            name_ja = reader.text(f"{prefix}name_ja", max_length=200) or ""
            unit = reader.choice(f"{prefix}unit", Indicator.Unit.choices)
            baseline = reader.decimal(f"{prefix}baseline")
            target = reader.decimal(f"{prefix}target")
            if not (name_en or name_ja):
                if unit or baseline not in (None, "") or target not in (None, ""):
                    reader.error(f"{prefix}name_en", _("An indicator needs a name."))
                continue
            if not unit:
                reader.error(f"{prefix}unit", _("An indicator needs a unit."))
            match = next(
                (
                    i
                    for i in existing
                    if (name_en and normalize(i.name_en or "") == normalize(name_en))
                    or (name_ja and normalize(i.name_ja or "") == normalize(name_ja))
                ),
                None,
            )
            values = {
                "name_en": name_en,
                "name_ja": name_ja,
                "unit": unit,
                "baseline": None if baseline in (None, "") else baseline,
                "target": None if target in (None, "") else target,
                "order": number,
            }
            if match is None or any(getattr(match, k) != v for k, v in values.items()):
                instance._import_changes.append(f"indicator_{number}")
            planned.append((match, values))
        instance._import_indicators = planned

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if getattr(instance, "_import_sources", None) is not None:
            instance.sources.all().delete()
            for order, (title_ja, title_en, url) in enumerate(instance._import_sources):
                source = PledgeSource(
                    pledge=instance, title_ja=title_ja, title_en=title_en, url=url, order=order
                )
                source.full_clean()
                source.save()
        if getattr(instance, "_import_links", None) is not None:
            self.links.append((instance, instance._import_links))
        for match, values in getattr(instance, "_import_indicators", []):
            indicator = match or Indicator(pledge=instance)
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator.full_clean()
            indicator.save()

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if result.has_errors() or result.has_validation_errors():
            return
        pledges = list(Pledge.objects.all())
        self.by_reference = {p.grf_reference: p for p in pledges if p.grf_reference}
        self.by_title = {}
        for pledge in pledges:
            for title in (pledge.title_en, pledge.title_ja):
                if title:
                    self.by_title.setdefault(normalize(title), pledge)
        # Links go both ways: two pledges of the file are linked when either lists the
        # other; a row's links to pledges outside the file are the ones it lists.
        wanted = {
            pledge.pk: {p.pk for p in map(self.find_linked, keys) if p}
            for pledge, keys in self.links
        }
        for pk, linked in list(wanted.items()):
            for other in linked:
                if other in wanted:
                    wanted[other].add(pk)
        for pledge, _keys in self.links:
            pledge.linked_pledges.set(wanted[pledge.pk])


class MeetingResource(TableResource):
    table = "meetings"
    columns = cols.MEETING_COLUMNS
    export_only = cols.MEETING_EXPORT_ONLY
    required = ("date", ("title_en", "title_ja"))

    class Meta(TableResource.Meta):
        model = Meeting

    def prepare(self):
        meetings = list(Meeting.objects.all())
        self.by_number = {m.number: m for m in meetings if m.number is not None}
        self.by_date = {m.date.isoformat(): m for m in meetings}
        self.organizations = Lookup(
            Organization.objects.all(),
            ["slug", "name_en", "name_ja", "short_name_en", "short_name_ja"],
            not_found=gettext_lazy("No organization has the slug or name “%(value)s”."),
        )

    def find_existing(self, reader):
        """A network meeting by its number, another event by its date."""
        try:
            number = int(reader.raw("number") or "")
        except ValueError:
            return self.by_date.get((reader.raw("date") or "")[:10])
        return self.by_number.get(number)

    def apply(self, instance, reader, row_number):
        kind = reader.choice("kind", Meeting.Kind.choices)
        self.set(instance, "kind", kind or None)
        number = reader.integer("number", minimum=1, maximum=32767)
        self.claim(reader, "number", number, row_number)
        self.set(instance, "number", None if number == "" else number)
        _text_pair(self, instance, reader, "title", max_length=200, required_one=True)
        date = reader.date("date", required=True)
        self.claim(reader, "date", date.isoformat() if date else date, row_number)
        self.set(instance, "date", date or None)
        self.set(instance, "start_time", reader.time("start_time"))
        self.set(instance, "end_time", reader.time("end_time"))
        _text_pair(self, instance, reader, "venue", max_length=200)
        meeting_format = reader.choice("format", Meeting.Format.choices)
        self.set(instance, "format", meeting_format or None)
        self.set_related(
            instance, "co_hosts", reader.refs("co_hosts", self.organizations), "co_hosts"
        )
        deadline = reader.date("update_deadline")
        if deadline == "" and instance.pk is None:
            deadline = None  # Meeting.clean() puts it two weeks before the meeting
        self.set(instance, "update_deadline", deadline)
        _text_pair(self, instance, reader, "summary")
        self.set(instance, "source_url", reader.url("source_url"))
        self.set(instance, "is_published", reader.boolean("is_published"))


class PublishedUpdateResource(TableResource):
    """Published progress updates, for the round trip from ``export_data``: they arrive
    published, with the date they were published, and set their pledge's current state
    through ``pledges.services``. Drafts and reviews are never imported."""

    table = "updates"
    columns = cols.UPDATE_COLUMNS
    export_only = cols.UPDATE_EXPORT_ONLY
    required = (("pledge_grf_id", "pledge_title"), "organization", "stage", "published_at")

    class Meta(TableResource.Meta):
        model = ProgressUpdate

    def prepare(self):
        pledges = list(Pledge.objects.all())
        self.by_reference = {p.grf_reference: p for p in pledges if p.grf_reference}
        self.by_title = {}
        for pledge in pledges:
            for title in (pledge.title_en, pledge.title_ja):
                if title:
                    self.by_title.setdefault(normalize(title), pledge)
        self.organizations = Lookup(
            Organization.objects.all(),
            ["slug", "name_en", "name_ja"],
            not_found=gettext_lazy("No organization has the slug or name “%(value)s”."),
        )
        self.touched = set()

    def pledge_of(self, reader):
        reference = (reader.raw("pledge_grf_id") or "").strip()
        if reference:
            return self.by_reference.get(reference)
        return self.by_title.get(normalize(reader.raw("pledge_title") or ""))

    def find_existing(self, reader):
        pledge = self.pledge_of(reader)
        moment = RowReader(reader.row).datetime("published_at")
        if pledge is None or not moment:
            return None
        return (
            ProgressUpdate.objects.published()
            .filter(
                pledge=pledge, published_at=moment, organization__slug=reader.raw("organization")
            )
            .first()
        )

    def apply(self, instance, reader, row_number):
        pledge = self.pledge_of(reader)
        if pledge is None:
            column = "pledge_grf_id" if reader.raw("pledge_grf_id") else "pledge_title"
            reader.error(
                column,
                _("No pledge has the GRF id or title “%(value)s”.") % {"value": reader.raw(column)},
            )
        elif instance.pk is None:
            instance.pledge = pledge
        organization = reader.ref("organization", self.organizations, required=True)
        if organization is not None and instance.organization_id != organization.pk:
            instance.organization = organization
            instance._import_changes.append("organization")
        # An update reports one of UNHCR's three stages; "none" is only a pledge's state.
        stages = [(code, label) for code, label in Stage.choices if code != Stage.NONE]
        self.set(instance, "stage", reader.choice("stage", stages, required=True) or None)
        progress = reader.integer("progress", minimum=0, maximum=100)
        self.set(instance, "progress", None if progress == "" else progress)
        for column in ProgressUpdate.TRANSLATED_TEXT_FIELDS:
            self.set(
                instance, column, reader.text(column, max_length=ProgressUpdate.TEXT_MAX_LENGTH)
            )
        links = reader.text("links", max_length=2000)
        self.set(instance, "links", "\n".join(split_list(links)) if links else links)
        published_at = reader.datetime("published_at")
        if published_at == "":
            reader.error("published_at", _("This column must not be empty."))
        elif published_at is not None:
            self.set(instance, "published_at", published_at)
            if instance.submitted_at is None:
                instance.submitted_at = published_at
        instance.state = ProgressUpdate.State.PUBLISHED
        self.apply_values(instance, reader, pledge)
        if pledge is not None:
            self.touched.add(pledge.pk)

    def apply_values(self, instance, reader, pledge):
        """``indicator_values``: one ``indicator name: value`` a line (or ``;``)."""
        text = reader.raw("indicator_values")
        if text is None or pledge is None:
            return
        indicators = Lookup(
            pledge.indicators.all(),
            ["name_en", "name_ja"],
            not_found=gettext_lazy("The pledge has no indicator named “%(value)s”."),
        )
        values = {}
        for part in split_list(text):
            name, _sep, figure = part.rpartition(":")
            try:
                indicator = indicators.find(name.strip())
                values[indicator] = cols.parse_decimal(figure)
            except ValueError as problem:
                reader.error("indicator_values", str(problem))
        current = (
            {v.indicator_id: v.value for v in instance.indicator_values.all()}
            if instance.pk
            else {}
        )
        if current != {i.pk: v for i, v in values.items()}:
            instance._import_changes.append("indicator_values")
        instance._import_values = values

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        values = getattr(instance, "_import_values", None)
        if values is not None:
            instance.indicator_values.exclude(indicator__in=list(values)).delete()
            for indicator, value in values.items():
                IndicatorValue.objects.update_or_create(
                    update=instance, indicator=indicator, defaults={"value": value}
                )

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        for pledge in Pledge.objects.filter(pk__in=getattr(self, "touched", ())):
            pledge_services.pledge_refresh_current_state(pledge=pledge)


# The tables of a workbook, in the order they are imported (what is referred to first).
RESOURCES = {
    "organizations": OrganizationResource,
    "pledges": PledgeResource,
    "meetings": MeetingResource,
    "updates": PublishedUpdateResource,
}
