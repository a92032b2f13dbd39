from rest_framework_simplejwt.serializers import TokenObtainPairSerializer


class UsernameTokenObtainPairSerializer(TokenObtainPairSerializer):
    """The seed backend's customisation: put the username into the token.

    The claim is added to the *refresh* token; simplejwt copies every refresh claim (except
    token_type/exp/jti) into the access token it derives, so the access token carries it too, and so
    do access tokens minted later by /api/token/refresh/. The build translates get_token into the
    port's claims (DJS0522); the oracle's Django serves the same class
    (shared/oracle/djangoapp/oracle_app/serializers.py).
    """

    @classmethod
    def get_token(cls, user):
        token = super().get_token(user)
        token["username"] = user.get_username()
        return token
