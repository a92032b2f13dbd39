#!/usr/bin/env python3
"""manage.py of the recording project: the oracle's Django project (shared/oracle/djangoapp) plus a
few views the oracle lacks (a plain view that reads request.body, X-Frame-Options decorators,
routes with converters), so record.py can observe Django where the oracle cannot show it.
Run it with Debian's /usr/bin/python3; H13_ORACLE_DJANGOAPP names the oracle's djangoapp folder."""
import os
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    oracle = os.environ.get("H13_ORACLE_DJANGOAPP") or os.path.join(here, "..", "..", "..", "..", "..", "..", "shared", "oracle", "djangoapp")
    sys.path.insert(0, os.path.realpath(oracle))
    sys.path.insert(0, here)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "h13_project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
