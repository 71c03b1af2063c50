"""Evidence files on updates: what is accepted, how it is named, how many, who downloads it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pledges import evidence
from pledges.models import Attachment, ProgressUpdate
from tests.factories import (
    MembershipFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)
from tests.pledges.evidence_samples import EXECUTABLE, SAMPLES, upload
from tests.pledges.update_helpers import State, payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organization):
    return PledgeFactory(lead_organization=organization, title_en="Jobs for refugees")


def _attach(update, name="report.pdf"):
    return evidence.attachments_change(update=update, add=[evidence.check_upload(upload(name))])[0]


# What a file may be -----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_allowed_kind_is_accepted_by_its_content(name):
    checked = evidence.check_upload(upload(name))
    assert checked.name == name
    assert checked.content_type == evidence.ALLOWED[name.rsplit(".", 1)[1]]


@pytest.mark.parametrize("name", ["report.pdf", "photo.png", "minutes.docx", "minutes.doc"])
def test_a_renamed_executable_is_refused(name):
    with pytest.raises(ValidationError) as error:
        evidence.check_upload(upload(name, EXECUTABLE))
    assert "is not what its name says" in str(error.value)


def test_a_pdf_renamed_to_an_image_is_refused():
    with pytest.raises(ValidationError):
        evidence.check_upload(upload("photo.png", SAMPLES["report.pdf"]))


def test_a_zip_renamed_to_a_word_file_is_refused():
    with pytest.raises(ValidationError):
        evidence.check_upload(upload("minutes.docx", SAMPLES["figures.xlsx"]))


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "drawing.svg", "archive.zip", "noext"])
def test_other_kinds_are_refused_by_their_extension(name):
    with pytest.raises(ValidationError) as error:
        evidence.check_upload(upload("report.pdf", SAMPLES["report.pdf"]).__class__(name, b"x"))
    assert "not a kind of file you can attach" in str(error.value)


def test_a_file_over_10_mb_is_refused():
    big = SAMPLES["report.pdf"] + b"0" * (10 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        evidence.check_upload(upload("report.pdf", big))
    assert "at most 10.0" in str(error.value)


@pytest.mark.parametrize(
    ("original", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\me\\年次報告 2024.PDF", "年次報告_2024.pdf"),
        ('<script>alert("x")</script>.pdf', "script.pdf"),  # a slash ends a folder name
        ("...pdf", "evidence.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
        ("report\r\nSet-Cookie: x.pdf", "reportSet-Cookie_x.pdf"),
    ],
)
def test_file_names_are_made_safe(original, safe):
    assert evidence.safe_name(original, "pdf") == safe


# Through the update form ---------------------------------------------------------------------


def test_focal_point_attaches_files_to_a_new_update(client, editor, pledge):
    client.force_login(editor)
    response = client.post(
        reverse("pledges:update_create", kwargs={"pk": pledge.pk}),
        {**payload(), "evidence": [upload("report.pdf"), upload("photo.jpg")]},
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(pledge=pledge)
    assert sorted(a.name for a in update.attachments.all()) == ["photo.jpg", "report.pdf"]
    stored = update.attachments.get(name="report.pdf")
    assert stored.uploaded_by == editor
    assert stored.file.read() == SAMPLES["report.pdf"]


def test_a_refused_file_is_explained_beside_the_field_and_nothing_is_saved(client, editor, pledge):
    client.force_login(editor)
    response = client.post(
        reverse("pledges:update_create", kwargs={"pk": pledge.pk}),
        {**payload(), "evidence": [upload("report.pdf", EXECUTABLE)]},
    )
    assert response.status_code == 200
    assert "is not what its name says" in response.content.decode()
    assert not ProgressUpdate.objects.exists()
    assert not Attachment.objects.exists()


def test_at_most_five_files_per_update(client, editor, pledge):
    update = ProgressUpdateFactory(pledge=pledge)
    for _ in range(4):
        _attach(update)
    client.force_login(editor)
    response = client.post(
        reverse("pledges:update_edit", kwargs={"pk": update.pk}),
        {
            **payload(),
            "version": update.version,
            "evidence": [upload("photo.png"), upload("chart.gif")],
        },
    )
    assert response.status_code == 200
    assert "at most 5 files" in response.content.decode()
    assert update.attachments.count() == 4


def test_removing_one_makes_room_for_another(client, editor, pledge):
    update = ProgressUpdateFactory(pledge=pledge)
    files = [_attach(update) for _ in range(5)]
    client.force_login(editor)
    response = client.post(
        reverse("pledges:update_edit", kwargs={"pk": update.pk}),
        {
            **payload(),
            "version": update.version,
            "remove_evidence": [files[0].pk],
            "evidence": [upload("slides.pptx")],
        },
    )
    assert response.status_code == 302
    assert sorted(a.name for a in update.attachments.all()) == ["report.pdf"] * 4 + ["slides.pptx"]


def test_the_service_refuses_a_sixth_file(pledge):
    update = ProgressUpdateFactory(pledge=pledge)
    for _ in range(5):
        _attach(update)
    with pytest.raises(evidence.TooManyFiles):
        _attach(update)


# Who may download ----------------------------------------------------------------------------

ROLES = ["anonymous", "plain_user", "outsider", "viewer", "editor", "secretariat"]
# Not published: the reporting organization (any role) and the secretariat; everyone else 404.
UNPUBLISHED = {"anonymous": 404, "plain_user": 404, "outsider": 404, "viewer": 200,
               "editor": 200, "secretariat": 200}  # fmt: skip


def _user(role, organization):
    if role == "anonymous":
        return None
    if role == "plain_user":
        return UserFactory()
    if role == "secretariat":
        return SecretariatUserFactory()
    if role == "outsider":
        return MembershipFactory(role="editor").user
    return MembershipFactory(organization=organization, role=role).user


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_updates_file_is_the_organizations_and_the_secretariats(
    client, settings, pledge, organization, state, role
):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    attachment = _attach(ProgressUpdateFactory(pledge=pledge, state=state))
    user = _user(role, organization)
    if user:
        client.force_login(user)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == UNPUBLISHED[role]


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("role", ROLES)
def test_a_published_updates_file_is_for_whoever_reads_the_pledge(
    client, settings, pledge, organization, role, public
):
    settings.GRFNET_PUBLIC_DASHBOARD = public
    attachment = _attach(ProgressUpdateFactory(pledge=pledge, published=True))
    user = _user(role, organization)
    if user:
        client.force_login(user)
    response = client.get(attachment.get_absolute_url())
    if role == "anonymous" and not public:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 200


def test_a_file_is_a_download_that_browsers_must_not_sniff(client, public_dashboard, pledge):
    update = ProgressUpdateFactory(pledge=pledge, published=True)
    attachment = evidence.attachments_change(
        update=update, add=[evidence.check_upload(upload("photo.png"))]
    )[0]
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Disposition"] == 'attachment; filename="photo.png"'
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == SAMPLES["photo.png"]


def test_a_japanese_file_name_survives_the_download(client, public_dashboard, pledge):
    update = ProgressUpdateFactory(pledge=pledge, published=True)
    attachment = evidence.attachments_change(
        update=update,
        add=[
            evidence.check_upload(
                upload("report.pdf").__class__("年次報告.pdf", SAMPLES["report.pdf"])
            )
        ],
    )[0]
    response = client.get(attachment.get_absolute_url())
    assert (
        "filename*=utf-8''%E5%B9%B4%E6%AC%A1%E5%A0%B1%E5%91%8A.pdf"
        in response["Content-Disposition"]
    )


def test_an_unpublished_file_is_not_cached(client, editor, pledge):
    attachment = _attach(ProgressUpdateFactory(pledge=pledge, state=State.DRAFT))
    client.force_login(editor)
    assert client.get(attachment.get_absolute_url())["Cache-Control"] == "private, no-store"


def test_a_file_that_is_gone_from_storage_is_a_404(client, editor, pledge):
    attachment = _attach(ProgressUpdateFactory(pledge=pledge))
    attachment.file.storage.delete(attachment.file.name)
    client.force_login(editor)
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_the_review_queue_lists_a_submitted_updates_files(client, secretariat, pledge):
    update = ProgressUpdateFactory(pledge=pledge, submitted=True)
    attachment = _attach(update)
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert f'href="{attachment.get_absolute_url()}"' in html
    assert "report.pdf" in html


def test_the_admin_lists_an_updates_files_read_only(client, pledge):
    update = ProgressUpdateFactory(pledge=pledge, published=True)
    attachment = _attach(update)
    client.force_login(SecretariatUserFactory())
    html = client.get(
        reverse("admin:pledges_progressupdate_change", args=[update.pk])
    ).content.decode()
    assert f'<a href="{attachment.get_absolute_url()}">report.pdf</a>' in html
