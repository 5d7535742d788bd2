"""The quicker flush and reload of transactional tests (database_reset) leave the database as Django's
own would: every table empty after the flush, and exactly the serialised rows after the reload."""

import pytest
from django.core.management import call_command
from django.db import connection

from eolc.accounts.tests.factories import UserFactory
from eolc.audit.services import audit_record


def _tables_with_rows():
    found = []
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                found.append(table)
    return found


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_flush_empties_every_table_and_the_reload_gives_back_what_was_serialised():
    serialised = connection._test_serialized_contents
    assert connection.creation.serialize_db_to_string() == serialised, "the reload before this test"
    audit_record(actor=UserFactory(), action="test.happened")  # audit_event refuses DELETE on PostgreSQL

    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert _tables_with_rows() == []

    connection.creation.deserialize_db_from_string(serialised)
    assert connection.creation.serialize_db_to_string() == serialised
