import pytest
from django.db import IntegrityError, transaction

from organizations.models import Membership, Organization
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_user_cannot_hold_two_memberships_in_one_organization():
    membership = MembershipFactory(role="editor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=membership.user, organization=membership.organization, role="viewer"
        )
    assert Membership.objects.filter(user=membership.user).count() == 1


def test_a_user_may_belong_to_several_organizations():
    user = UserFactory()
    MembershipFactory(user=user)
    MembershipFactory(user=user, role="viewer")
    assert Organization.objects.filter(memberships__user=user).count() == 2
    assert Organization.objects.edited_by(user).count() == 1


def test_membership_role_outside_the_choices_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=UserFactory(), organization=OrganizationFactory(), role="owner"
        )


def test_organization_slug_is_unique():
    OrganizationFactory(slug="welcome")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name_en="Another", slug="welcome", kind="ngo")
