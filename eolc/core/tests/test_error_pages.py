from django.test import RequestFactory

from eolc.core import views


def test_error_pages_render_before_authentication_middleware_has_run():
    """A request that fails early has no `user`; its error page must not fail in turn."""
    request = RequestFactory().get("/missing/")
    assert views.error_404(request).status_code == 404
    assert views.error_500(request).status_code == 500
    assert views.error_403(request).status_code == 403
