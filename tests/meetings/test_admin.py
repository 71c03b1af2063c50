"""The secretariat's meeting admin: bad input refused beside the field, agenda copying."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, AgendaItemPledge, Attendance, Meeting
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    MeetingFactory,
    OrganizationFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, secretariat):
    client.force_login(secretariat)
    return client


def _meeting_payload(**overrides):
    payload = {
        "kind": "network",
        "number": "3",
        "title_ja": "第3回会合",
        "title_en": "Third meeting",
        "date": "2025-10-20",
        "start_time": "",
        "end_time": "",
        "venue_ja": "",
        "venue_en": "UN House",
        "format": "in_person",
        "update_deadline": "",
        "is_published": "on",
        "summary_ja": "",
        "summary_en": "",
        "source_url": "",
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
        "attendances-TOTAL_FORMS": "0",
        "attendances-INITIAL_FORMS": "0",
    }
    payload.update(overrides)
    return payload


def _errors(response):
    return response.context["adminform"].form.errors


def test_a_new_meeting_gets_a_deadline_two_weeks_before_it(admin_client):
    response = admin_client.post(reverse("admin:meetings_meeting_add"), _meeting_payload())
    assert response.status_code == 302
    assert Meeting.objects.get(number=3).update_deadline == datetime.date(2025, 10, 6)


def test_a_meeting_number_already_used_is_refused_beside_the_field(admin_client):
    MeetingFactory(number=3, date=datetime.date(2025, 4, 30))
    response = admin_client.post(reverse("admin:meetings_meeting_add"), _meeting_payload())
    assert response.status_code == 200
    assert _errors(response)["number"] == ["A meeting with this number exists."]
    assert 'value="Third meeting"' in response.content.decode()  # what was typed is kept
    assert Meeting.objects.count() == 1


def test_a_second_meeting_on_the_same_date_is_refused_beside_the_field(admin_client):
    MeetingFactory(number=2, date=datetime.date(2025, 10, 20))
    response = admin_client.post(reverse("admin:meetings_meeting_add"), _meeting_payload())
    assert _errors(response)["date"] == ["Another meeting is on this date."]
    assert Meeting.objects.count() == 1


def test_a_deadline_after_the_meeting_is_refused_beside_the_field(admin_client):
    response = admin_client.post(
        reverse("admin:meetings_meeting_add"), _meeting_payload(update_deadline="2025-10-21")
    )
    assert _errors(response)["update_deadline"] == [
        "The update deadline must not be after the meeting."
    ]
    assert not Meeting.objects.exists()


def test_changing_an_existing_meeting_badly_keeps_what_was_saved(admin_client):
    meeting = MeetingFactory(number=3, date=datetime.date(2025, 10, 20))
    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        _meeting_payload(title_en="Renamed", update_deadline="2025-11-01"),
    )
    assert "update_deadline" in _errors(response)
    meeting.refresh_from_db()
    assert meeting.title_en == "Demo network meeting 3"
    assert meeting.update_deadline == datetime.date(2025, 10, 6)


def test_an_agenda_item_citing_a_pledge_twice_is_refused_beside_the_row(admin_client):
    item = AgendaItemFactory(title_en="Progress updates")
    pledge = PledgeFactory(title_en="Music Brings Us Together")
    payload = {
        "meeting": item.meeting.pk,
        "order": "1",
        "title_ja": "",
        "title_en": "Progress updates",
        "presenter": "",
        "agendaitempledge_set-TOTAL_FORMS": "2",
        "agendaitempledge_set-INITIAL_FORMS": "0",
        "agendaitempledge_set-0-pledge": pledge.pk,
        "agendaitempledge_set-1-pledge": pledge.pk,
    }
    response = admin_client.post(
        reverse("admin:meetings_agendaitem_change", args=[item.pk]), payload
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "This agenda item already cites “Music Brings Us Together”: list each pledge once." in html
    )
    assert not AgendaItemPledge.objects.exists()


def test_an_organization_listed_twice_as_attending_is_refused(admin_client):
    meeting = MeetingFactory(number=3, date=datetime.date(2025, 10, 20))
    organization = OrganizationFactory(name_en="UNHCR Japan")
    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        _meeting_payload(
            **{
                "attendances-TOTAL_FORMS": "2",
                "attendances-0-organization": organization.pk,
                "attendances-1-organization": organization.pk,
            }
        ),
    )
    assert response.status_code == 200
    assert "UNHCR Japan is already listed as attending this meeting." in response.content.decode()
    assert not Attendance.objects.exists()


def test_copy_agenda_action_copies_the_previous_meetings_agenda(admin_client):
    unhcr = OrganizationFactory(name_en="UNHCR Japan")
    previous = MeetingFactory(number=1, date=datetime.date(2025, 4, 30))
    opening = AgendaItemFactory(
        meeting=previous, order=1, title_en="Opening remarks", title_ja="開会挨拶", presenter=unhcr
    )
    updates = AgendaItemFactory(meeting=previous, order=2, title_en="Progress updates")
    pledge = PledgeFactory()
    updates.pledges.add(pledge)
    AttendanceFactory(meeting=previous)
    meeting = MeetingFactory(number=2, date=datetime.date(2025, 10, 20))

    response = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "copy_previous_agenda", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert "2 agenda items copied to" in response.content.decode()
    copied = list(meeting.agenda_items.order_by("order"))
    assert [(i.title_en, i.title_ja, i.presenter) for i in copied] == [
        ("Opening remarks", "開会挨拶", unhcr),
        ("Progress updates", None, None),
    ]
    assert list(copied[1].pledges.all()) == [pledge]
    assert opening.meeting == previous and previous.agenda_items.count() == 2


def test_copy_agenda_refuses_a_meeting_that_has_an_agenda_or_no_predecessor(admin_client):
    first = MeetingFactory(number=1, date=datetime.date(2025, 4, 30))
    AgendaItemFactory(meeting=first)
    second = MeetingFactory(number=2, date=datetime.date(2025, 10, 20))
    AgendaItemFactory(meeting=second, title_en="Already planned")

    response = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "copy_previous_agenda", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "has no previous meeting to copy an agenda from." in html
    assert "already has an agenda; nothing was copied." in html
    assert AgendaItem.objects.count() == 2


def test_secretariat_sees_the_reminders_sent_but_cannot_add_them(admin_client):
    assert admin_client.get(reverse("admin:meetings_remindersent_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:meetings_remindersent_add")).status_code == 403


def test_both_inlines_check_uniqueness_with_one_formset_class():
    from meetings.admin import AgendaItemPledgeInline, AttendanceInline, UniquePerParentFormSet

    assert issubclass(AttendanceInline.formset, UniquePerParentFormSet)
    assert issubclass(AgendaItemPledgeInline.formset, UniquePerParentFormSet)
    assert AttendanceInline.formset.unique_field == "organization"
    assert AgendaItemPledgeInline.formset.unique_field == "pledge"


def test_a_repeated_attendance_row_marked_for_deletion_is_not_refused(admin_client):
    meeting = MeetingFactory(number=3, date=datetime.date(2025, 10, 20))
    organization = OrganizationFactory(name_en="UNHCR Japan")
    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        _meeting_payload(
            **{
                "attendances-TOTAL_FORMS": "2",
                "attendances-0-organization": organization.pk,
                "attendances-1-organization": organization.pk,
                "attendances-1-DELETE": "on",
            }
        ),
    )
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("organization__name_en", flat=True)) == [
        "UNHCR Japan"
    ]


def test_an_event_without_a_number_is_saved_and_a_numbered_one_refused(admin_client):
    from meetings.models import Meeting

    response = admin_client.post(
        reverse("admin:meetings_meeting_add"),
        _meeting_payload(kind="event", number="", title_en="GRF Symposium"),
    )
    assert response.status_code == 302
    assert Meeting.objects.get(title_en="GRF Symposium").number is None

    response = admin_client.post(
        reverse("admin:meetings_meeting_add"),
        _meeting_payload(kind="event", number="7", date="2025-11-01"),
    )
    assert response.status_code == 200
    assert "Only network meetings are numbered" in str(response.context["adminform"].form.errors)

    response = admin_client.post(
        reverse("admin:meetings_meeting_add"),
        _meeting_payload(kind="network", number="", date="2025-11-02"),
    )
    assert "A network meeting needs a number." in str(response.context["adminform"].form.errors)
