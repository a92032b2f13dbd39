"""The oracle's settings module, unchanged (it execs $ORACLE_SETTINGS and honours
ORACLE_USER_MIDDLEWARE / ORACLE_RENDERERS / ORACLE_DEBUG), with this project's URLconf."""
from oracle_project.settings import *  # noqa: F401,F403 - the oracle's settings, user file included

ROOT_URLCONF = "h13_project.urls"
