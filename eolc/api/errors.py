"""Every API error is JSON `{"detail": "..."}` with a 4xx status: one readable sentence
that names the field at fault, never a list of validator internals and never a 500 page."""

import ninja
from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja.constants import NOT_SET
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.signature import ViewSignature

from eolc.api.schemas import ErrorOut

# What django-ninja says (with the parser's error appended when DEBUG is on) for a body
# that does not parse as JSON.
_NINJA_UNPARSABLE_BODY = "Cannot parse request body"


class NotAnObject(ValueError):
    pass


class ObjectBodyParser(Parser):
    """Bodies are JSON objects. ninja's Schema reads the fields as attributes of anything else, so
    the body "AAA" would pass as {"title": "Aaa"} (str.title, called) and create a programme."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise NotAnObject
        return data


def _field_name(location) -> str:
    parts = [str(part) for part in location if part not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "request"


# A body is strict (eolc.api.schemas.BodyIn): "5", 5.0 and "true" are refused there, not converted,
# so pydantic's words for a wrong whole number or yes/no get what to send instead.
_WHOLE_NUMBER_ERRORS = {"int_type", "int_parsing", "int_from_float"}
_YES_OR_NO_ERRORS = {"bool_type", "bool_parsing"}


def _message(error) -> str:
    kind = error.get("type")
    in_body = tuple(error.get("loc", ()))[:1] == ("body",)
    if kind == "missing":
        return "is required"
    if kind in _WHOLE_NUMBER_ERRORS:
        written = "without quotes or a decimal point" if in_body else "in digits only"
        return f"Input should be a valid integer: a whole number such as 5, {written}"
    if kind in _YES_OR_NO_ERRORS:
        return "Input should be a valid boolean: true or false" + (", without quotes" if in_body else "")
    return error.get("msg", "is not valid")


def validation_message(errors) -> str:
    return "; ".join(f"{_field_name(error.get('loc', ()))}: {_message(error)}" for error in errors)


class Router(ninja.Router):
    """Every operation declares the errors that its shape alone can give, all in the same way, so
    its route lists only those of its own logic: 403, 409, a 404 for an id in a body or query,
    the 401 of a public operation that checks a password.

    400 a body that is not a JSON object, 401 no valid token (unless the operation is public),
    404 a path naming nothing, 422 any input that does not validate, 429 a throttled operation.
    """

    def add_api_operation(self, path, methods, view_func, *, response=NOT_SET, **options):
        sources = {model.__ninja_param_source__ for model in ViewSignature(path, view_func).models}
        auth = options.get("auth", NOT_SET)
        public = (self.auth if auth is NOT_SET else auth) is None  # NOT_SET at both: the API's auth
        throttled = options.get("throttle", NOT_SET) is not NOT_SET or self.throttle is not NOT_SET
        common = {
            400: "body" in sources,
            401: not public,
            404: "path" in sources,
            422: bool(sources),
            429: throttled,
        }
        declared = response if isinstance(response, dict) else {200: response}
        responses = {code: ErrorOut for code, applies in common.items() if applies} | declared
        super().add_api_operation(
            path, methods, view_func, response=dict(sorted(responses.items())), **options
        )


def install(api):
    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc):
        return api.create_response(request, {"detail": validation_message(exc.errors)}, status=422)

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        return api.create_response(request, {"detail": "Sign in with a valid bearer token"}, status=401)

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc):
        return api.create_response(
            request, {"detail": str(exc) or "You do not have permission to do this"}, status=403
        )

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return api.create_response(request, {"detail": "Not found"}, status=404)

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        detail = str(exc)
        if exc.status_code == 400 and isinstance(exc.__cause__, NotAnObject):
            detail = "body: must be a JSON object"
        elif exc.status_code == 400 and detail.startswith(_NINJA_UNPARSABLE_BODY):
            detail = "body: is not valid JSON"
        return api.create_response(request, {"detail": detail}, status=exc.status_code)
