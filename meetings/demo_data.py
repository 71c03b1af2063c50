"""Made-up network data for demonstrations, the benchmark and the query-count tests.

Everything this module makes is labelled: organization, pledge, meeting and agenda names
start with "Demo" in both languages, user names with "demo-", slugs with "demo-". The data
follows the domain rules, so every page shows what it would show with real data:

- periods come from published meetings, one every ``MEETING_INTERVAL`` days, the last one
  upcoming;
- each pledge that has reported has ``updates_per_pledge`` published updates spread over
  the periods, their stage and progress moving forward; one pledge in ``SILENT_EVERY`` has
  no report yet;
- a pledge's ``current_stage``, ``current_progress`` and ``last_published_at``, and an
  indicator's ``actual`` and ``actual_as_of``, are those of the latest published update,
  as ``pledges.services.pledge_refresh_current_state`` would set them;
- one organization (``demo-editor-org``) leads ``EDITOR_PLEDGES`` pledges and has an editor
  (``demo-editor``) with drafts and a returned update; ``SUBMITTED`` updates of other
  organizations wait in the secretariat's review queue (``demo-secretariat``);
- the largest organization leads a tenth of the pledges.

Built with bulk inserts in chunks, so the Forum size (3,500 pledges, 1,300 organizations,
175,000 updates) takes a minute or two on PostgreSQL, not hours. Demo users get unusable
passwords: sign in as them with ``force_login`` (tests, the benchmark) or set a password in
the admin.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from accounts.secretariat import secretariat_group_sync
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
from pledges.published import published_data_changed

from .models import AgendaItem, AgendaItemPledge, Attendance, Meeting, ReminderSent

LABEL = "Demo"
EDITOR_PLEDGES = 40  # the editor's organization leads this many (the benchmark's /my/)
SUBMITTED = 50  # updates waiting in the review queue (the benchmark's /review/)
SILENT_EVERY = 20  # one pledge in 20 has no published update
MEETING_INTERVAL = 120  # days between meetings
CHUNK = 100  # pledges whose updates are built and inserted at a time

State = ProgressUpdate.State


@dataclass(frozen=True)
class DemoSize:
    organizations: int = 25
    pledges: int = 40
    updates_per_pledge: int = 3
    meetings: int = 4
    seed: int = 1


FORUM_SIZE = DemoSize(organizations=1300, pledges=3500, updates_per_pledge=50, meetings=12)


@dataclass
class DemoData:
    """What the benchmark and the tests need to find again."""

    editor: object
    secretariat: object
    editor_organization: Organization
    largest_organization: Organization
    pledge_with_most_updates: Pledge
    latest_meeting: Meeting  # the latest published meeting that has taken place
    upcoming_meeting: Meeting


class NotDemoData(Exception):
    """The database holds data that generate_demo_data did not make."""


# Words the made-up names and narratives are drawn from; search with two of them.
TOPICS = [
    ("Scholarships", "奨学金", "education"),
    ("Japanese language classes", "日本語教室", "education"),
    ("Job matching", "就労マッチング", "jobs"),
    ("Vocational training", "職業訓練", "jobs"),
    ("Legal counselling", "法律相談", "protection"),
    ("Mental health support", "心のケア", "health"),
    ("Community sponsorship", "コミュニティ・スポンサーシップ", "pathways"),
    ("Housing support", "住まいの支援", "inclusion"),
    ("Refugee-led dialogue", "難民主導の対話", "participation"),
    ("Resettlement preparation", "第三国定住の準備", "pathways"),
    ("Emergency relief", "緊急支援", "humanitarian"),
    ("Climate resilience", "気候変動への適応", "climate"),
]
PLACES = ["Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Kobe", "Sendai", "Hiroshima"]
PLACES_JA = ["東京", "大阪", "名古屋", "福岡", "札幌", "神戸", "仙台", "広島"]
ORG_WORDS = ["Sakura", "Bridge", "Harbor", "Lantern", "Compass", "Horizon", "Maple", "River"]
ORG_KINDS = [
    (Organization.Kind.NGO, 40, "Network", "ネットワーク"),
    (Organization.Kind.PRIVATE_SECTOR, 20, "Corporation", "株式会社"),
    (Organization.Kind.ACADEMIA, 10, "University", "大学"),
    (Organization.Kind.FAITH_BASED, 8, "Fellowship", "教会"),
    (Organization.Kind.LOCAL_GOVERNMENT, 8, "City", "市"),
    (Organization.Kind.REFUGEE_LED, 6, "Refugee Association", "難民協会"),
    (Organization.Kind.GOVERNMENT, 4, "Ministry", "省"),
    (Organization.Kind.UN_AGENCY, 4, "Agency", "機関"),
]
FORUMS = [(Pledge.Forum.GRF_2019, datetime.date(2019, 12, 17))] + [
    (Pledge.Forum.GRF_2023, datetime.date(2023, 12, 14))
] * 2


def other_data_present() -> bool:
    """Whether the database holds organizations, pledges or meetings not named "Demo"."""
    return (
        Organization.objects.exclude(name_en__startswith=LABEL).exists()
        or Pledge.objects.exclude(title_en__startswith=LABEL).exists()
        or Meeting.objects.exclude(title_en__startswith=LABEL).exists()
    )


def clear_network_data() -> None:
    """Delete every organization, pledge, update, meeting and demo user.

    Plain DELETE statements, leaves first: the ORM's delete would load 175,000 updates and
    write a history record for each."""
    models = [
        ReminderSent,
        AgendaItemPledge,
        AgendaItem,
        Attendance,
        Meeting.co_hosts.through,
        Meeting,
        IndicatorValue,
        ProgressUpdate.history.model,
        ProgressUpdate,
        Indicator,
        Pledge.co_organizations.through,
        Pledge.objectives.through,
        Pledge.focus_areas.through,
        Pledge.contribution_types.through,
        Pledge,
        Membership,
        Organization,
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        get_user_model().objects.filter(username__startswith="demo-").delete()


def build_demo_data(
    size: DemoSize = DemoSize(),
    *,
    progress: Callable[[int], None] | None = None,
) -> DemoData:
    """Replace the network data with ``size`` of made-up data; the same ``size`` (seed
    included) always makes the same data. ``progress(n)`` is called as each chunk of
    ``n`` pledges is written. The caller checks ``other_data_present()`` first."""
    rng = random.Random(size.seed)
    clear_network_data()
    if not Objective.objects.exists():
        call_command("loaddata", "reference", verbosity=0)
    builder = _Builder(size, rng)
    with transaction.atomic():
        data = builder.build(progress or (lambda n: None))
        published_data_changed()  # bulk inserts send no signals
    with connection.cursor() as cursor:
        # Fresh statistics: before autovacuum gets to 175,000 new rows, PostgreSQL's planner
        # took the updates table for a few hundred rows and the report's query ran minutes.
        cursor.execute("ANALYZE")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # And a visibility map, so that counts over the updates are index-only scans
            # from the first request, as they are once autovacuum has run.
            cursor.execute("VACUUM pledges_progressupdate, pledges_indicatorvalue, pledges_pledge")
    return data


class _Builder:
    def __init__(self, size: DemoSize, rng: random.Random):
        self.size = size
        self.rng = rng
        self.now = timezone.now()
        self.today = timezone.localdate()

    # -- the parts --------------------------------------------------------------------

    def build(self, progress) -> DemoData:
        self.organizations = self._organizations()
        self.meetings = self._meetings()
        self.pledges = self._pledges()
        self.number = {pledge.pk: n for n, pledge in enumerate(self.pledges)}
        self._pledge_relations()
        self.indicators = self._indicators()
        first_period_start = self.meetings[0].date - datetime.timedelta(days=MEETING_INTERVAL)
        self.timeline_start = timezone.make_aware(
            datetime.datetime.combine(first_period_start, datetime.time(9))
        )
        for start in range(0, len(self.pledges), CHUNK):
            chunk = self.pledges[start : start + CHUNK]
            self._published_updates(chunk)
            progress(len(chunk))
        editor, secretariat = self._users()
        self._open_updates(editor, secretariat)
        self._meeting_details()
        past = [m for m in self.meetings if m.date < self.today]
        return DemoData(
            editor=editor,
            secretariat=secretariat,
            editor_organization=self.organizations[1],
            largest_organization=self.organizations[0],
            pledge_with_most_updates=self.pledges[0],
            latest_meeting=past[-1] if past else self.meetings[-1],
            upcoming_meeting=self.meetings[-1],
        )

    def _organizations(self) -> list[Organization]:
        count = max(3, self.size.organizations)
        weights = [weight for _kind, weight, _en, _ja in ORG_KINDS]
        organizations = []
        for n in range(count):
            kind, _weight, noun_en, noun_ja = self.rng.choices(ORG_KINDS, weights)[0]
            word = ORG_WORDS[n % len(ORG_WORDS)]
            place = n % len(PLACES)
            if n == 1:
                slug, name_en = "demo-editor-org", f"{LABEL} Editors' {noun_en}"
            else:
                slug, name_en = f"demo-{n:04d}", f"{LABEL} {word} {noun_en} {n}"
            organizations.append(
                Organization(
                    slug=slug,
                    name_en=name_en,
                    name_ja=f"{LABEL} {PLACES_JA[place]}{noun_ja} {n}",
                    short_name_en=f"{LABEL}-{n}",
                    kind=kind,
                    website=f"https://demo-{n}.example.org/",
                    description_en=f"{LABEL} organization working with refugees in "
                    f"{PLACES[place]}.",
                    description_ja=f"{PLACES_JA[place]}で難民支援に取り組むデモ団体。",
                )
            )
        return Organization.objects.bulk_create(organizations)

    def _meetings(self) -> list[Meeting]:
        count = max(1, self.size.meetings)
        last = self.today + datetime.timedelta(days=30)  # the next meeting is upcoming
        meetings = []
        for n in range(count):
            date = last - datetime.timedelta(days=MEETING_INTERVAL * (count - 1 - n))
            meetings.append(
                Meeting(
                    number=n + 1,
                    title_en=f"{LABEL} network meeting {n + 1}",
                    title_ja=f"{LABEL} 第{n + 1}回ネットワーク会合",
                    date=date,
                    start_time=datetime.time(14),
                    end_time=datetime.time(16),
                    venue_en=f"{LABEL} hall, {PLACES[n % len(PLACES)]}",
                    venue_ja=f"{LABEL} {PLACES_JA[n % len(PLACES)]}会館",
                    format=Meeting.Format.HYBRID,
                    update_deadline=date - datetime.timedelta(days=14),
                    summary_en=f"{LABEL} minutes of meeting {n + 1}." if date < self.today else "",
                    is_published=True,
                )
            )
        return Meeting.objects.bulk_create(meetings)

    def _lead_indexes(self) -> list[int]:
        """Organization index of each pledge's lead: the largest organization leads a
        tenth, the editor's organization ``EDITOR_PLEDGES``, the others share the rest."""
        total = self.size.pledges
        editor = min(EDITOR_PLEDGES, max(1, total // 4))
        largest = max(total // 10, editor + 1)
        others = list(range(2, len(self.organizations)))
        leads = [0] * largest + [1] * editor
        leads += [self.rng.choice(others) for _ in range(total - len(leads))]
        return leads[:total]

    def _pledges(self) -> list[Pledge]:
        pledges = []
        for n, lead in enumerate(self._lead_indexes()):
            topic_en, topic_ja, _area = TOPICS[n % len(TOPICS)]
            place = self.rng.randrange(len(PLACES))
            forum, pledged_on = self.rng.choice(FORUMS)
            pledges.append(
                Pledge(
                    grf_reference=f"DEMO-{n + 1:05d}",
                    title_en=f"{LABEL} pledge {n + 1}: {topic_en} in {PLACES[place]}",
                    title_ja=f"{LABEL} プレッジ{n + 1}：{PLACES_JA[place]}での{topic_ja}",
                    description_en=(
                        f"{topic_en} for refugees and asylum seekers in {PLACES[place]}, "
                        "with local partners and refugee-led groups."
                    ),
                    description_ja=f"{PLACES_JA[place]}の難民・庇護希望者のための{topic_ja}。",
                    lead_organization=self.organizations[lead],
                    forum=forum,
                    pledged_on=pledged_on,
                    end_date=datetime.date(2027, 12, 31),
                    source_citation=f"{LABEL} data, generated",
                )
            )
        return Pledge.objects.bulk_create(pledges, batch_size=1000)

    def _pledge_relations(self) -> None:
        objectives = list(Objective.objects.order_by("number"))
        areas = list(FocusArea.objects.all())
        types = list(ContributionType.objects.all())
        co_candidates = self.organizations[2:]
        objective_rows, area_rows, type_rows, co_rows = [], [], [], []
        for n, pledge in enumerate(self.pledges):
            for objective in self.rng.sample(objectives, self.rng.choice([1, 1, 2])):
                objective_rows.append(Pledge.objectives.through(pledge=pledge, objective=objective))
            if areas:
                area = areas[n % len(areas)]
                area_rows.append(Pledge.focus_areas.through(pledge=pledge, focusarea=area))
            if types:
                kind = self.rng.choice(types)
                type_rows.append(
                    Pledge.contribution_types.through(pledge=pledge, contributiontype=kind)
                )
            if n % 7 == 3 and pledge.lead_organization_id != self.organizations[1].pk:
                partners = {o.pk: o for o in self.rng.sample(co_candidates, 2)}
                partners.pop(pledge.lead_organization_id, None)
                co_rows += [
                    Pledge.co_organizations.through(pledge=pledge, organization=o)
                    for o in partners.values()
                ]
        for rows in (objective_rows, area_rows, type_rows, co_rows):
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=2000)
        self.co_organizations = {}
        for row in co_rows:
            self.co_organizations.setdefault(row.pledge_id, []).append(row.organization)

    def _indicators(self) -> dict[int, Indicator]:
        """One indicator on every third pledge, keyed by pledge id."""
        units = [
            (Indicator.Unit.PEOPLE, "people reached", "支援した人数", 500),
            (Indicator.Unit.JPY, "funds provided", "拠出額", 10_000_000),
            (Indicator.Unit.USD, "funds provided", "拠出額", 100_000),
            (Indicator.Unit.EVENTS, "events held", "開催したイベント", 24),
        ]
        indicators = []
        for n, pledge in enumerate(self.pledges[::3]):
            unit, name_en, name_ja, target = units[n % len(units)]
            indicators.append(
                Indicator(
                    pledge=pledge,
                    name_en=f"{LABEL} {name_en}",
                    name_ja=f"{LABEL} {name_ja}",
                    unit=unit,
                    baseline=0,
                    target=target,
                )
            )
        return {i.pledge_id: i for i in Indicator.objects.bulk_create(indicators)}

    # -- updates ----------------------------------------------------------------------

    def _narrative(self, pledge_number: int, step: int, japanese: bool) -> dict:
        topic_en, topic_ja, area = TOPICS[pledge_number % len(TOPICS)]
        people = self.rng.randrange(5, 400)
        if japanese:
            return {
                "achievements": (
                    f"{topic_ja}の第{step + 1}段階を実施し、{people}人の難民が参加しました。"
                    "地域のパートナーと連携し、参加者の声を次の計画に反映しています。"
                ),
                "challenges": "日本語での手続きと移動の費用が参加の妨げになっています。",
                "next_steps": "オンラインでの参加と通訳の手配を広げます。",
                "refugee_participation": "難民の当事者団体が計画と評価に加わりました。",
            }
        return {
            "achievements": (
                f"Step {step + 1} of the {topic_en.lower()} work ({area}) reached {people} "
                "refugees and asylum seekers, with local partners and volunteers. "
                "Participants' feedback shaped the next round."
            ),
            "challenges": "Paperwork in Japanese and travel costs keep some people away.",
            "next_steps": "Offer online sessions and interpreters in more languages.",
            "refugee_participation": "A refugee-led group co-designed the sessions.",
        }

    def _published_updates(self, chunk: list[Pledge]) -> None:
        per_pledge = self.size.updates_per_pledge
        span = (self.now - datetime.timedelta(days=1) - self.timeline_start).total_seconds()
        updates, value_plans, pledge_rows = [], [], []
        for pledge in chunk:
            n = self.number[pledge.pk]
            if n % SILENT_EVERY == SILENT_EVERY - 1 or per_pledge == 0:
                continue
            final = self.rng.choice([30, 55, 80, 100, 100])
            with_progress = n % 10 != 5  # UNHCR's form does not ask for a percentage
            moments = sorted(
                self.timeline_start + datetime.timedelta(seconds=self.rng.uniform(0, span))
                for _ in range(per_pledge)
            )
            authors = [pledge.lead_organization, *self.co_organizations.get(pledge.pk, [])]
            indicator = self.indicators.get(pledge.pk)
            for step, moment in enumerate(moments):
                share = (step + 1) / per_pledge
                progress = round(final * share)
                if progress >= 100:
                    stage = Stage.FULFILLED
                elif progress < 15:
                    stage = Stage.PLANNING
                else:
                    stage = Stage.IN_PROGRESS
                update = ProgressUpdate(
                    pledge=pledge,
                    organization=authors[step % 5 == 4 and len(authors) > 1],
                    stage=stage,
                    progress=progress if with_progress else None,
                    links=f"https://demo-{pledge.pk}.example.org/report-{step + 1}",
                    state=State.PUBLISHED,
                    submitted_at=moment - datetime.timedelta(days=2),
                    published_at=moment,
                    **self._narrative(n, step, japanese=step % 3 == 2),
                )
                updates.append(update)
                if indicator and (step % 5 == 4 or step == per_pledge - 1):
                    value = round(indicator.target * share)
                    value_plans.append((update, indicator, value, moment))
            last = updates[-1]
            pledge.current_stage = last.stage
            pledge.current_progress = last.progress
            pledge.last_published_at = last.published_at
            pledge_rows.append(pledge)
        ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
        IndicatorValue.objects.bulk_create(
            (IndicatorValue(update=u, indicator=i, value=v) for u, i, v, _ in value_plans),
            batch_size=2000,
        )
        Pledge.objects.bulk_update(
            pledge_rows, ["current_stage", "current_progress", "last_published_at"]
        )
        latest = {}
        for _update, indicator, value, moment in value_plans:
            latest[indicator.pk] = (indicator, value, moment)
        for indicator, value, moment in latest.values():
            indicator.actual, indicator.actual_as_of = value, moment
        Indicator.objects.bulk_update(
            [indicator for indicator, _v, _m in latest.values()], ["actual", "actual_as_of"]
        )

    def _users(self):
        User = get_user_model()
        editor = User(username="demo-editor", email="demo-editor@example.org")
        secretariat = User(
            username="demo-secretariat", email="demo-secretariat@example.org", is_staff=True
        )
        for user in (editor, secretariat):
            user.first_name, user.last_name = LABEL, user.username.split("-")[1].title()
            user.set_unusable_password()
            user.save()
        secretariat.groups.add(secretariat_group_sync())
        Membership.objects.create(
            user=editor, organization=self.organizations[1], role=Membership.Role.EDITOR
        )
        return editor, secretariat

    def _open_updates(self, editor, secretariat) -> None:
        """Two drafts and a returned update of the editor's organization; ``SUBMITTED``
        updates of others waiting for review (one open update per organization and
        pledge, as the services allow)."""
        mine = [p for p in self.pledges if p.lead_organization_id == self.organizations[1].pk]
        others = [p for p in self.pledges if p.lead_organization_id != self.organizations[1].pk]
        rows = []
        for n, pledge in enumerate(mine[:3]):
            returned = n == 2
            rows.append(
                ProgressUpdate(
                    pledge=pledge,
                    organization=self.organizations[1],
                    author=editor,
                    stage=Stage.IN_PROGRESS,
                    progress=60,
                    achievements=f"{LABEL} draft: workshops held this quarter.",
                    state=State.RETURNED if returned else State.DRAFT,
                    submitted_at=self.now - datetime.timedelta(days=3) if returned else None,
                    reviewer=secretariat if returned else None,
                    review_comment="Please add how many people took part." if returned else "",
                )
            )
        for n, pledge in enumerate(others[:SUBMITTED]):
            rows.append(
                ProgressUpdate(
                    pledge=pledge,
                    organization=pledge.lead_organization,
                    stage=Stage.IN_PROGRESS,
                    progress=70,
                    state=State.SUBMITTED,
                    submitted_at=self.now - datetime.timedelta(hours=n + 1),
                    **self._narrative(n, n, japanese=n % 2 == 1),
                )
            )
        ProgressUpdate.objects.bulk_create(rows)

    def _meeting_details(self) -> None:
        organizations = self.organizations
        items, cited, attendance, hosts = [], [], [], []
        for meeting in self.meetings:
            for host in self.rng.sample(organizations, min(2, len(organizations))):
                hosts.append(Meeting.co_hosts.through(meeting=meeting, organization=host))
            for order in range(3):
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        order=order,
                        title_en=f"{LABEL} agenda item {order + 1}",
                        title_ja=f"{LABEL} 議題{order + 1}",
                        presenter=self.rng.choice(organizations),
                    )
                )
            if meeting.date < self.today:
                attendance += [
                    Attendance(meeting=meeting, organization=o)
                    for o in self.rng.sample(organizations, min(10, len(organizations)))
                ]
        Meeting.co_hosts.through.objects.bulk_create(hosts)
        items = AgendaItem.objects.bulk_create(items)
        for item in items:
            for pledge in self.rng.sample(self.pledges, min(3, len(self.pledges))):
                cited.append(AgendaItemPledge(agenda_item=item, pledge=pledge))
        AgendaItemPledge.objects.bulk_create(cited)
        Attendance.objects.bulk_create(attendance)
