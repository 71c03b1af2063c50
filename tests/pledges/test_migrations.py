"""Data migrations, run forwards on data written by the models as they were."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("pledges", "0014_merge_index_and_returned_values")]
AFTER = [("pledges", "0015_end_date_takes_over_target_date")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_target_date_becomes_the_end_date_where_there_was_none():
    old = _migrate(BEFORE)
    Organization = old.get_model("organizations", "Organization")
    Pledge = old.get_model("pledges", "Pledge")
    lead = Organization.objects.create(name="Demo NGO", slug="demo-ngo", kind="ngo")

    def pledge(title, **dates):
        return Pledge.objects.create(title=title, lead_organization=lead, **dates).pk

    day = datetime.date
    only_target = pledge("Only a target", target_date=day(2027, 12, 31))
    both = pledge("Both", target_date=day(2027, 12, 31), end_date=day(2026, 3, 31))
    before_start = pledge(
        "Target before the start", start_date=day(2025, 4, 1), target_date=day(2024, 3, 31)
    )
    neither = pledge("Neither")

    new = _migrate(AFTER)
    try:
        ends = dict(new.get_model("pledges", "Pledge").objects.values_list("pk", "end_date"))
        assert ends == {
            only_target: day(2027, 12, 31),
            both: day(2026, 3, 31),
            before_start: None,  # an end before the start is refused by a constraint
            neither: None,
        }
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
