"""Settings and URLs for the load benchmark's server: the real site plus a minimal "hello" view.

`scripts/bench/load.py` runs gunicorn with `DJANGO_SETTINGS_MODULE=load_site.settings` (this directory on
PYTHONPATH). The hello view goes through the same middleware, so the ratio of a page's requests
per second to hello's measures the page's own cost on this stack. Nothing here ships in the site.
"""

from eolc.settings import *  # noqa: F403

ROOT_URLCONF = "load_site.urls"
# Production serves hashed names from `collectstatic`'s manifest; the benchmark fetches no assets.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Served over plain HTTP on 127.0.0.1: the client says it came through a TLS proxy instead.
SECURE_SSL_REDIRECT = False
