"""Test project C: a user model on AbstractBaseUser only, a CharField primary key ("handle"), no
is_active column and no PermissionsMixin, an extra model with an implicit pk. USER_ID_FIELD must
name the pk ("handle"): simplejwt's default "id" does not exist on this model.

The database comes from the environment so the tests can run the same project on SQLite and
PostgreSQL (see ../README.md)."""
import os
from datetime import timedelta

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "project-c-secret-key-used-by-interop-tests-only-0123456789abcdef")
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
    "people",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "project.urls"

AUTH_USER_MODEL = "people.Person"

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
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "USER_ID_FIELD": "handle",
    "USER_ID_CLAIM": "sub",
}
