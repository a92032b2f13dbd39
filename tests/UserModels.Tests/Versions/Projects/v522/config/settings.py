"""A project whose requirements.txt pins simplejwt: the build picks the release up (DJS0316)."""
import os

SECRET_KEY = os.environ.get("PIN_TEST_SECRET_KEY", "pinned-version-tests-secret-0123456789abcdef0123456789")
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework_simplejwt",
]
SIMPLE_JWT = {
    "ROTATE_REFRESH_TOKENS": False,
}
