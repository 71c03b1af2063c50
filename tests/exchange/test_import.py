"""Imports: a good file in every accepted form, each kind of refused row, the update path,
and the command line. The preview writes nothing; a refused row writes nothing."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from exchange.importing import import_file
from pledges.models import Indicator, Pledge
from tests.factories import PledgeFactory

from .conftest import csv_bytes, pledge_row, xlsx_bytes


def _pledge_snapshot():
    return sorted(
        (p.grf_reference, p.title_en, p.title_ja, p.updated_at) for p in Pledge.objects.all()
    )


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_a_good_csv_creates_the_pledge_with_everything_it_carries(reference_data, bom):
    preview = import_file(csv_bytes([pledge_row()], bom=bom), "pledges.csv", dry_run=False)

    assert not preview.refused
    assert preview.counts["create"] == 1
    pledge = Pledge.objects.get(grf_reference="GRF-0001")
    assert pledge.title_ja == "難民の大学進学支援"
    assert pledge.title_en == "University places for refugees"
    assert pledge.lead_organization == reference_data["lead"]
    assert list(pledge.co_organizations.all()) == [reference_data["co"]]  # by Japanese name
    assert sorted(o.number for o in pledge.objectives.all()) == [2, 3]
    assert [a.slug for a in pledge.focus_areas.all()] == ["education"]  # by English name
    assert [t.slug for t in pledge.contribution_types.all()] == ["financial"]  # by slug
    assert pledge.multi_stakeholder_pledge_url == "https://example.org/msp/15"
    assert pledge.source_citation == "UNHCR pledge record"
    indicator = pledge.indicators.get()
    assert (indicator.name_ja, indicator.unit, indicator.target) == (
        "在籍学生数",
        "people",
        Decimal("50.00"),
    )


def test_names_in_japanese_are_found_too(reference_data):
    row = pledge_row(
        lead_organization="デモNGO", focus_areas="雇用と生計", contribution_types="技術"
    )
    import_file(csv_bytes([row]), "pledges.csv", dry_run=False)

    pledge = Pledge.objects.get()
    assert pledge.lead_organization == reference_data["lead"]
    assert [a.slug for a in pledge.focus_areas.all()] == ["jobs"]
    assert [t.slug for t in pledge.contribution_types.all()] == ["technical"]


def test_an_xlsx_workbook_imports_like_csv(reference_data):
    data = xlsx_bytes(
        {
            "pledges": [
                pledge_row(),
                pledge_row(grf_id="GRF-0002", title_en="Second", title_ja="二つ目"),
            ]
        }
    )
    preview = import_file(data, "pledges.xlsx", dry_run=False)

    assert preview.counts["create"] == 2
    assert Pledge.objects.count() == 2


def test_the_preview_writes_nothing(reference_data):
    preview = import_file(csv_bytes([pledge_row()]), "pledges.csv", dry_run=True)

    assert preview.counts["create"] == 1
    assert not Pledge.objects.exists()
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "column", "reason"),
    [
        ({"objectives": "2; 7"}, "objectives", "“7” is not a GCR objective number"),
        (
            {"lead_organization": "nobody"},
            "lead_organization",
            "No organization has the slug or name “nobody”",
        ),
        ({"co_organizations": "demo-ngo; ghost"}, "co_organizations", "“ghost”"),
        ({"focus_areas": "astronomy"}, "focus_areas", "No area of focus"),
        ({"indicator_1_target": "fifty"}, "indicator_1_target", "“fifty” is not a number"),
        ({"indicator_1_unit": "kilograms"}, "indicator_1_unit", "“kilograms” is not one of"),
        ({"forum": "2021"}, "forum", "“2021” is not one of"),
        ({"source_url": "example.org"}, "source_url", "not a web address"),
        ({"title_en": "", "title_ja": ""}, "title_en", "Japanese or in English"),
        ({"countries": "JO; Narnia"}, "countries", "“Narnia” is not a country"),
        ({"start_date": "2024-04-01", "end_date": "2023-03-31"}, "end_date", "cannot end before"),
        ({"end_date": "31/12/2027"}, "end_date", "not a date written YYYY-MM-DD"),
        ({"target_date": "2027-12"}, "target_date", "not a date written YYYY-MM-DD"),
        (
            {"start_date": "2024-04-01", "target_date": "2023-03-31"},
            "end_date",
            "cannot end before",
        ),
        ({"objectives": ""}, "objectives", "Name at least one"),
    ],
)
def test_a_refused_row_is_named_with_its_column_and_nothing_is_written(
    reference_data, overrides, column, reason
):
    good = pledge_row(grf_id="GRF-0009", title_en="A good one", title_ja="良いもの")
    headers = list(dict.fromkeys([*good, *overrides]))
    data = csv_bytes([good, pledge_row(**overrides)], headers=headers)

    preview = import_file(data, "pledges.csv", dry_run=False)

    assert preview.refused
    refused = [row for row in preview.rows if row.action == "refused"]
    assert [row.line for row in refused] == [3]
    assert any(c == column and reason in m for c, m in refused[0].reasons), refused[0].reasons
    assert not Pledge.objects.exists()  # not even the good row


def test_a_grf_id_twice_in_the_file_is_refused(reference_data):
    rows = [pledge_row(), pledge_row(title_en="Another", title_ja="別のもの")]

    preview = import_file(csv_bytes(rows), "pledges.csv", dry_run=False)

    refused = [row for row in preview.rows if row.action == "refused"]
    assert refused[0].line == 3
    assert refused[0].reasons[0][0] == "grf_id"
    assert "Duplicate: row 2" in refused[0].reasons[0][1]
    assert not Pledge.objects.exists()


def test_re_importing_an_edited_file_changes_only_what_changed(reference_data):
    rows = [pledge_row(), pledge_row(grf_id="GRF-0002", title_en="Second", title_ja="二つ目")]
    import_file(csv_bytes(rows), "pledges.csv", dry_run=False)
    untouched = Pledge.objects.get(grf_reference="GRF-0002")

    rows[0]["indicator_1_target"] = "80"
    rows[0]["objectives"] = "3"
    preview = import_file(csv_bytes(rows), "pledges.csv", dry_run=False)

    assert preview.counts == {"create": 0, "update": 1, "unchanged": 1, "refused": 0}
    changed = next(r for r in preview.rows if r.action == "update")
    assert set(changed.changes) == {"objectives", "indicator_1"}
    edited = Pledge.objects.get(grf_reference="GRF-0001")
    assert [o.number for o in edited.objectives.all()] == [3]
    assert edited.indicators.get().target == Decimal("80.00")  # the same indicator, updated
    assert Pledge.objects.get(pk=untouched.pk).updated_at == untouched.updated_at


def test_a_row_without_grf_id_updates_the_pledge_with_the_same_title(reference_data):
    existing = PledgeFactory(
        title_en="University places for refugees", lead_organization=reference_data["lead"]
    )

    preview = import_file(csv_bytes([pledge_row(grf_id="")]), "pledges.csv", dry_run=False)

    assert preview.counts["update"] == 1
    existing.refresh_from_db()
    assert existing.title_ja == "難民の大学進学支援"


def test_the_command_prints_the_preview_and_writes_nothing_on_a_dry_run(
    reference_data, tmp_path, capsys
):
    path = tmp_path / "pledges.csv"
    path.write_bytes(csv_bytes([pledge_row()]))

    call_command("import_data", str(path), "--dry-run")

    out = capsys.readouterr().out
    assert "pledges, row 2: Create “University places for refugees”" in out
    assert "1 to create, 0 to update, 0 unchanged, 0 refused." in out
    assert not Pledge.objects.exists()


def test_the_command_exits_non_zero_with_the_reasons_when_a_row_is_refused(
    reference_data, tmp_path, capsys
):
    path = tmp_path / "pledges.csv"
    path.write_bytes(csv_bytes([pledge_row(objectives="9")]))

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_data", str(path))

    assert "objectives: “9” is not a GCR objective number" in capsys.readouterr().out
    assert not Pledge.objects.exists()


def test_the_command_imports(reference_data, tmp_path):
    path = tmp_path / "pledges.xlsx"
    path.write_bytes(xlsx_bytes({"pledges": [pledge_row()]}))

    call_command("import_data", str(path))

    assert Pledge.objects.filter(grf_reference="GRF-0001").exists()


def test_organizations_and_meetings_import_from_one_workbook(reference_data):
    data = xlsx_bytes(
        {
            "organizations": [
                {
                    "slug": "new-org",
                    "name_en": "New Org",
                    "name_ja": "新団体",
                    "kind": "Academia",
                    "is_active": "yes",
                }
            ],
            "meetings": [
                {
                    "number": "7",
                    "title_en": "Seventh meeting",
                    "title_ja": "第7回会合",
                    "date": "2026-03-02",
                    "format": "online",
                    "co_hosts": "new-org; デモNGO",
                    "is_published": "no",
                }
            ],
        }
    )

    preview = import_file(data, "network.xlsx", dry_run=False)

    assert not preview.refused, preview.lines()
    from meetings.models import Meeting
    from organizations.models import Organization

    assert Organization.objects.get(slug="new-org").kind == "academia"
    meeting = Meeting.objects.get(number=7)
    assert meeting.is_published is False
    assert meeting.update_deadline.isoformat() == "2026-02-16"  # two weeks before
    assert sorted(o.slug for o in meeting.co_hosts.all()) == ["demo-ngo", "new-org"]


def test_the_pledge_page_shows_what_an_import_brought(client, public_dashboard, reference_data):
    row = pledge_row(forum="Progress review, December 2025")
    import_file(csv_bytes([row]), "pledges.csv", dry_run=False)
    pledge = Pledge.objects.get()

    page = client.get(pledge.get_absolute_url()).content.decode()

    assert 'href="https://example.org/msp/15"' in page
    assert "Refugee higher education" in page
    assert "Progress review, December 2025" in page


def test_links_sources_and_cost_import_even_when_the_linked_pledge_comes_later(reference_data):
    part = pledge_row(
        grf_id="GRF-0001",
        linked_pledges="GRF-0002",
        estimated_cost="642,000,000",
        cost_currency="JPY",
        source_1_title_ja="外務省 報道発表",
        source_1_title_en="MoFA press release",
        source_1_url="https://example.org/press",
        source_2_title_en="Pledge page",
        source_2_url="https://example.org/pledge",
    )
    whole = pledge_row(grf_id="GRF-0002", title_en="The whole", title_ja="全体")

    preview = import_file(csv_bytes([part, whole]), "pledges.csv", dry_run=False)

    assert not preview.refused, preview.lines()
    pledge = Pledge.objects.get(grf_reference="GRF-0001")
    assert [p.grf_reference for p in pledge.linked_pledges.all()] == ["GRF-0002"]
    assert pledge.estimated_cost == Decimal("642000000") and pledge.cost_currency == "JPY"
    assert [(s.title_ja, s.title_en, s.url) for s in pledge.sources.all()] == [
        ("外務省 報道発表", "MoFA press release", "https://example.org/press"),
        ("", "Pledge page", "https://example.org/pledge"),
    ]


def test_a_linked_pledge_that_is_nowhere_is_refused(reference_data):
    preview = import_file(
        csv_bytes([pledge_row(linked_pledges="GRF-9999")]), "pledges.csv", dry_run=False
    )

    assert preview.rows[0].reasons == [
        ("linked_pledges", "No pledge has the GRF id or title “GRF-9999”.")
    ]
    assert not Pledge.objects.exists()


def test_countries_and_dates_import_by_code_or_by_name_in_either_language(reference_data):
    row = pledge_row(
        countries="jo; Uganda; ザンビア", start_date="2024-04-01", end_date="2027-12-31"
    )

    import_file(csv_bytes([row]), "pledges.csv", dry_run=False)

    pledge = Pledge.objects.get()
    assert [c.code for c in pledge.countries] == ["JO", "UG", "ZM"]
    assert (pledge.start_date.isoformat(), pledge.end_date.isoformat()) == (
        "2024-04-01",
        "2027-12-31",
    )


@pytest.mark.parametrize(
    ("end_date", "target_date", "expected"),
    [("", "2027-12-31", "2027-12-31"), ("2026-03-31", "2027-12-31", "2026-03-31")],
)
def test_a_file_exported_with_the_older_target_date_column_still_imports(
    reference_data, end_date, target_date, expected
):
    """``target_date`` was the end date's older name: its value fills an empty end date."""
    row = pledge_row(end_date=end_date, target_date=target_date)

    preview = import_file(csv_bytes([row]), "pledges.csv", dry_run=False)

    assert not preview.rows[0].reasons
    assert Pledge.objects.get().end_date.isoformat() == expected


def test_a_file_without_the_countries_column_keeps_the_pledges_countries(reference_data):
    import_file(csv_bytes([pledge_row(countries="JP")]), "pledges.csv", dry_run=False)

    preview = import_file(csv_bytes([pledge_row()]), "pledges.csv", dry_run=False)

    assert preview.counts["update"] == 0
    assert [c.code for c in Pledge.objects.get().countries] == ["JP"]
