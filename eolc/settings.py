"""Settings for EoLC Together, read from the environment only.

One module serves development, tests and production: DEBUG=false plus a real
SECRET_KEY and ALLOWED_HOSTS make it production-grade (`manage.py check --deploy`).
See .env.example for every variable.
"""

import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from eolc.lib.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", default=True)


def _secret_key() -> str:
    """In development a key is generated once into var/; production must supply one."""
    configured = env_str("SECRET_KEY")
    if configured:
        return configured
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is false")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Our apps come first so their templates override allauth's.
    "eolc.core",
    "eolc.accounts",
    "eolc.audit",
    "eolc.privacy",
    "eolc.programmes",
    "eolc.curriculum",
    "eolc.events",
    "eolc.action_plans",
    "eolc.allocation",
    "eolc.mentoring",
    "eolc.reports",
    "eolc.library",
    "eolc.insights",
    "eolc.evaluation",
    "eolc.imports",
    "eolc.champions",
    "eolc.scenarios",
    "eolc.api",
    "eolc.demo",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "eolc.programmes.middleware.remember_roles",
    "eolc.core.middleware.remember_stamps",
    "django.contrib.messages.middleware.MessageMiddleware",
    "eolc.accounts.middleware.session_timeouts",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "eolc.programmes.middleware.require_staff_mfa",
    "eolc.core.middleware.permissions_policy",
    "eolc.audit.middleware.record_denials",
]

ROOT_URLCONF = "eolc.urls"
WSGI_APPLICATION = "eolc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eolc.core.context_processors.layout",
            ],
        },
    },
]
FORM_RENDERER = "eolc.core.forms.NHSFormRenderer"

# --- Database -------------------------------------------------------------
# SQLite under var/ is the zero-set-up default; DATABASE_URL selects PostgreSQL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'eolc.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE transactions take the write lock up front, so concurrent writers
        # queue on the busy timeout instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
        ),
    }
else:
    # Django's PostgreSQL backend, checking kept connections without a round trip.
    DATABASES["default"]["ENGINE"] = "eolc.core.postgresql"
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# The database cache is shared by every app server, so rate limits hold across
# processes without extra infrastructure; REDIS_URL swaps in Redis. "local" is each process's own
# memory, for pages and parts whose keys carry a shared generation stamp (eolc/core/stamps.py).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "eolc_cache",
            # Rate-limit counters, one per address and account: Django's default of 300 entries
            # would cull them again and again under load.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
# Generation stamps (eolc.core's only table, ADR 020) are moved by the saves that reload a
# transactional test's rows: tests serialise the database without them, as they do the cache.
TEST_NON_SERIALIZED_APPS = ["eolc.core"]
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "eolc-local",
    # Calendar pages, each event's shared parts and its whole page for visitors, and the open
    # allocation round per event: a few hundred busy events' worth (at most about 15 MB).
    "OPTIONS": {"MAX_ENTRIES": 500},
}
# Small entries, also in each process's memory: every signed-in person's header menu and waiting
# surveys, and fragments of markup that are the same on every page (ADR 020).
CACHES["local-small"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "eolc-local-small",
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}
# Pages of API lists (eolc.api.pages), apart so that neither crowds the other out. A page of 500
# events is about 150 KB, so at most 15 MB per process.
CACHES["api"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "eolc-api",
    "OPTIONS": {"MAX_ENTRIES": 100},
}

# Rate limits key on the client's address. X-Forwarded-For is only believed from this many
# reverse proxies in front of the app (0: ignore it, so a client cannot pick its own address).
NINJA_NUM_PROXIES = env_int("NUM_PROXIES", 0)

# --- Background tasks -----------------------------------------------------
# `database` (the default) keeps the queue in PostgreSQL/SQLite, worked by `manage.py db_worker`.
# `rq` is the scale-out path: the queue in Redis (REDIS_URL, else 127.0.0.1:6379), worked by
# `manage.py rqworker --job-class django_tasks_rq.Job default` (docs/operations.md).
TASKS_BACKEND = env_choice("TASKS_BACKEND", ("database", "immediate", "rq"), "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "rq": "django_tasks_rq.RQBackend",
        }[TASKS_BACKEND],
    }
}
# Installations sharing one Redis keep apart by its database number (redis://host:6379/<n>).
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 30 * 60}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "eolc.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "programmes:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
# Failed sign-ins lock an address for a while (shared with the API token endpoint, which uses the
# same allauth limiter), and reset emails are limited per address and per client.
ACCOUNT_RATE_LIMITS = {  # merged into allauth's defaults
    "login_failed": f"10/m/ip,{env_int('SIGN_IN_ATTEMPTS', 5)}/{env_int('SIGN_IN_LOCKOUT', 300)}s/key",
    "reset_password": "20/m/ip,3/5m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "EoLC Together: "
ACCOUNT_FORMS = {"signup": "eolc.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "eolc.accounts.adapters.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "EoLC Together"
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", default=True)
# Demo accounts share published passwords, so they are refused unless DEBUG is on.
DEMO_SIGN_INS_ALLOWED = DEBUG

# --- Evaluation -----------------------------------------------------------
# Keys that pair a person's answers before and after a session without naming them (ADR 014).
# Empty means "derive from SECRET_KEY"; set it separately so SECRET_KEY can rotate without
# breaking pairs. Changing it stops old and new answers from pairing.
EVALUATION_PAIRING_SECRET = env_str("EVALUATION_PAIRING_SECRET", "")

# --- Email ----------------------------------------------------------------
EMAIL_BACKEND = env_choice(
    "EMAIL_BACKEND",
    (
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
    ),
    "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "EoLC Together <no-reply@eolc-together.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Built design-system assets (git-ignored) live outside any app.
STATICFILES_DIRS = [BASE_DIR / "eolc" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# A missing manifest entry must not turn an error page into a second error.
WHITENOISE_MANIFEST_STRICT = False
# Uploads are never served from a public URL: library files go out through an access-checked view.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
LIBRARY_MAX_UPLOAD_BYTES = env_int("LIBRARY_MAX_UPLOAD_MB", 50) * 1024 * 1024

# --- Security -------------------------------------------------------------
# Only the session and CSRF cookies are ever set; messages live in the session.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_ENGINE = "eolc.accounts.session_store"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# A signed-in session ends after this long without a request, and this long after sign-in at most.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 60 * 30)
SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_ABSOLUTE_TIMEOUT", SESSION_COOKIE_AGE)
# Days between a person closing their account and `privacy_retention` erasing them (time to change
# their mind, or for staff to act on a safeguarding concern first).
PRIVACY_ERASE_AFTER_DAYS = env_int("PRIVACY_ERASE_AFTER_DAYS", 30)
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# No inline scripts or styles and no third-party origins, in every environment.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}
