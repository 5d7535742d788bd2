"""Background tasks: thin, they take ids and call a service (ADR 003)."""

from django_tasks import task

from eolc.insights import services


@task()
def suggestion_run_task(run_id: int) -> bool:
    return services.suggestion_run(run_id=run_id)
