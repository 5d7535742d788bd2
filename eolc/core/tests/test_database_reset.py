"""The quicker flush and reload of transactional tests (database_reset) leave the database as Django's
own would: every table empty after the flush, exactly the serialised rows after the reload, and
sequences that hand out ids no restored row holds."""

import pytest
from django.core.management import call_command
from django.db import connection

from eolc.accounts.tests.factories import UserFactory
from eolc.audit.services import audit_record
from eolc.evaluation.models import Survey
from eolc.evaluation.tests.factories import SurveyFactory


def _tables():
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _tables_with_rows():
    found = []
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                found.append(table)
    return found


def _sequences_behind_their_rows():
    """Sequences whose next value is an id a row of their table already holds (PostgreSQL)."""
    quote = connection.ops.quote_name
    behind = []
    with connection.cursor() as cursor:
        for table in _tables():
            for sequence in connection.introspection.get_sequences(cursor, table):
                cursor.execute(f"SELECT MAX({quote(sequence['column'])}) FROM {quote(table)}")  # noqa: S608
                top = cursor.fetchone()[0]
                cursor.execute(f"SELECT last_value, is_called FROM {quote(sequence['name'])}")  # noqa: S608
                last, called = cursor.fetchone()
                if top is not None and (last + 1 if called else last) <= top:
                    behind.append(table)
    return behind


def _flush(*, reset_sequences):
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=reset_sequences
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_flush_empties_every_table_and_the_reload_gives_back_what_was_serialised():
    serialised = connection._test_serialized_contents
    assert connection.creation.serialize_db_to_string() == serialised, "the reload before this test"
    audit_record(actor=UserFactory(), action="test.happened")  # audit_event refuses DELETE on PostgreSQL

    _flush(reset_sequences=False)  # as a transactional test's teardown does
    assert _tables_with_rows() == []

    connection.creation.deserialize_db_from_string(serialised)
    assert connection.creation.serialize_db_to_string() == serialised


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_reload_new_rows_take_ids_no_restored_row_holds():
    """The rows come back with their ids, which does not move the sequences. A flush that restarted
    them (manage.py flush's default, a reset_sequences test) once left evaluation_survey's at 1, and a
    later test's survey collided with a migrated template's id."""
    _flush(reset_sequences=True)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)

    if connection.vendor == "postgresql":
        assert _sequences_behind_their_rows() == []
    templates = set(Survey.objects.filter(is_template=True).values_list("pk", flat=True))
    assert templates
    assert SurveyFactory().pk not in templates
