from django.db import migrations

from eolc.accounts.reference_data import reference_data_load


def load(apps, schema_editor):
    reference_data_load(apps.get_model("accounts", "JobRole"), apps.get_model("accounts", "Area"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
