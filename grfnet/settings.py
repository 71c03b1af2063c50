"""Settings for grfnet, read from the environment through one ``environ.Env()``.

Every value has a safe development default so that ``make run`` works on a fresh
machine with SQLite. With ``GRFNET_PRODUCTION=True`` the values that matter for a
public deployment are validated at start-up and a missing or invalid one stops the
process with a message that names it. ``.env.example`` lists every variable.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

PRODUCTION = env.bool("GRFNET_PRODUCTION", default=False)
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Staff (who publish and manage accounts) confirm their sign-in with an authenticator app
# or a recovery code before the admin and the review queue open: always in production,
# optional in development (accounts.two_factor).
GRFNET_STAFF_TWO_FACTOR = env.bool("GRFNET_STAFF_TWO_FACTOR", default=PRODUCTION)
OTP_TOTP_ISSUER = "Japan GRF Network"

# Whether the dashboards, pledge and organization pages are readable without signing in.
GRFNET_PUBLIC_DASHBOARD = env.bool("GRFNET_PUBLIC_DASHBOARD", default=False)
# The address the site is reached at, for links in emails sent outside a request.
GRFNET_SITE_URL = env.str("GRFNET_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Where readers write to the secretariat (contact, privacy and accessibility pages).
GRFNET_CONTACT_EMAIL = env.str("GRFNET_CONTACT_EMAIL", default="secretariat@grfnet.localhost")


def _production_problems() -> list[str]:
    problems = []
    if "SECRET_KEY" not in env.ENVIRON:
        problems.append("SECRET_KEY is not set.")
    elif SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        problems.append("SECRET_KEY must be a random string of at least 50 characters.")
    if DEBUG:
        problems.append("DEBUG must be off (DEBUG=False).")
    if "ALLOWED_HOSTS" not in env.ENVIRON or not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is not set (comma-separated host names).")
    if "DATABASE_URL" not in env.ENVIRON:
        problems.append("DATABASE_URL is not set (postgres://user:password@host:5432/name).")
    if "EMAIL_URL" not in env.ENVIRON:
        problems.append("EMAIL_URL is not set (smtp+tls://user:password@host:587).")
    if "DEFAULT_FROM_EMAIL" not in env.ENVIRON:
        problems.append("DEFAULT_FROM_EMAIL is not set (the sender of the site's emails).")
    if not env.bool("GRFNET_STAFF_TWO_FACTOR", default=True):
        problems.append("GRFNET_STAFF_TWO_FACTOR cannot be turned off in production.")
    if not GRFNET_SITE_URL.startswith("https://"):
        problems.append("GRFNET_SITE_URL must be the https:// address of the site.")
    return problems


if PRODUCTION and (problems := _production_problems()):
    raise ImproperlyConfigured(
        "Production settings are incomplete (GRFNET_PRODUCTION=True): " + " ".join(problems)
    )

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_countries",
    "simple_history",
    "accounts.signin_security.SignInSecurityConfig",  # django-axes, renamed
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "organizations",
    "pledges",
    "meetings",
    "dashboards",
    # Last: its admin replaces the admins of the apps above with importing ones.
    "import_export",
    "ninja",
    "exchange",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "accounts.middleware.HostileInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.RememberInterfaceLanguageMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "grfnet.urls"
WSGI_APPLICATION = "grfnet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "grfnet.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A database that accepts connections but never answers must not hang every request: give
# up connecting after a few seconds and cancel any statement that runs too long. The
# requests then answer 503 with Retry-After (accounts.errors), not a 500 or a minute's wait.
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", default=5)
DATABASE_STATEMENT_TIMEOUT_MS = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=30_000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    # PostgreSQL's JIT compiler spent 1.4-3 s compiling the roll-up and report queries and
    # saved nothing on them (docs/performance-notes): off for the app's connections.
    _options["options"] = (
        f"{_options.get('options', '')} -c jit=off"
        f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    ).strip()
    # psycopg's connection pool in each app process (DATABASE_POOL_SIZE connections at
    # most), instead of one persistent connection per thread; see the README's Deployment.
    if _pool_size := env.int("DATABASE_POOL_SIZE", default=0):
        _options["pool"] = {"min_size": 1, "max_size": _pool_size, "timeout": 10}
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # How long to wait for another process's write lock before "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", DATABASE_CONNECT_TIMEOUT)

# The cache: Redis when CACHE_URL is set (redis://host:6379/0), shared by every app process
# on every machine; otherwise each process keeps its own in local memory. Pages cache what
# they build from published data under the version in pledges.published, which lives in
# the database, so a process's own cache is colder but never stale.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://grfnet")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same, but one Redis client per connection pool rather than one per cache call.
    CACHES["default"]["BACKEND"] = "grfnet.cache.RedisCache"
GRFNET_CACHE_SECONDS = env.int("GRFNET_CACHE_SECONDS", default=3600)
if "CACHE_URL" in env.ENVIRON:
    # Sessions read from the shared cache, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
# Focal points sign in to report; the workspace links everything else.
LOGIN_REDIRECT_URL = "dashboards:workspace"
LOGOUT_REDIRECT_URL = "/"

# Sign-in throttling: the sixth wrong password within the cool-off window is refused.
# (django-axes locks out on the failure that reaches the limit, so the limit is 6: five
# wrong passwords get the usual message, the sixth the locked-out page.)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=6)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# A lock-out is for one account from one address: locking by address alone would lock
# everyone out behind a shared proxy, and by account alone would let anyone lock a user out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Password spraying (one address trying a few passwords on many accounts) is stopped by a
# ceiling per address across user names, higher than the per-account limit so that
# colleagues behind one office proxy are not locked out together (accounts.throttle).
AXES_HANDLER = "accounts.throttle.AddressCeilingHandler"
GRFNET_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=30)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a load balancer, count the proxies in front so the client's own address is read
# from X-Forwarded-For; with none, the connection's address is the client's.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Internationalisation: Japanese first, English second, both complete.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates per language: "11 September 2024" (UN style) and "2024年9月11日" (formats/).
FORMAT_MODULE_PATH = ["formats"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# Content fields are stored in both languages (title_ja, title_en, ...). English is
# the default column because the public pledge records are complete in English; an
# empty Japanese value falls back to English and the other way round.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ja", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ja"), "en": ("ja",), "ja": ("en",)}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Evidence files attached to updates. Never served from a public URL (``pledges:attachment``
# checks who may read each). A directory by default; several machines share an
# S3-compatible bucket through django-storages, like the report PDFs:
# GRFNET_EVIDENCE_STORAGE=storages.backends.s3.S3Storage and
# GRFNET_EVIDENCE_STORAGE_OPTIONS='{"bucket_name": "...", "endpoint_url": "https://...",
# "default_acl": "private"}'.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
GRFNET_EVIDENCE_STORAGE = env.str(
    "GRFNET_EVIDENCE_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
GRFNET_EVIDENCE_STORAGE_OPTIONS = env.json(
    "GRFNET_EVIDENCE_STORAGE_OPTIONS", default={"location": str(MEDIA_ROOT / "evidence")}
)
# Meeting-report PDFs, built once per meeting, language and data change (meetings.pdf_cache).
# A directory by default; several machines share an S3-compatible bucket through
# django-storages: GRFNET_REPORT_STORAGE=storages.backends.s3.S3Storage and
# GRFNET_REPORT_STORAGE_OPTIONS='{"bucket_name": "...", "endpoint_url": "https://..."}'.
GRFNET_REPORT_STORAGE = env.str(
    "GRFNET_REPORT_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
GRFNET_REPORT_STORAGE_OPTIONS = env.json(
    "GRFNET_REPORT_STORAGE_OPTIONS",
    default={
        "location": str(env.path("GRFNET_REPORTS_ROOT", default=BASE_DIR / "media" / "reports"))
    },
)
# How long a request waits for another one's build of the same PDF, and how long a build
# may hold the lock before another request may try.
GRFNET_PDF_WAIT_SECONDS = env.int("GRFNET_PDF_WAIT_SECONDS", default=120)
GRFNET_PDF_BUILD_SECONDS = env.int("GRFNET_PDF_BUILD_SECONDS", default=600)
# Files uploaded for an admin import, kept between the preview and the confirmation (which
# may reach another machine than the preview did): a directory by default, or a bucket
# shared by every machine, GRFNET_IMPORT_STORAGE=storages.backends.s3.S3Storage and
# GRFNET_IMPORT_STORAGE_OPTIONS='{"bucket_name": "...", "endpoint_url": "https://..."}'.
# A confirmed or cancelled import deletes its file.
GRFNET_IMPORT_STORAGE = env.str(
    "GRFNET_IMPORT_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
GRFNET_IMPORT_STORAGE_OPTIONS = env.json(
    "GRFNET_IMPORT_STORAGE_OPTIONS", default={"location": str(MEDIA_ROOT / "imports")}
)
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
STORAGES = {
    "default": {"BACKEND": GRFNET_EVIDENCE_STORAGE, "OPTIONS": GRFNET_EVIDENCE_STORAGE_OPTIONS},
    "reports": {"BACKEND": GRFNET_REPORT_STORAGE, "OPTIONS": GRFNET_REPORT_STORAGE_OPTIONS},
    "import_export": {"BACKEND": GRFNET_IMPORT_STORAGE, "OPTIONS": GRFNET_IMPORT_STORAGE_OPTIONS},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# The admin shows every version of a progress update, but reverting one would bypass the
# services that keep the pledge's published state in step: corrections go through them.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Imports (exchange): a confirmed import is one transaction, rolled back if any row fails.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_CONFIRM = False

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)  # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, ...
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="grfnet <noreply@grfnet.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# A strict policy: nothing inline, nothing from elsewhere. Progress bars are <progress>
# or SVG, chart data travels by json_script, so no page needs 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

if PRODUCTION:
    # Static files are served by the app processes themselves, compressed and cached forever.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers check over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies are bound to this exact host, over HTTPS, for the whole path.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True

# The language choice is sent on same-site navigations only, like the session.
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"quiet_static": {"()": "grfnet.logging_filters.QuietStaticRequests"}},
    "formatters": {
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "server": {
            "class": "logging.StreamHandler",
            "formatter": "server",
            "filters": ["quiet_static"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # One handler for Django's messages (its default one plus the root's printed each
        # line twice), and runserver's request lines without the static files.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "grfnet": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
