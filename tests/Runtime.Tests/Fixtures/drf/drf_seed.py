"""Seeds the users and DRF tokens the DRF fixtures use, beside the oracle's alice (id 1):
staff (id 2, is_staff), inactive (id 3, is_active False), with fixed authtoken keys.
Kept in step with tests/Runtime.Tests/Drf/DrfFixtureUsers.cs."""
import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

User = get_user_model()
USERS = [
    ("staff", "staff-pass-123", {"is_staff": True}),
    ("inactive", "inactive-pass-123", {"is_active": False}),
]
for name, password, flags in USERS:
    user, _ = User.objects.get_or_create(username=name)
    user.set_password(password)
    for k, v in flags.items():
        setattr(user, k, v)
    user.save()
TOKENS = {
    "alice": "a11ce0000000000000000000000000000000a11c",
    "staff": "57aff000000000000000000000000000000057af",
    "inactive": "1dead000000000000000000000000000000001de",
}
for name, key in TOKENS.items():
    Token.objects.filter(user__username=name).delete()
    Token.objects.create(user=User.objects.get(username=name), key=key)
print("drf seed: " + ", ".join("%s id=%s" % (u.username, u.pk) for u in User.objects.order_by("pk")))
