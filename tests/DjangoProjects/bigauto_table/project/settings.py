"""Test project B: an AbstractUser subclass with an extra field, Meta.db_table = "core_users",
BigAutoField keys (DEFAULT_AUTO_FIELD), a custom TOKEN_OBTAIN_SERIALIZER adding username and
is_staff.

The database and a few SIMPLE_JWT keys come from the environment so the tests can run the same
project on SQLite and PostgreSQL and with each USER_ID_FIELD (see ../README.md)."""
import os
from datetime import timedelta

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "project-b-secret-key-used-by-interop-tests-only-0123456789abcdef")
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "UTC"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "core",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "project.urls"

AUTH_USER_MODEL = "core.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

DATABASES = {
    "default": {
        "ENGINE": os.environ.get("DJ_DB_ENGINE", "django.db.backends.sqlite3"),
        "NAME": os.environ.get("DJ_DB_NAME", "db.sqlite3"),
        "USER": os.environ.get("DJ_DB_USER", ""),
        "HOST": os.environ.get("DJ_DB_HOST", ""),
        "PORT": os.environ.get("DJ_DB_PORT", ""),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ("rest_framework_simplejwt.authentication.JWTAuthentication",),
    "DEFAULT_RENDERER_CLASSES": ("rest_framework.renderers.JSONRenderer",),
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "USER_ID_FIELD": os.environ.get("DJ_USER_ID_FIELD", "id"),
    "USER_ID_CLAIM": os.environ.get("DJ_USER_ID_CLAIM", "user_id"),
    "TOKEN_OBTAIN_SERIALIZER": "core.serializers.StaffAwareTokenObtainPairSerializer",
}
