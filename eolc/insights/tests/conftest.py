import pytest


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks in-process, so a test sees the suggestions a task produces."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
