"""What /healthz reports: can we reach the database, and is the task worker keeping up?

A load balancer takes an app server out of rotation on a 503. A queue whose oldest ready
task has waited longer than TASK_BACKLOG_SECONDS means no worker is running.
"""

import datetime

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
    if backend == "django_tasks_rq.RQBackend":
        return rq_queue_state(settings.TASKS["default"].get("QUEUES", ["default"]))
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


def rq_queue_state(queue_names) -> dict:
    """The same figures for the queues in Redis: Redis unreachable or a stale queue is unhealthy."""
    import django_rq
    from redis.exceptions import RedisError

    waiting, oldest = 0, None
    try:
        for name in queue_names:
            queue = django_rq.get_queue(name)
            waiting += queue.count
            first = queue.get_job_ids(0, 1)
            job = queue.fetch_job(first[0]) if first else None
            enqueued = job.enqueued_at if job is not None else None
            if enqueued is not None and timezone.is_naive(enqueued):
                enqueued = timezone.make_aware(enqueued, datetime.UTC)  # rq stores UTC
            if enqueued is not None and (oldest is None or enqueued < oldest):
                oldest = enqueued
    except RedisError:
        return {"backend": "rq", "ok": False}
    oldest_seconds = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {
        "backend": "rq",
        "ok": oldest_seconds <= TASK_BACKLOG_SECONDS,
        "ready": waiting,
        "oldest_ready_seconds": oldest_seconds,
    }


def report() -> tuple[dict, bool]:
    database = database_ok()
    tasks = task_queue_state() if database else {"ok": False}
    healthy = database and tasks["ok"]
    return {"status": "ok" if healthy else "unhealthy", "database": database, "tasks": tasks}, healthy
