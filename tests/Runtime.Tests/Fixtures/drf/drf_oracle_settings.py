"""The oracle's Django settings (shared/oracle/djangoapp/oracle_project/settings.py, which execs the
settings file named by ORACLE_SETTINGS), plus DRF's authtoken app, which TokenAuthentication needs
and the oracle's fixed INSTALLED_APPS leaves out, and the oracle's URLs plus the extra views of
drf_oracle_urls.py."""
from oracle_project.settings import *  # noqa: F401,F403

INSTALLED_APPS = INSTALLED_APPS + ["rest_framework.authtoken"]  # noqa: F405
ROOT_URLCONF = "drf_oracle_urls"
