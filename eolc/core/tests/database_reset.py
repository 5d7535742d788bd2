"""A quicker empty-and-refill of the PostgreSQL test database around transactional tests.

Transactional tests (browser tests, concurrency, backups, the database restart) end with Django's
flush and start, being serialized-rollback tests, by reloading the rows that migrations wrote. On
PostgreSQL the flush is one TRUNCATE of every table, which costs 3-4 seconds however little the
tables hold (each table and index gets new files), and the reload saves each serialised object with
queries of its own (1-2 seconds). With some forty such tests that was minutes of the PostgreSQL run.

Here, on PostgreSQL only, the flush deletes rows instead (tables with a trigger of their own, such
as audit_event's append-only one that refuses DELETE, are still truncated), and the reload copies
back, with COPY, the rows the tables held when Django serialised the database. The foreign keys
are deferred, so neither needs an order. Tests see what Django's own way gives them: every table
empty after a transactional test, and exactly the migrated rows at the start of a serialized one.

Rows copied back keep their ids, which does not move the tables' sequences. Django's reload leaves
them alone too, but once a flush has restarted them (manage.py flush's default, reset_sequences
tests) the next new row would take a restored row's id; so the reload moves every sequence that is
behind its restored rows past them, and leaves the others where they are.
"""

from django.db import transaction
from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations

_truncate_all = DatabaseOperations.sql_flush
_deserialize = DatabaseCreation.deserialize_db_from_string
# Per database alias: the serialised contents the copy stands for, each table's rows as COPY text,
# and (sequence names, highest restored value) for the tables with a serial or identity column.
_copies = {}

# Moves each sequence up to its highest restored value when it would otherwise hand that value out.
_CATCH_UP_SEQUENCES = (
    "SELECT setval(format('%%I.%%I', s.schemaname, s.sequencename), t.top)"
    " FROM unnest(%s::text[], %s::bigint[]) AS t(name, top)"
    " JOIN pg_sequences s ON s.sequencename = t.name AND s.schemaname = current_schema()"
    " WHERE s.last_value IS NULL OR s.last_value < t.top"
)

_TRIGGERED_TABLES = (
    "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
    " WHERE NOT t.tgisinternal"
)


def _sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    """DELETE each table in place of one TRUNCATE of them all; Django's SQL for what DELETE can't do."""
    if reset_sequences or allow_cascade or not tables:
        return _truncate_all(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    with self.connection.cursor() as cursor:
        cursor.execute(_TRIGGERED_TABLES)
        triggered = {name for (name,) in cursor.fetchall()}
    deletes = [f"DELETE FROM {self.quote_name(table)};" for table in tables if table not in triggered]  # noqa: S608
    return deletes + _truncate_all(self, style, [table for table in tables if table in triggered])


def _deserialize_db_from_string(self, data):
    """Copy back the rows taken alongside `data`; any other serialised string loads Django's way."""
    copy = _copies.get(self.connection.alias)
    if copy is None or copy[0] is not data:
        return _deserialize(self, data)
    _, rows_by_table, sequence_tops = copy
    quote = self.connection.ops.quote_name
    with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
        for table, rows in rows_by_table:
            # Empty after a flush; before the first transactional test it still holds these very rows.
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            with cursor.copy(f"COPY {quote(table)} FROM STDIN") as stream:
                stream.write(rows)
        cursor.execute(_CATCH_UP_SEQUENCES, sequence_tops)


def install(connection):
    """Take the migrated rows of `connection`'s database and switch to the quicker flush and reload.

    Call it right after the test database is set up and serialised, before any test changes it.
    """
    if connection.vendor != "postgresql" or not hasattr(connection, "_test_serialized_contents"):
        return
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    rows_by_table = []
    sequence_tops = ([], [])
    with connection.cursor() as cursor:
        for table in sorted(tables):
            with cursor.copy(f"COPY {quote(table)} TO STDOUT") as stream:
                rows = b"".join(bytes(block) for block in stream)
            if not rows:
                continue
            rows_by_table.append((table, rows))
            for sequence in connection.introspection.get_sequences(cursor, table):
                cursor.execute(f"SELECT MAX({quote(sequence['column'])}) FROM {quote(table)}")  # noqa: S608
                sequence_tops[0].append(sequence["name"])
                sequence_tops[1].append(cursor.fetchone()[0])
    _copies[connection.alias] = (connection._test_serialized_contents, rows_by_table, sequence_tops)
    DatabaseOperations.sql_flush = _sql_flush
    DatabaseCreation.deserialize_db_from_string = _deserialize_db_from_string
