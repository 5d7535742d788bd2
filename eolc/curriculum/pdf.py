"""PDF documents (certificates, transcripts, reflections) rendered from HTML with WeasyPrint."""

from django.http import HttpResponse
from django.template.loader import render_to_string


def _refuse_fetch(url, *args, **kwargs):
    """Documents are self-contained; nothing a learner typed can make the server fetch a URL."""
    raise ValueError(f"PDF documents do not load external resources ({url[:80]})")


def pdf_response(request, template: str, context: dict, filename: str) -> HttpResponse:
    # Imported here: WeasyPrint loads Pango, which only PDF requests need.
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    document = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
