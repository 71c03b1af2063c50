import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pledges.models import Objective, Pledge, ProgressUpdate
from tests.factories import PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def test_progress_over_100_is_refused_by_the_database():
    update = ProgressUpdateFactory(progress=40)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdate.objects.filter(pk=update.pk).update(progress=101)
    update.refresh_from_db()
    assert update.progress == 40


def test_progress_over_100_fails_validation_with_a_message():
    update = ProgressUpdateFactory.build(pledge=PledgeFactory(), progress=101)
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "progress" in error.value.message_dict


def test_progress_may_be_left_empty_as_in_unhcrs_own_form():
    update = ProgressUpdateFactory(progress=None)
    update.full_clean()
    assert update.progress is None


def test_duplicate_grf_reference_is_refused():
    PledgeFactory(grf_reference="GRF-12345")
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeFactory(grf_reference="GRF-12345")
    assert Pledge.objects.filter(grf_reference="GRF-12345").count() == 1


def test_duplicate_grf_reference_fails_validation_with_a_message():
    PledgeFactory(grf_reference="GRF-777")
    duplicate = PledgeFactory.build(
        grf_reference="GRF-777", lead_organization=PledgeFactory().lead_organization
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Another pledge already has this GRF reference." in str(error.value)


def test_pledges_without_grf_reference_do_not_collide():
    PledgeFactory(grf_reference="")
    PledgeFactory(grf_reference="")
    assert Pledge.objects.filter(grf_reference="").count() == 2


def test_objective_numbers_are_one_to_four():
    with pytest.raises(IntegrityError), transaction.atomic():
        Objective.objects.create(number=5, title_en="A fifth objective")


def test_published_update_must_have_a_publication_time():
    update = ProgressUpdateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdate.objects.filter(pk=update.pk).update(state="published", published_at=None)


def test_links_must_be_http_addresses():
    update = ProgressUpdateFactory.build(
        pledge=PledgeFactory(), links="https://example.org/report\njavascript:alert(1)"
    )
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "links" in error.value.message_dict


def test_involving_counts_a_co_pledged_pledge_once():
    pledge = PledgeFactory()
    organization = pledge.lead_organization
    pledge.co_organizations.add(organization)
    assert list(Pledge.objects.involving(organization)) == [pledge]
