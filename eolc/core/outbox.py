"""Background tasks that a change asks for, sent only if the change commits.

With the database backend a task is a row in the same database: it is written inside the change's
own transaction, so it exists exactly when the change does and one commit makes both durable, where
writing it after the commit took a second commit (a disk flush on PostgreSQL) and could be lost
between the two. A worker cannot see the row before the commit. Any other backend (RQ on Redis)
is sent the task once the change has committed, so that a worker never looks for rows that are not
there yet; outside a transaction both happen at once.
"""

from django.db import transaction
from django_tasks_db import DatabaseBackend


def enqueue_on_commit(task, *args) -> None:
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))
