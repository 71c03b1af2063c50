"""The meeting-report PDF is built once per meeting, language and change of the published
data, kept in storage, and served from there; concurrent requests wait for one build."""

import threading

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse

from meetings import pdf, pdf_cache
from pledges import services
from tests.factories import (
    MeetingFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """Each build of a PDF (WeasyPrint replaced by a stand-in that says what it built)."""
    made = []

    def fake_report_pdf(report, *, request):
        made.append(report.meeting.number)
        return f"%PDF-fake meeting {report.meeting.number} build {len(made)}".encode()

    monkeypatch.setattr(pdf, "report_pdf", fake_report_pdf)
    return made


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(number=1)
    PledgeFactory()
    return meeting


def _get(client, language="en", method="get"):
    url = reverse("meetings:report_pdf", args=[1])
    return getattr(client, method)(url, HTTP_ACCEPT_LANGUAGE=language)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_second_request_does_not_build_again(client, public_dashboard, meeting, builds):
    first = _get(client)
    second = _get(client)

    assert builds == [1]
    assert _body(first) == _body(second) == b"%PDF-fake meeting 1 build 1"
    assert second["Content-Type"] == "application/pdf"
    assert 'filename="grfnet-meeting-1-report-en.pdf"' in second["Content-Disposition"]


def test_each_language_is_built_once(client, public_dashboard, meeting, builds):
    for language in ("ja", "en", "ja", "en"):
        assert _get(client, language).status_code == 200

    assert builds == [1, 1]


def test_a_published_update_builds_it_again(client, public_dashboard, meeting, builds):
    update = ProgressUpdateFactory()
    _get(client)
    services.update_submit(update=update)
    _get(client)
    assert builds == [1]  # a submitted update changes nothing published

    services.update_publish(update=update, reviewer=SecretariatUserFactory())
    assert _body(_get(client)) == b"%PDF-fake meeting 1 build 2"
    assert _body(_get(client)) == b"%PDF-fake meeting 1 build 2"
    assert builds == [1, 1]


def test_a_changed_meeting_builds_it_again_and_the_old_file_goes(
    client, public_dashboard, meeting, builds
):
    _get(client)
    meeting.summary_en = "Minutes added after the meeting."
    meeting.save()

    _get(client)

    assert builds == [1, 1]
    _dirs, files = pdf_cache.storage().listdir("meeting-1/en")
    assert len(files) == 2  # one PDF and its marker


def test_a_request_waits_for_the_build_under_way(client, public_dashboard, meeting, builds):
    name = pdf_cache.pdf_name(meeting)  # as the request will name it (English, this version)
    lock = f"grfnet:pdf-lock:{name}"
    assert cache.add(lock, "building")  # another process is building it

    def finish_the_other_build():
        store = pdf_cache.storage()
        store.save(name, ContentFile(b"%PDF-built elsewhere"))
        store.save(name + pdf_cache.READY, ContentFile(b"complete\n"))
        cache.delete(lock)

    timer = threading.Timer(0.5, finish_the_other_build)
    timer.start()
    try:
        response = _get(client)
    finally:
        timer.join()

    assert builds == []
    assert _body(response) == b"%PDF-built elsewhere"


def test_a_build_that_takes_too_long_answers_503_with_retry_after(
    client, public_dashboard, meeting, builds, settings
):
    settings.GRFNET_PDF_WAIT_SECONDS = 0
    cache.add(f"grfnet:pdf-lock:{pdf_cache.pdf_name(meeting)}", "building")

    response = _get(client)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "being prepared" in response.content.decode()
    assert builds == []


def test_only_get_and_head(client, public_dashboard, meeting, builds):
    assert _get(client, method="head").status_code == 200
    for method in ("post", "put", "delete", "patch"):
        assert _get(client, method=method).status_code == 405
    assert builds == [1]


def test_the_command_builds_what_is_missing_outside_requests(
    client, public_dashboard, meeting, builds
):
    from django.core.management import call_command

    call_command("build_report_pdfs", verbosity=0)
    call_command("build_report_pdfs", verbosity=0)  # nothing left to build
    assert builds == [1, 1]  # Japanese and English

    assert _body(_get(client)) == b"%PDF-fake meeting 1 build 2"
    assert builds == [1, 1]
