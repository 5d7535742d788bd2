"""Tasks a change asks for exist exactly when the change commits (eolc/core/outbox.py)."""

import pytest
from django.db import transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from eolc.core.outbox import enqueue_on_commit

pytestmark = pytest.mark.django_db
ran = []


@task()
def remember(value):
    ran.append(value)


def _queued():
    rows = DBTaskResult.objects.filter(task_path=remember.module_path)
    return list(rows.values_list("args_kwargs", flat=True))


def test_with_the_database_backend_the_task_is_written_in_the_changes_own_transaction():
    with transaction.atomic():
        enqueue_on_commit(remember, "kept")
        assert len(_queued()) == 1  # before the commit, in the same transaction
    assert [queued["args"] for queued in _queued()] == [["kept"]]


def test_with_the_database_backend_a_change_rolled_back_leaves_no_task():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(remember, "undone")
        raise RuntimeError("undo")
    assert _queued() == []


def test_another_backend_is_sent_the_task_only_once_the_change_commits(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ran.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            enqueue_on_commit(remember, "sent")
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue_on_commit(remember, "never")
            raise RuntimeError("undo")
        assert ran == []
    assert ran == ["sent"]
