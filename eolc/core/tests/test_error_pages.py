import json

from django.db import OperationalError
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from eolc.core import views


def test_error_pages_render_before_authentication_middleware_has_run():
    """A request that fails early has no `user`; its error page must not fail in turn."""
    request = RequestFactory().get("/missing/")
    assert views.error_404(request).status_code == 404
    assert views.error_500(request).status_code == 500
    assert views.error_403(request).status_code == 403


def _database_gone():
    raise OperationalError("no connection to the server")


def _error_page_for(request, error):
    try:
        raise error
    except Exception:
        return views.error_500(request)


def test_error_page_when_the_database_is_gone_is_503_and_reads_nothing_from_it():
    request = RequestFactory().get("/events/")
    request.user = SimpleLazyObject(_database_gone)  # reading the signed-in person would fail
    response = _error_page_for(request, OperationalError("the connection was closed"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert "the connection was closed" not in response.content.decode()


def test_api_errors_answer_json():
    request = RequestFactory().get("/api/v1/events")
    assert json.loads(_error_page_for(request, OperationalError("gone")).content) == {
        "detail": "The service is unavailable for a moment. Try again shortly."
    }
    response = _error_page_for(request, ValueError("a bug"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"detail": "Something went wrong"}
