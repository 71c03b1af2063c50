"""Load the network's sourced facts (``fixtures/reference.json`` and ``network.json``).

An empty database gets the fixtures as they are (``loaddata``). An existing one is brought
up to the facts with ``seed_update()``: each fixture object is found by what identifies it
(an organization by its slug, a meeting by its date, a source by its pledge and address,
...), not by its primary key, so nothing a user created is overwritten because it happens
to have the same id. Rules that keep what people wrote:

* a field the fixture leaves empty never empties a filled one (a Japanese title the
  secretariat added stays); many-to-many links are only added;
* progress updates are what organizations wrote: an update already in the database is
  never changed, a seeded update that is missing is added;
* the figures kept by the services (a pledge's stage, an indicator's actual value) are
  recomputed from all published updates afterwards, the users' included.

Models are named by label so that this module imports no app above ``pledges``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from modeltranslation.translator import NotRegistered, translator

from .models import Objective, Pledge
from .services import pledge_refresh_current_state

FIXTURES = ("reference", "network")

# Kept by the services from published updates; recomputed, never loaded over.
DERIVED_FIELDS = {
    "current_stage",
    "current_progress",
    "last_published_at",
    "actual",
    "actual_as_of",
}
# Rows users write: matched ones are left exactly as they are.
USER_WRITTEN = {"pledges.progressupdate", "pledges.indicatorvalue"}


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, label: str) -> None:
        bucket = getattr(self, kind)
        bucket[label] = bucket.get(label, 0) + 1

    def __str__(self) -> str:
        def line(bucket):
            return ", ".join(f"{n} {label}" for label, n in sorted(bucket.items())) or "nothing"

        return f"Added {line(self.created)}; updated {line(self.updated)}."


def seed_is_loaded() -> bool:
    return Objective.objects.exists()


def seed_load_empty(*, verbosity: int = 0) -> None:
    """Load the fixtures into a database without seed data."""
    call_command("loaddata", *FIXTURES, verbosity=verbosity)


def _fixture_objects():
    for name in FIXTURES:
        for directory in settings.FIXTURE_DIRS:
            path = directory / f"{name}.json"
            if path.exists():
                with open(path, encoding="utf-8") as stream:
                    yield from serializers.deserialize("json", stream)


def _seed_pledge(fixture, mapped: dict) -> models.Model | None:
    """A seeded pledge keeps its id and its fixture creation time; one added since has a
    new id and is found by its lead organization and title."""
    same = Pledge.objects.filter(
        pk=fixture.pk,
        created_at=fixture.created_at,
        lead_organization_id=mapped.get("lead_organization_id"),
    ).first()
    if same is not None:
        return same
    lead = mapped.get("lead_organization_id")
    for title in (fixture.title_en, fixture.title_ja):
        if title:
            match = (
                Pledge.objects.filter(lead_organization_id=lead)
                .filter(models.Q(title_en=title) | models.Q(title_ja=title))
                .first()
            )
            if match is not None:
                return match
    return None


def _by(*names: str) -> Callable:
    def find(fixture, mapped):
        model = type(fixture)
        lookups = {name: mapped.get(name, getattr(fixture, name)) for name in names}
        return model._default_manager.filter(**lookups).first()

    return find


def _update_by_natural_key(fixture, mapped):
    model = type(fixture)
    return model._default_manager.filter(
        pledge_id=mapped["pledge_id"],
        organization_id=mapped["organization_id"],
        author__isnull=True,
        published_at=fixture.published_at,
    ).first()


# In dependency order: what a fixture object is identified by.
FINDERS: dict[str, Callable] = {
    "pledges.objective": _by("number"),
    "pledges.focusarea": _by("slug"),
    "pledges.contributiontype": _by("slug"),
    "organizations.organization": _by("slug"),
    "pledges.pledge": _seed_pledge,
    "pledges.pledgesource": _by("pledge_id", "url"),
    "pledges.indicator": _by("pledge_id", "name_en"),
    "pledges.progressupdate": _update_by_natural_key,
    "pledges.indicatorvalue": _by("update_id", "indicator_id"),
    "meetings.meeting": _by("date"),
    "meetings.agendaitem": _by("meeting_id", "order"),
    "meetings.attendance": _by("meeting_id", "organization_id"),
}


def _translated_originals(model) -> set[str]:
    """``title`` of a model with ``title_ja``/``title_en``: setting it writes the active
    language's column, so only the language columns are loaded."""
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def _is_empty(value) -> bool:
    return value is None or value == ""


@transaction.atomic
def seed_update() -> SeedReport:
    """Bring an existing database up to the fixtures' facts (rules in the module docstring)."""
    report = SeedReport()
    pks: dict[tuple[str, object], object] = {}  # (label, fixture pk) -> database pk
    pending = sorted(
        _fixture_objects(), key=lambda d: list(FINDERS).index(d.object._meta.label_lower)
    )
    touched_models = set()
    links = []
    next_free: dict = {}
    for deserialized in pending:
        fixture = deserialized.object
        model = type(fixture)
        label = model._meta.label_lower
        skip = _translated_originals(model) | DERIVED_FIELDS
        mapped = {}
        for f in model._meta.concrete_fields:
            if f.primary_key or f.name in skip:
                continue
            value = getattr(fixture, f.attname)
            if f.is_relation and value is not None:
                value = pks.get((f.related_model._meta.label_lower, value), value)
            mapped[f.attname] = value
        existing = FINDERS[label](fixture, mapped)
        if existing is None:
            instance = model(**mapped)
            if model._default_manager.filter(pk=fixture.pk).exists():
                # Taken by something users made: an id past both theirs and the fixture's,
                # so that no later fixture object loses its own id to this one.
                instance.pk = next_free[model] = next_free.get(model) or (
                    max(
                        model._default_manager.aggregate(top=models.Max("pk"))["top"] or 0,
                        max(d.object.pk for d in pending if type(d.object) is model),
                    )
                    + 1
                )
                next_free[model] += 1
            else:
                instance.pk = fixture.pk  # the fixture's id when it is free: same URLs
            instance.save_base(raw=True, force_insert=True)  # keeps the fixture's dates
            report.count("created", label)
            touched_models.add(model)
        elif label in USER_WRITTEN:
            instance = existing
        else:
            instance = existing
            changes = {
                name: value
                for name, value in mapped.items()
                if not _is_empty(value) and getattr(existing, name) != value
            }
            if changes:
                model._default_manager.filter(pk=existing.pk).update(**changes)
                report.count("updated", label)
        pks[(label, fixture.pk)] = instance.pk
        if deserialized.m2m_data and label not in USER_WRITTEN:
            links.append((instance, deserialized.m2m_data))
    # Links last, once every object they may point to exists (pledges link each other).
    for instance, m2m_data in links:
        for name, fixture_pks in m2m_data.items():
            target = instance._meta.get_field(name).related_model._meta.label_lower
            wanted = {pks.get((target, pk), pk) for pk in fixture_pks}
            relation = getattr(instance, name)
            missing = wanted - set(relation.values_list("pk", flat=True))
            if missing:
                relation.add(*missing)
    _reset_sequences(touched_models)
    for pledge in Pledge.objects.all():
        pledge_refresh_current_state(pledge=pledge)
    return report


def _reset_sequences(models_: Iterable) -> None:
    """After inserting rows with chosen ids, PostgreSQL's id sequences must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
