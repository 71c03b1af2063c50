"""The round trip: export_data of everything, then import_data into an empty database,
gives the same pledges, organizations, links, objectives, indicators and published
updates. Also: the sample import file in fixtures/ imports the seeded data."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import Indicator, IndicatorValue, Pledge, ProgressUpdate
from pledges.services import pledge_refresh_current_state
from tests.factories import ProgressUpdateFactory

SAMPLE = Path(settings.BASE_DIR) / "fixtures" / "sample-import.xlsx"
IDS = {"id", "url", "indicator_id"}


def _without_ids(data):
    """Ids and addresses differ between databases; everything else must not."""
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k not in IDS}
    if isinstance(data, list):
        return [_without_ids(v) for v in data]
    return data


def _everything(tmp_path, name) -> dict:
    path = tmp_path / name
    call_command("export_data", "--format", "json", "--output", str(path))
    return _without_ids(json.loads(path.read_text()))


def _empty_the_network():
    """An empty database but for the reference data (objectives, areas, contribution
    types), which comes with every installation."""
    ProgressUpdate.objects.all().delete()
    Meeting.objects.all().delete()
    Indicator.objects.all().delete()
    Pledge.objects.all().delete()
    Organization.objects.all().delete()


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_data(db, tmp_path, file_format):
    call_command("load_seed_data", verbosity=0)
    # A draft stays behind: it is not the network's data yet.
    ProgressUpdateFactory(pledge=Pledge.objects.first(), achievements="A draft")
    before = _everything(tmp_path, "before.json")
    exported = tmp_path / f"everything.{'zip' if file_format == 'csv' else 'xlsx'}"
    call_command("export_data", "--format", file_format, "--output", str(exported))

    _empty_the_network()
    assert not Pledge.objects.exists()
    call_command("import_data", str(exported), verbosity=0)

    after = _everything(tmp_path, "after.json")
    for table in ("organizations", "pledges", "meetings", "updates"):
        assert after[table] == before[table], table
    assert len(after["pledges"]) == 14
    assert not ProgressUpdate.objects.exclude(state="published").exists()


def test_importing_the_same_export_again_changes_nothing(db, tmp_path, capsys):
    call_command("load_seed_data", verbosity=0)
    exported = tmp_path / "everything.xlsx"
    call_command("export_data", "--format", "xlsx", "--output", str(exported))

    call_command("import_data", str(exported))

    assert " 0 to create, 0 to update," in capsys.readouterr().out.replace("\n", " ")


def test_the_sample_import_file_imports_the_seeded_network(db):
    call_command("loaddata", "reference", verbosity=0)

    call_command("import_data", str(SAMPLE), verbosity=0)

    assert Organization.objects.count() == 10
    assert Pledge.objects.count() == 14
    assert Indicator.objects.count() == 10
    assert Pledge.objects.filter(co_organizations__isnull=False).exists()


def test_the_sample_import_file_matches_the_seed_data(db, tmp_path, capsys):
    call_command("load_seed_data", verbosity=0)

    call_command("import_data", str(SAMPLE), "--dry-run")

    out = capsys.readouterr().out
    assert "0 to create, 0 to update" in out
    assert "0 refused" in out


def test_the_sample_csv_files_import_one_table_after_the_other(db):
    call_command("loaddata", "reference", verbosity=0)

    for table in ("organizations", "pledges", "meetings"):
        call_command("import_data", str(SAMPLE.with_name(f"sample-{table}.csv")), verbosity=0)

    assert (Organization.objects.count(), Pledge.objects.count(), Meeting.objects.count()) == (
        10,
        14,
        2,
    )


def test_a_network_without_meetings_or_updates_makes_the_round_trip(db, tmp_path):
    call_command("load_seed_data", verbosity=0)
    IndicatorValue.objects.all().delete()
    ProgressUpdate.objects.all().delete()
    Meeting.objects.all().delete()
    for pledge in Pledge.objects.all():  # no update: no stage, no actual values
        pledge_refresh_current_state(pledge=pledge)
    before = _everything(tmp_path, "before.json")
    for file_format, name in (("xlsx", "all.xlsx"), ("csv", "all.zip")):
        call_command("export_data", "--format", file_format, "--output", str(tmp_path / name))

    for name in ("all.xlsx", "all.zip"):
        _empty_the_network()
        call_command("import_data", str(tmp_path / name), verbosity=0)
        assert _everything(tmp_path, "after.json") == before
