import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from eolc.events import tasks


@pytest.mark.django_db
def test_healthz_reports_the_database_and_an_empty_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] is True
    assert response.json()["tasks"] == {
        "backend": "database",
        "ok": True,
        "ready": 0,
        "oldest_ready_seconds": 0,
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_turns_unhealthy_when_no_worker_has_taken_tasks_for_a_long_time(client):
    tasks.registration_email_send.enqueue(1, "confirmed", None)
    assert client.get("/healthz").json()["tasks"]["ready"] == 1
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unhealthy"
    assert response.json()["tasks"]["oldest_ready_seconds"] >= 3600
