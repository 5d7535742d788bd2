"""What /healthz reports: can we reach the database, and is the task worker keeping up?

A load balancer takes an app server out of rotation on a 503. A queue whose oldest ready
task has waited longer than TASK_BACKLOG_SECONDS means no worker is running.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Min
from django.utils import timezone

TASK_BACKLOG_SECONDS = 15 * 60


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def task_queue_state() -> dict:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return {"backend": backend, "ok": True}
    from django_tasks_db.models import DBTaskResult

    try:
        ready = DBTaskResult.objects.ready()
        oldest = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
        waiting = ready.count()
    except DatabaseError:
        return {"backend": "database", "ok": False}
    oldest_seconds = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {
        "backend": "database",
        "ok": oldest_seconds <= TASK_BACKLOG_SECONDS,
        "ready": waiting,
        "oldest_ready_seconds": oldest_seconds,
    }


def report() -> tuple[dict, bool]:
    database = database_ok()
    tasks = task_queue_state() if database else {"ok": False}
    healthy = database and tasks["ok"]
    return {"status": "ok" if healthy else "unhealthy", "database": database, "tasks": tasks}, healthy
