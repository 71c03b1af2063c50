"""factory-boy factories mirroring the models. Made-up names say "Demo"."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.secretariat import SECRETARIAT_GROUP, secretariat_group_sync
from meetings.models import AgendaItem, Attendance, Meeting
from organizations.models import Membership, Organization
from pledges.models import (
    ContributionType,
    FocusArea,
    Indicator,
    IndicatorValue,
    Objective,
    Pledge,
    ProgressUpdate,
    Stage,
)

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Sequence(lambda n: f"Demo{n}")
    password = factory.django.Password(DEFAULT_PASSWORD)


class SecretariatUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"secretariat{n}")
    is_staff = True

    @factory.post_generation
    def secretariat_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(_secretariat_group())


def _secretariat_group() -> Group:
    """The migration's group, or, after a transactional test flushed the database, the
    group made again (syncing its permissions on every user cost 7 ms)."""
    group = Group.objects.filter(name=SECRETARIAT_GROUP, permissions__isnull=False).first()
    return group or secretariat_group_sync()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["slug"]

    name_en = factory.Sequence(lambda n: f"Demo Organization {n}")
    name_ja = factory.Sequence(lambda n: f"デモ団体{n}")
    slug = factory.Sequence(lambda n: f"demo-organization-{n}")
    kind = Organization.Kind.NGO


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.EDITOR


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective
        django_get_or_create = ["number"]

    number = factory.Iterator([1, 2, 3, 4])
    title_en = factory.LazyAttribute(lambda o: f"Demo objective {o.number}")
    title_ja = factory.LazyAttribute(lambda o: f"デモ目標{o.number}")


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"demo-area-{n}")
    name_en = factory.Sequence(lambda n: f"Demo area {n}")
    name_ja = factory.Sequence(lambda n: f"デモ分野{n}")


class ContributionTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContributionType
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"demo-contribution-{n}")
    name_en = factory.Sequence(lambda n: f"Demo contribution {n}")
    name_ja = factory.Sequence(lambda n: f"デモ貢献{n}")


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Demo pledge {n}")
    title_ja = factory.Sequence(lambda n: f"デモ・プレッジ{n}")
    description_en = "A made-up pledge for tests."
    description_ja = "テスト用の架空のプレッジ。"
    lead_organization = factory.SubFactory(OrganizationFactory)
    pledged_on = datetime.date(2023, 12, 15)

    @factory.post_generation
    def objectives(pledge, create, extracted, **kwargs):
        if create:
            pledge.objectives.set(extracted or [ObjectiveFactory(number=1)])

    @factory.post_generation
    def co_organizations(pledge, create, extracted, **kwargs):
        if create and extracted:
            pledge.co_organizations.set(extracted)

    @factory.post_generation
    def focus_areas(pledge, create, extracted, **kwargs):
        if create and extracted:
            pledge.focus_areas.set(extracted)

    @factory.post_generation
    def contribution_types(pledge, create, extracted, **kwargs):
        if create and extracted:
            pledge.contribution_types.set(extracted)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    pledge = factory.SubFactory(PledgeFactory)
    name_en = factory.Sequence(lambda n: f"Demo indicator {n}")
    name_ja = factory.Sequence(lambda n: f"デモ指標{n}")
    unit = Indicator.Unit.PEOPLE
    target = 100


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """A draft by default; ``published=True`` makes a published one without the services."""

    class Meta:
        model = ProgressUpdate

    pledge = factory.SubFactory(PledgeFactory)
    organization = factory.LazyAttribute(lambda u: u.pledge.lead_organization)
    author = factory.SubFactory(UserFactory)
    stage = Stage.IN_PROGRESS
    progress = 50
    achievements = "Demo: what was done."
    state = ProgressUpdate.State.DRAFT

    class Params:
        published = factory.Trait(
            state=ProgressUpdate.State.PUBLISHED,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
        submitted = factory.Trait(
            state=ProgressUpdate.State.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    update = factory.SubFactory(ProgressUpdateFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    value = 10


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.LazyAttribute(lambda m: f"Demo network meeting {m.number}")
    title_ja = factory.LazyAttribute(lambda m: f"デモ会合{m.number}")
    date = factory.Sequence(lambda n: datetime.date(2024, 9, 11) + datetime.timedelta(days=180 * n))
    update_deadline = factory.LazyAttribute(lambda m: m.date - datetime.timedelta(days=14))
    venue_en = "Demo venue, Tokyo"
    format = Meeting.Format.IN_PERSON

    @factory.post_generation
    def co_hosts(meeting, create, extracted, **kwargs):
        if create and extracted:
            meeting.co_hosts.set(extracted)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n)
    title_en = factory.Sequence(lambda n: f"Demo agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    organization = factory.SubFactory(OrganizationFactory)
