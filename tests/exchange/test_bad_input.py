"""Files that cannot be imported get a clear message in the user's language, and nothing
is written."""

import io
import zipfile

import pytest
from django.utils import translation

from exchange.importing import import_file
from exchange.reading import ImportRefused
from pledges.models import Pledge

from .conftest import PLEDGE_HEADERS, csv_bytes, pledge_row, xlsx_bytes


def _refusal(data: bytes, name: str = "pledges.csv") -> str:
    with pytest.raises(ImportRefused) as refusal:
        import_file(data, name, dry_run=False)
    assert not Pledge.objects.exists()
    return " ".join(refusal.value.messages)


def test_a_pdf_is_neither_csv_nor_xlsx(reference_data):
    assert "neither CSV nor an Excel workbook" in _refusal(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "report.pdf"
    )


def test_a_zip_that_is_not_a_workbook_is_refused(reference_data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.png", b"\x89PNG")
    assert "neither CSV nor an Excel workbook" in _refusal(buffer.getvalue(), "pledges.xlsx")


def test_an_old_xls_file_is_refused_with_what_to_do(reference_data):
    assert "(.xls)" in _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "pledges.xls")


def test_shift_jis_is_named(reference_data):
    data = csv_bytes([pledge_row()], bom=False, encoding="cp932")
    assert "Shift_JIS" in _refusal(data)


def test_shift_jis_is_named_in_japanese_for_a_japanese_user(reference_data):
    data = csv_bytes([pledge_row()], bom=False, encoding="cp932")
    with translation.override("ja"):
        message = _refusal(data)
    assert "Shift_JIS" in message
    assert "UTF-8" in message
    assert "The file" not in message  # it is Japanese


def test_a_missing_required_column_is_named(reference_data):
    headers = [h for h in PLEDGE_HEADERS if h != "lead_organization"]
    message = _refusal(csv_bytes([pledge_row()], headers=headers))
    assert "The column “lead_organization” is missing" in message


def test_an_unknown_column_is_named(reference_data):
    row = pledge_row() | {"titel_en": "typo"}
    assert "The column “titel_en” is not one this import knows" in _refusal(csv_bytes([row]))


@pytest.mark.parametrize(
    "data", [b"", b"\xef\xbb\xbf", b"\n\n"], ids=["empty", "bom-only", "blank"]
)
def test_an_empty_file_is_refused(reference_data, data):
    assert "The file is empty" in _refusal(data)


def test_column_names_without_rows_are_refused(reference_data):
    assert "no rows to import" in _refusal(",".join(PLEDGE_HEADERS).encode())


def test_a_file_over_five_megabytes_is_refused(reference_data):
    data = csv_bytes([pledge_row()]) + b"," * (5 * 1024 * 1024)
    assert "larger than 5 MB" in _refusal(data)


def test_a_ten_thousand_character_cell_is_refused_with_row_and_column(reference_data):
    data = csv_bytes([pledge_row(description_en="x" * 10_000)])
    message = _refusal(data)
    assert "Row 2, column “description_en”: 10,000 characters" in message


def test_a_formula_is_refused_in_csv(reference_data):
    data = csv_bytes([pledge_row(title_en='=HYPERLINK("http://evil.example","Click")')])
    assert "Row 2, column “title_en” holds a formula" in _refusal(data)


def test_a_formula_is_refused_in_xlsx(reference_data):
    data = xlsx_bytes({"pledges": [pledge_row(indicator_1_target="=SUM(1,2)")]})
    assert "column “indicator_1_target” holds a formula" in _refusal(data, "pledges.xlsx")


def test_an_escaped_formula_from_an_export_reads_back_as_text(reference_data):
    import_file(csv_bytes([pledge_row(title_en="'=1+1 is two")]), "pledges.csv", dry_run=False)
    assert Pledge.objects.get().title_en == "=1+1 is two"
