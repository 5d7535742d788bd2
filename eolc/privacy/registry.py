"""Which fields of which models are personal data, and how each is exported and erased.

Every app declares its own models in `eolc/<app>/privacy.py` as `PERSONAL_DATA`, a dict from model
label (`"events.Registration"`) to one of:

- `About(person=..., export=..., blank=..., delete_rows=..., links=..., not_personal=...)`: rows
  about a person. `person` is the lookup from the model to them (`"person"`, `"plan__owner"`).
  Their download holds the `export` fields. Erasure empties the `blank` fields (what they wrote),
  or deletes the rows when `delete_rows` (nothing in them counts towards a report); otherwise the
  rows stay, still pointing at the now anonymous account, so counts and reports do not change.
  `links` are other links to people (who recorded it) with the reason they stay.
- `StaffRecord(links=..., why=...)`: content staff made (an event, a plan template). The link to its
  author stays, pointing at an anonymous account once they are erased; the text is not about them.

`eolc/privacy/tests/test_field_inventory.py` fails when a model has a personal-looking field that
no declaration covers.
"""

import importlib
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class About:
    person: str
    export: tuple = ()
    blank: tuple = ()
    delete_rows: bool = False
    links: dict = field(default_factory=dict)
    not_personal: dict = field(default_factory=dict)

    def covers(self):
        return {self.person.split("__")[0], *self.export, *self.blank, *self.links, *self.not_personal}


@dataclass(frozen=True)
class StaffRecord:
    links: tuple
    why: str

    def covers(self):
        return None  # the whole record: see the module docstring


def _our_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith("eolc.")]


def declarations() -> dict:
    """Every app's declarations, keyed by model class."""
    found = {}
    for config in _our_apps():
        try:
            module = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.privacy":
                raise
            continue
        for label, declaration in module.PERSONAL_DATA.items():
            found[apps.get_model(label)] = declaration
    return found


def about_person() -> list[tuple]:
    """(model, declaration) for every model holding rows about a person, the person's account last."""
    user_model = apps.get_model("accounts", "User")
    rows = [
        (model, d) for model, d in declarations().items() if isinstance(d, About) and model is not user_model
    ]
    return sorted(rows, key=lambda item: item[0]._meta.label)
