#!/usr/bin/env python3
"""Writes the language variants of the scenarios listed in i18n.list, so every acceptance scenario is
recorded three times: as is, with LANGUAGE_CODE = 'ko-kr' (NAME.ko.*), and with LocaleMiddleware and
Accept-Language: fr on every request (NAME.fr.*, served with ORACLE_USER_MIDDLEWARE=1 so the file's
MIDDLEWARE counts). The variant settings files are the scenario's file plus a few lines, as a user
would add them."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

KO = '''

# Variant: the project's language (the seed project is Korean).
LANGUAGE_CODE = "ko-kr"
'''

FR = '''

# Variant: LocaleMiddleware picks the language from Accept-Language.
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
'''


def main():
    with open(os.path.join(HERE, "i18n.list"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for name in names:
        with open(os.path.join(HERE, name + ".settings"), encoding="utf-8") as f:
            settings = f.read()
        with open(os.path.join(HERE, name + ".corpus.json"), encoding="utf-8") as f:
            corpus = json.load(f)
        write(name + ".ko.settings", settings.rstrip("\n") + KO)
        write_json(name + ".ko.corpus.json", corpus)
        write(name + ".fr.settings", settings.rstrip("\n") + FR)
        write(name + ".fr.env", "ORACLE_USER_MIDDLEWARE=1\n")
        fr = json.loads(json.dumps(corpus))
        for request in fr["requests"] if isinstance(fr, dict) else fr:
            headers = request.setdefault("headers", {})
            if isinstance(headers, dict) and not any(k.lower() == "accept-language" for k in headers):
                headers["Accept-Language"] = "fr"
        write_json(name + ".fr.corpus.json", fr)
        print("variants of", name)


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)


def write_json(name, data):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
