from django.db import migrations

DOMAINS = [
    (1, "structure-and-processes", "Structure and processes of care"),
    (2, "physical", "Physical aspects of care"),
    (3, "psychological", "Psychological and psychiatric aspects of care"),
    (4, "social", "Social aspects of care"),
    (5, "spiritual", "Spiritual, religious and existential aspects of care"),
    (6, "cultural", "Cultural aspects of care"),
    (7, "end-of-life", "Care of the patient nearing the end of life"),
    (8, "ethical-legal", "Ethical and legal aspects of care"),
]


def load(apps, schema_editor):
    Domain = apps.get_model("curriculum", "Domain")
    for number, slug, name in DOMAINS:
        Domain.objects.update_or_create(slug=slug, defaults={"name": name, "number": number})


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
