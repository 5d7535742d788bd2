"""Seed the standard survey templates (pre/post confidence, session feedback, 3-month follow-up)."""

from django.db import migrations


def seed(apps, schema_editor):
    from eolc.evaluation.standard_surveys import seed as seed_templates

    seed_templates(apps.get_model("evaluation", "Survey"), apps.get_model("evaluation", "Question"))


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
