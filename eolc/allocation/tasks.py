"""Background tasks: thin, they take ids and call a service (ADR 003)."""

from django_tasks import task

from eolc.allocation import services


@task()
def allocation_run_task(allocation_id: int) -> bool:
    return services.allocation_run(allocation_id=allocation_id)
