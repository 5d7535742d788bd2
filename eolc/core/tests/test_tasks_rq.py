"""The scale-out path for background tasks: the RQ backend, its queue in Redis, rq's worker.

Runs a real task (the registration email) through Redis. Skips only when no Redis answers;
`make test` starts Debian's redis-server first (scripts/ensure_redis.sh). The tests use their own
Redis database (TEST_REDIS_URL, default number 13) so they never touch a running site's queue.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus

from eolc.core import health
from eolc.events import tasks
from eolc.events.tests.factories import RegistrationFactory

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(
    not _redis_answers(),
    reason=f"no Redis answers at {REDIS_URL} (scripts/ensure_redis.sh starts one as root)",
)


@pytest.fixture
def rq_queue(settings):
    """The project's RQ settings pointed at the tests' Redis database, emptied before and after."""
    import django_rq

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default")
    queue.empty()
    yield queue
    queue.empty()


def _work(queue):
    """What `manage.py rqworker --burst` does, in this process so it shares the test's database."""
    from django_tasks_rq import Job
    from rq import SimpleWorker

    worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
    worker.work(burst=True)


@pytest.mark.django_db
def test_a_task_waits_in_redis_until_an_rq_worker_runs_it(rq_queue):
    registration = RegistrationFactory()
    mail.outbox.clear()
    result = tasks.registration_email_send.enqueue(registration.pk, "confirmed", None)
    assert rq_queue.count == 1 and mail.outbox == []
    state = health.task_queue_state()
    assert state["backend"] == "rq" and state["ready"] == 1 and state["ok"]

    _work(rq_queue)

    assert [message.to[0] for message in mail.outbox] == [registration.person.email]
    finished = default_task_backend.get_result(result.id)
    assert finished.status == TaskResultStatus.SUCCESSFUL
    assert finished.return_value is True
    assert rq_queue.count == 0 and health.task_queue_state()["ready"] == 0


def test_health_says_unhealthy_when_redis_does_not_answer(settings):
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0", "SOCKET_TIMEOUT": 1}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    assert health.task_queue_state() == {"backend": "rq", "ok": False}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_separate_rq_worker_process_sends_the_email(rq_queue, tmp_path):
    """The deployment shape: the app enqueues, `manage.py rqworker` in another process works it."""
    if connection.vendor != "postgresql":
        pytest.skip("another process cannot open the in-memory SQLite test database; runs on PostgreSQL")
    registration = RegistrationFactory()
    result = tasks.registration_email_send.enqueue(registration.pk, "confirmed", None)
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
        "DEBUG": "true",
    }
    manage = Path(django_settings.BASE_DIR) / "manage.py"
    worker = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(manage), "rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    sent = "".join(path.read_text() for path in tmp_path.iterdir())
    assert f"To: {registration.person.email}" in sent
    assert default_task_backend.get_result(result.id).status == TaskResultStatus.SUCCESSFUL
