"""pg_trgm and a trigram index for searching organization names (pledges.search).

On PostgreSQL: ``CREATE EXTENSION pg_trgm`` (a trusted extension since PostgreSQL 13, so
the owner of the database may create it without being a superuser), then a GIN index.
On SQLite both are skipped and the search scans.
"""

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from accounts.db import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        AddIndexOnPostgreSQL(
            model_name="organization",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["name_ja", "name_en", "short_name_ja", "short_name_en"],
                name="organization_name_trgm",
                opclasses=["gin_trgm_ops"] * 4,
            ),
        ),
    ]
