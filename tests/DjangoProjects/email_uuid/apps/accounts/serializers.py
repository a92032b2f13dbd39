from rest_framework_simplejwt.serializers import TokenObtainPairSerializer


class MemberTokenObtainPairSerializer(TokenObtainPairSerializer):
    @classmethod
    def get_token(cls, user):
        token = super().get_token(user)
        token["display_name"] = user.display_name
        token["email"] = user.email
        return token
