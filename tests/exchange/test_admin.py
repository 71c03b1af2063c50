"""Imports in the admin: upload, preview, confirm; only the secretariat."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pledges.models import Pledge
from tests.factories import PledgeFactory, ProgressUpdateFactory, UserFactory

from .conftest import csv_bytes, pledge_row, xlsx_bytes

IMPORT_URL = "admin:pledges_pledge_import"


def _upload(client, data, name="pledges.csv"):
    return client.post(
        reverse(IMPORT_URL),
        {"format": "0", "resource": "0", "import_file": SimpleUploadedFile(name, data)},
    )


def test_the_preview_lists_rows_to_create_and_writes_nothing(client, secretariat, reference_data):
    client.force_login(secretariat)

    response = _upload(client, csv_bytes([pledge_row()]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "1 to create, 0 to update, 0 unchanged, 0 refused." in page
    assert "University places for refugees" in page
    assert "Confirm import" in page
    assert not Pledge.objects.exists()


def test_confirming_the_preview_imports_the_file(client, secretariat, reference_data):
    client.force_login(secretariat)
    preview = _upload(client, xlsx_bytes({"pledges": [pledge_row()]}), "pledges.xlsx")
    confirm = preview.context["confirm_form"]

    response = client.post(
        reverse("admin:pledges_pledge_process_import"),
        {name: confirm.initial[name] for name in confirm.fields},
        follow=True,
    )

    assert response.status_code == 200
    pledge = Pledge.objects.get(grf_reference="GRF-0001")
    assert sorted(o.number for o in pledge.objectives.all()) == [2, 3]
    assert pledge.indicators.count() == 1


def test_the_file_waits_in_the_shared_import_storage_between_preview_and_confirmation(
    client, secretariat, reference_data
):
    """Several app machines: the confirmation may reach another machine than the preview,
    so the file waits in the configured storage (a shared bucket in production), not in a
    machine's temporary folder; the confirmed import deletes it."""
    from django.core.files.storage import storages

    client.force_login(secretariat)
    preview = _upload(client, csv_bytes([pledge_row()]))
    confirm = preview.context["confirm_form"]
    stored = storages["import_export"]
    waiting = f"django-import-export/{confirm.initial['import_file_name']}"
    assert stored.exists(waiting)

    client.post(
        reverse("admin:pledges_pledge_process_import"),
        {name: confirm.initial[name] for name in confirm.fields},
    )

    assert Pledge.objects.filter(grf_reference="GRF-0001").exists()
    assert not stored.exists(waiting)


def test_a_refused_row_shows_its_reason_and_offers_no_confirmation(
    client, secretariat, reference_data
):
    client.force_login(secretariat)

    response = _upload(client, csv_bytes([pledge_row(), pledge_row(grf_id="X", objectives="5")]))

    page = response.content.decode()
    assert "Nothing can be imported yet" in page
    assert "“5” is not a GCR objective number (1 to 4)." in page
    assert "<code>objectives</code>" in page
    assert "Confirm import" not in page
    assert not Pledge.objects.exists()


def test_an_unreadable_file_is_said_beside_the_field(client, secretariat, reference_data):
    client.force_login(secretariat)

    response = _upload(client, csv_bytes([pledge_row()], bom=False, encoding="cp932"))

    assert "Shift_JIS" in response.content.decode()
    assert not Pledge.objects.exists()


def test_a_file_that_is_not_a_table_is_refused_by_its_name(client, secretariat, reference_data):
    client.force_login(secretariat)

    response = _upload(client, b"%PDF-1.7", "minutes.pdf")

    assert "neither CSV nor an Excel workbook" in response.content.decode()


def test_a_missing_column_is_named_in_the_preview(client, secretariat, reference_data):
    client.force_login(secretariat)
    row = pledge_row()
    del row["objectives"]

    response = _upload(client, csv_bytes([row]))

    assert "The column “objectives” is missing: it is required." in response.content.decode()
    assert "Confirm import" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "admin:pledges_pledge_import",
        "admin:organizations_organization_import",
        "admin:meetings_meeting_import",
    ],
)
def test_staff_outside_the_secretariat_cannot_import(client, db, url):
    it_admin = UserFactory(is_staff=True, is_superuser=False)
    client.force_login(it_admin)

    assert client.get(reverse(url)).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "admin:pledges_pledge_import",
        "admin:organizations_organization_import",
        "admin:meetings_meeting_import",
    ],
)
def test_the_secretariat_sees_the_import_pages(client, secretariat, url):
    client.force_login(secretariat)

    response = client.get(reverse(url))

    assert response.status_code == 200
    assert "CSV or Excel (.xlsx)" in response.content.decode()


def test_the_pledge_list_in_the_admin_offers_import_and_exports(
    client, secretariat, reference_data
):
    PledgeFactory()
    client.force_login(secretariat)

    page = client.get(reverse("admin:pledges_pledge_changelist")).content.decode()

    assert reverse(IMPORT_URL) in page
    assert "export_pledges_xlsx" in page
    assert "export_updates_csv" in page


def test_the_admin_exports_selected_pledges_and_their_published_updates(
    client, secretariat, reference_data
):
    pledge = PledgeFactory(title_en="Exported pledge")
    ProgressUpdateFactory(pledge=pledge, published=True, achievements="Published text")
    ProgressUpdateFactory(pledge=pledge, achievements="Draft text")
    client.force_login(secretariat)
    changelist = reverse("admin:pledges_pledge_changelist")

    pledges = client.post(
        changelist, {"action": "export_pledges_csv", "_selected_action": [pledge.pk]}
    )
    updates = client.post(
        changelist, {"action": "export_updates_json", "_selected_action": [pledge.pk]}
    )

    assert pledges["Content-Type"].startswith("text/csv")
    assert "Exported pledge" in pledges.content.decode("utf-8-sig")
    assert "Published text" in updates.content.decode()
    assert "Draft text" not in updates.content.decode()


def test_the_admin_reads_the_sheet_named_after_the_table(client, secretariat, reference_data):
    client.force_login(secretariat)
    workbook = xlsx_bytes({"notes": [{"x": "1"}], "pledges": [pledge_row()]})

    response = _upload(client, workbook, "network.xlsx")

    assert "1 to create" in response.content.decode()
