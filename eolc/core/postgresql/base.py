"""PostgreSQL, with a check of a kept connection that costs no round trip.

App servers keep their connections between requests (`DB_CONN_MAX_AGE`) and check one before a
request reuses it (`CONN_HEALTH_CHECKS`), so that a restarted database costs no failed request.
Django checks by sending `SELECT 1`: a round trip on every request, a third of those an anonymous
calendar page makes. A server that restarts, fails over or ends the connection closes its end,
which makes the socket readable; asking the socket whether it is answers the same question at
once. Nothing else arrives unasked between requests, and whatever does, the connection is
replaced rather than trusted. A connection left in a failed transaction is replaced too, as
`SELECT 1` would have found.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        if connection.info.transaction_status in (pq.TransactionStatus.INERROR, pq.TransactionStatus.UNKNOWN):
            return False
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
