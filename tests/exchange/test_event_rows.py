"""Meetings tables carry each row's kind: other events have no number and are found by date."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Meeting

pytestmark = pytest.mark.django_db

HEADER = "number,kind,title_en,date,format,is_published\n"


def _import(tmp_path, rows: str):
    path = tmp_path / "meetings.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    call_command("import_data", str(path), verbosity=0)


def test_an_event_row_without_a_number_is_imported_and_found_again_by_its_date(tmp_path):
    _import(tmp_path, ",event,GRF Symposium,2023-05-31,in_person,yes\n")
    _import(tmp_path, ",event,GRF Symposium (renamed),2023-05-31,in_person,yes\n")
    event = Meeting.objects.get()
    assert (event.kind, event.number, event.title_en) == ("event", None, "GRF Symposium (renamed)")


def test_a_row_without_kind_is_a_network_meeting_and_needs_its_number(tmp_path):
    with pytest.raises(CommandError):
        _import(tmp_path, ",,Third meeting,2026-05-01,in_person,yes\n")
    _import(tmp_path, "3,,Third meeting,2026-05-01,in_person,yes\n")
    assert Meeting.objects.get().kind == "network"


def test_a_numbered_event_is_refused(tmp_path):
    with pytest.raises(CommandError):
        _import(tmp_path, "4,event,Symposium,2026-06-01,in_person,yes\n")
    assert not Meeting.objects.exists()
