"""Every migration of our apps can be undone, and its hand-written steps are safe on existing data.

Migrating every app to zero and back would take minutes on each database, so this is the fast
equivalent, run on SQLite and PostgreSQL:

- every operation is reversible (RunPython and RunSQL name their reverse; Django writes the
  reverse of its schema operations itself). Writing the SQL of undoing everything down to zero
  was tried too: it took over a minute of rendering model states and found nothing this misses;
- hand-written steps run on the test database as it is, with its reference data: a step with a
  real reverse is undone and redone; a step whose reverse is a no-op (reference data loaders) is
  run again and must change no row count, so migrating back one step and forward again never
  duplicates data.
"""

import pytest
from django.apps import apps
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader


def our_labels():
    return {config.label for config in apps.get_app_configs() if config.name.startswith("eolc.")}


def our_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = our_labels()
    return loader, sorted(
        (key, migration) for key, migration in loader.disk_migrations.items() if key[0] in labels
    )


def _where(key, index):
    return f"{key[0]}.{key[1]} operation {index + 1}"


def test_every_operation_of_our_migrations_names_its_reverse():
    _, found = our_migrations()
    assert found, "no migrations found"
    irreversible = []
    for key, migration in found:
        for index, operation in enumerate(migration.operations):
            if not operation.reversible:
                irreversible.append(f"{_where(key, index)}: {operation.describe()}")
    assert not irreversible, (
        "give these a reverse (RunPython(..., reverse_code), RunSQL(..., reverse_sql); "
        "RunPython.noop when undoing needs nothing): " + "; ".join(irreversible)
    )


def _row_counts(app_label, state_apps):
    return {
        model._meta.label: model._base_manager.count()
        for model in state_apps.get_app_config(app_label).get_models()
        if model._meta.managed
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hand_written_steps_undo_and_redo_on_existing_data():
    loader, found = our_migrations()
    checked = 0
    for key, migration in found:
        hand_written = [
            op for op in migration.operations if isinstance(op, migrations.RunPython | migrations.RunSQL)
        ]
        if not hand_written:
            continue
        state = loader.project_state(key, at_end=True)
        for operation in hand_written:
            noop_reverse = isinstance(operation, migrations.RunPython) and (
                operation.reverse_code is migrations.RunPython.noop
            )
            before = _row_counts(key[0], state.apps)
            if isinstance(operation, migrations.RunSQL):
                with connection.schema_editor(atomic=migration.atomic) as editor:
                    operation.database_backwards(key[0], editor, state, state)
                    operation.database_forwards(key[0], editor, state, state)
            elif noop_reverse:
                with connection.schema_editor(atomic=migration.atomic) as editor:
                    operation.code(state.apps, editor)
            else:
                with connection.schema_editor(atomic=migration.atomic) as editor:
                    operation.reverse_code(state.apps, editor)
                    operation.code(state.apps, editor)
            assert _row_counts(key[0], state.apps) == before, (
                f"{key[0]}.{key[1]}: running it again over existing data changed row counts"
            )
            checked += 1
    assert checked, "no hand-written migration steps were found, so nothing was checked"
