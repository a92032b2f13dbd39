#!/usr/bin/env python3
"""Records what Django's translation checks (translation.E001-E004) say for each settings text.

Each case is a settings text, executed as a settings module, and run through Django's system checks
for the translation tag (what `manage.py check` runs). Output: translation_checks.json beside this
script: per case, the text and the check ids with their messages, read by LanguageCheckTests.
Needs Debian's Django (3.2). Re-run: /usr/bin/python3 record_translation_checks.py
"""
import json
import pathlib
import subprocess
import sys

CASES = [
    "LANGUAGE_CODE = 'en-us'\n",
    "LANGUAGE_CODE = 'ko-kr'\n",
    "LANGUAGE_CODE = 'ko_KR'\n",
    "LANGUAGE_CODE = 'en us'\n",
    "LANGUAGE_CODE = 'zh-hans'\n",
    "LANGUAGE_CODE = 'zh-cn'\n",
    "LANGUAGE_CODE = 'sr@latin'\n",
    "LANGUAGE_CODE = 'de-at'\nLANGUAGES = [('de', 'German'), ('en', 'English')]\n",
    "LANGUAGE_CODE = 'de'\nLANGUAGES = [('de-at', 'Austrian German'), ('en', 'English')]\n",
    "LANGUAGE_CODE = 'ko-kr'\nLANGUAGES = [('en', 'English'), ('fr', 'French')]\n",
    "LANGUAGE_CODE = 'en-us'\nLANGUAGES = [('en', 'English'), ('pt_BR', 'Brazilian Portuguese')]\n",
    "LANGUAGE_CODE = 'en'\nLANGUAGES = [('en', 'English'), ('EN-GB', 'British English')]\n",
    "LANGUAGE_CODE = 'xx-yy'\n",
    "LANGUAGES_BIDI = ['he', 'ar', 'fa_IR']\n",
    "LANGUAGES_BIDI = ['he', 'ar-dz']\n",
]

PROBE = r'''
import json, sys
from django.conf import settings
ns = {}
exec(sys.stdin.read(), ns)
user = {k: v for k, v in ns.items() if k.isupper()}
settings.configure(INSTALLED_APPS=[], **user)
import django
django.setup()
from django.core import checks
found = checks.run_checks(tags=["translation"])
print(json.dumps([[e.id, e.msg] for e in found]))
'''


def main():
    python = "/usr/bin/python3"
    out = []
    for text in CASES:
        proc = subprocess.run([python, "-c", PROBE], input=text, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("case failed:\n%s\n%s" % (text, proc.stderr))
        out.append({"settings": text, "django": json.loads(proc.stdout)})
    path = pathlib.Path(__file__).with_name("translation_checks.json")
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote %s: %d cases" % (path, len(out)))


if __name__ == "__main__":
    main()
