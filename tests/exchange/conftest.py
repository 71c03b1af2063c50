import csv
import io

import pytest
from openpyxl import Workbook

from tests.factories import (
    ContributionTypeFactory,
    FocusAreaFactory,
    ObjectiveFactory,
    OrganizationFactory,
)

PLEDGE_HEADERS = [
    "grf_id",
    "forum",
    "lead_organization",
    "co_organizations",
    "title_ja",
    "title_en",
    "description_ja",
    "description_en",
    "objectives",
    "focus_areas",
    "contribution_types",
    "multi_stakeholder_pledge_en",
    "multi_stakeholder_pledge_url",
    "source",
    "source_url",
    "indicator_1_name_en",
    "indicator_1_name_ja",
    "indicator_1_unit",
    "indicator_1_baseline",
    "indicator_1_target",
]


def pledge_row(**overrides) -> dict:
    row = {
        "grf_id": "GRF-0001",
        "forum": "2023",
        "lead_organization": "demo-ngo",
        "co_organizations": "デモ大学",
        "title_ja": "難民の大学進学支援",
        "title_en": "University places for refugees",
        "description_ja": "奨学金と日本語教育。",
        "description_en": "Scholarships and Japanese lessons.",
        "objectives": "2; 3",
        "focus_areas": "Education",
        "contribution_types": "financial",
        "multi_stakeholder_pledge_en": "Refugee higher education",
        "multi_stakeholder_pledge_url": "https://example.org/msp/15",
        "source": "UNHCR pledge record",
        "source_url": "https://example.org/pledges/1",
        "indicator_1_name_en": "Students enrolled",
        "indicator_1_name_ja": "在籍学生数",
        "indicator_1_unit": "people",
        "indicator_1_baseline": "0",
        "indicator_1_target": "50",
    }
    row.update(overrides)
    return row


def csv_bytes(rows: list[dict], *, bom=True, headers=None, encoding="utf-8") -> bytes:
    headers = headers or list(rows[0])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    text = buffer.getvalue()
    return (("\ufeff" if bom else "") + text).encode(encoding)


def xlsx_bytes(sheets: dict[str, list[dict]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        headers = list(rows[0])
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def reference_data(db):
    for number in (1, 2, 3, 4):
        ObjectiveFactory(number=number)
    FocusAreaFactory(slug="education", name_en="Education", name_ja="教育")
    FocusAreaFactory(slug="jobs", name_en="Jobs and livelihoods", name_ja="雇用と生計")
    ContributionTypeFactory(slug="financial", name_en="Financial", name_ja="資金")
    ContributionTypeFactory(slug="technical", name_en="Technical", name_ja="技術")
    lead = OrganizationFactory(slug="demo-ngo", name_en="Demo NGO", name_ja="デモNGO")
    co = OrganizationFactory(slug="demo-university", name_en="Demo University", name_ja="デモ大学")
    return {"lead": lead, "co": co}
