"""Trigram indexes for the pledge search (pledges.search), PostgreSQL only.

pg_trgm itself is created by organizations.0002.
"""

import django.contrib.postgres.indexes
from django.db import migrations

from accounts.db import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0002_organization_name_trigram_index"),
        ("pledges", "0006_update_text_by_language"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="pledge",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["title_ja", "title_en", "description_ja", "description_en"],
                name="pledge_text_trgm",
                opclasses=["gin_trgm_ops"] * 4,
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="progressupdate",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=[
                    "achievements_ja",
                    "achievements_en",
                    "challenges_ja",
                    "challenges_en",
                    "next_steps_ja",
                    "next_steps_en",
                    "refugee_participation_ja",
                    "refugee_participation_en",
                ],
                name="update_text_trgm",
                opclasses=["gin_trgm_ops"] * 8,
            ),
        ),
    ]
