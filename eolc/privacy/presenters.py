from django.apps import apps

from eolc.privacy.services import person_data


def data_summary(person) -> list[dict]:
    """How many records of each kind the download will hold, in words people recognise."""
    rows = []
    for label, records in person_data(person=person).items():
        if not records:
            continue
        model = apps.get_model(label)
        rows.append({"kind": str(model._meta.verbose_name_plural).capitalize(), "count": len(records)})
    return rows
