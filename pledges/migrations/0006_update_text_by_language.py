"""Move each existing update's narrative into the language it is written in.

Before, an update had one text per field in whatever language its author wrote; now each
field has a Japanese and an English column. Text with kana or kanji goes to Japanese,
anything else to English, so nothing shows as "written in English" that is not.
"""

import re

from django.db import migrations

TEXT_FIELDS = ("achievements", "challenges", "next_steps", "refugee_participation")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


def split_by_language(apps, schema_editor):
    ProgressUpdate = apps.get_model("pledges", "ProgressUpdate")
    for update in ProgressUpdate.objects.all().iterator():
        changed = []
        for name in TEXT_FIELDS:
            text = getattr(update, name) or ""
            if not text or getattr(update, f"{name}_ja") or getattr(update, f"{name}_en"):
                continue
            language = "ja" if JAPANESE.search(text) else "en"
            setattr(update, f"{name}_{language}", text)
            changed.append(f"{name}_{language}")
        if changed:
            update.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("pledges", "0005_bilingual_updates_sources_costs_links")]

    operations = [migrations.RunPython(split_by_language, migrations.RunPython.noop)]
