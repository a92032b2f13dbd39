from django.apps import AppConfig


class AccountsConfig(AppConfig):
    # The label, not the module path, is what AUTH_USER_MODEL and the table names use.
    name = "apps.accounts"
    label = "users"
