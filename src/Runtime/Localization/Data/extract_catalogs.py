#!/usr/bin/env python3
"""Writes django-translations.json, the translation data the runtime embeds (DjangoSettings.Localization).

Run with the interpreter that has the Django stack the port must match (Debian's python3 with
python3-django, python3-djangorestframework and python3-djangorestframework-simplejwt):

    /usr/bin/python3 src/Runtime/Localization/Data/extract_catalogs.py

It reads the installed gettext catalogues (LC_MESSAGES/django.mo) with Python's own gettext module,
nothing is typed by hand:

* msgids: every message of DRF's and simplejwt's catalogues (what those libraries can say);
* sources: for Django's own catalogue, every django.contrib app, DRF and simplejwt, each catalogue
  directory that has a django.mo (its existence matters: Django's check_for_language and gettext's
  primary/fallback order depend on it) with the translations of those msgids it holds, and the
  number of its plural function (catalogues with equal plural functions are merged, others kept
  apart, by Django's TranslationCatalog);
* locale_alias: the entries of Python's locale.locale_alias that gettext.find uses to expand a locale
  (ko -> ko_KR.eucKR -> ko_KR, ko), for every language that has a catalogue directory;
* languages and lang_info_fallbacks: Django's default LANGUAGES and LANG_INFO fallbacks.
"""
import gettext
import importlib
import json
import locale
import os
import sys

import django
from django.conf import global_settings
from django.conf.locale import LANG_INFO

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "django-translations.json")


def package_dir(module):
    return os.path.dirname(importlib.import_module(module).__file__)


def catalogue_dirs(localedir):
    """{dir name: GNUTranslations} for each directory with LC_MESSAGES/django.mo."""
    found = {}
    if not os.path.isdir(localedir):
        return found
    for name in sorted(os.listdir(localedir)):
        mo = os.path.join(localedir, name, "LC_MESSAGES", "django.mo")
        if os.path.isfile(mo):
            with open(mo, "rb") as f:
                found[name] = gettext.GNUTranslations(f)
    return found


def main():
    sources = {"django": os.path.join(package_dir("django.conf"), "locale")}
    contrib = os.path.join(package_dir("django"), "contrib")
    for app in sorted(os.listdir(contrib)):
        if os.path.isdir(os.path.join(contrib, app, "locale")):
            sources["django.contrib." + app] = os.path.join(contrib, app, "locale")
    for app in ("rest_framework", "rest_framework_simplejwt"):
        sources[app] = os.path.join(package_dir(app), "locale")

    catalogues = {name: catalogue_dirs(path) for name, path in sources.items()}
    msgids = set()
    for app in ("rest_framework", "rest_framework_simplejwt"):
        for translations in catalogues[app].values():
            msgids.update(k for k in translations._catalog if isinstance(k, str) and k)

    # Django's TranslationCatalog merges a catalogue into the first one whose plural function has
    # the same code object, else puts it in front: which catalogue a message comes from depends on
    # the Plural-Forms of each. Plural functions are numbered by code-object equality.
    plural_codes = []

    def plural_id(translations):
        code = translations.plural.__code__
        for i, known in enumerate(plural_codes):
            if known == code:
                return i
        plural_codes.append(code)
        return len(plural_codes) - 1

    out_sources = {}
    languages_with_dirs = set()
    for name, dirs in catalogues.items():
        out_dirs = {}
        plurals = {}
        for dirname, translations in dirs.items():
            languages_with_dirs.add(dirname.split("_")[0].split("@")[0].lower())
            entries = {k: v for k, v in translations._catalog.items() if isinstance(k, str) and k in msgids}
            out_dirs[dirname] = dict(sorted(entries.items()))
            plurals[dirname] = plural_id(translations)
        out_sources[name] = {"plurals": plurals, "dirs": out_dirs}

    alias = {}
    for key, value in sorted(locale.locale_alias.items()):
        lang = value.split("_")[0].split(".")[0].split("@")[0].lower()
        if lang in languages_with_dirs:
            alias[key] = value

    data = {
        "generated_by": "src/Runtime/Localization/Data/extract_catalogs.py",
        "versions": {
            "python": "%d.%d.%d" % sys.version_info[:3],
            "django": django.get_version(),
            "rest_framework": importlib.import_module("rest_framework").VERSION,
            "rest_framework_simplejwt": _simplejwt_version(),
        },
        "languages": [code for code, _ in global_settings.LANGUAGES],
        "lang_info_fallbacks": {code: info["fallback"] for code, info in sorted(LANG_INFO.items()) if "fallback" in info},
        "locale_alias": alias,
        "msgids": sorted(msgids),
        "sources": out_sources,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=0, separators=(",", ":"))
        f.write("\n")
    print("wrote %s: %d msgids, %d sources, %d alias entries" % (OUT, len(msgids), len(out_sources), len(alias)))


def _simplejwt_version():
    try:
        from importlib.metadata import version
        return version("djangorestframework-simplejwt")
    except Exception:  # noqa: BLE001 - the version is informational
        return "unknown"


if __name__ == "__main__":
    main()
