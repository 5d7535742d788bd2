"""Finding resources by their words: PostgreSQL full-text search, or a plain word match on SQLite (ADR 011).

On PostgreSQL the same weighted search vector is used by the query and by a GIN expression index,
so the index serves the search. SQLite has no such index; there every word must appear somewhere
in the title, summary, body or transcript, which is enough for development and small sites.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q

CONFIG = "english"
MAX_WORDS = 12
INDEX_NAME = "library_resource_search"


def search_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", "body", weight="B", config=CONFIG)
        + SearchVector("transcript", weight="C", config=CONFIG)
    )


def _words(text: str) -> list[str]:
    return text.split()[:MAX_WORDS]


def matching(queryset, text: str):
    words = _words(text or "")
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(words), config=CONFIG, search_type="websearch")
        return (
            queryset.annotate(document=search_vector())
            .filter(document=query)
            .annotate(rank=SearchRank(F("document"), query))
            .order_by("-rank", "title")
        )
    for word in words:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(transcript__icontains=word)
        )
    return queryset


def _resource_and_index(apps):
    return apps.get_model("library", "Resource"), GinIndex(search_vector(), name=INDEX_NAME)


def create_index(apps, schema_editor):
    """Migration step. The index is kept out of the model state: SQLite rebuilds tables from that
    state whenever it alters one, and would then try to build a GIN index it cannot have."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(*_resource_and_index(apps))


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(*_resource_and_index(apps))
