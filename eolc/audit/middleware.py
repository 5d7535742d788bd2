"""Records every refused request (403), from pages and the API alike."""

from eolc.audit.models import Action
from eolc.audit.services import audit_record


def record_denials(get_response):
    def middleware(request):
        response = get_response(request)
        if response.status_code == 403:
            user = getattr(request, "user", None)
            audit_record(
                actor=user,
                action=Action.PERMISSION_DENIED,
                detail={"method": request.method, "status": 403},
                request=request,
            )
        return response

    return middleware
