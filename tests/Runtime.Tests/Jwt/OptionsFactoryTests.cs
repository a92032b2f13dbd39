using System;
using System.Collections.Generic;
using DjangoSettings.Jwt;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>SimpleJwtOptions defaults and the validating factory.</summary>
public class OptionsFactoryTests
{
    [Fact]
    public void Defaults_are_simplejwt_5_5_defaults()
    {
        var o = SimpleJwtOptionsFactory.FromSettings(new Dictionary<string, object?>(), "secret");
        Assert.Equal(TimeSpan.FromMinutes(5), o.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(1), o.RefreshTokenLifetime);
        Assert.Equal(("HS256", "secret", "HTTP_AUTHORIZATION", "Authorization"), (o.Algorithm, o.SigningKey, o.AuthHeaderName, o.AuthHeaderHttpName));
        Assert.Equal(["Bearer"], o.AuthHeaderTypes);
        Assert.Equal(("id", "user_id", "token_type", "jti", "refresh_exp"), (o.UserIdField, o.UserIdClaim, o.TokenTypeClaim, o.JtiClaim, o.SlidingTokenRefreshExpClaim));
        Assert.False(o.RotateRefreshTokens || o.BlacklistAfterRotation || o.UpdateLastLogin || o.CheckRevokeToken);
        Assert.True(o.CheckUserIsActive && o.UserIdAsString);
        Assert.Null(o.Audience);
        Assert.Equal(TimeSpan.Zero, o.Leeway);
        Assert.Equal([TokenType.Access], o.AuthTokenClasses);
    }

    [Fact]
    public void Raw_values_are_converted()
    {
        var o = SimpleJwtOptionsFactory.FromSettings(new Dictionary<string, object?>
        {
            ["ACCESS_TOKEN_LIFETIME"] = TimeSpan.FromMinutes(15),
            ["LEEWAY"] = 30L,
            ["AUTH_HEADER_TYPES"] = "JWT",
            ["AUTH_HEADER_NAME"] = "HTTP_X_ACCESS_TOKEN",
            ["AUDIENCE"] = "my-aud",
            ["TOKEN_TYPE_CLAIM"] = null,
            ["AUTH_TOKEN_CLASSES"] = new[] { "rest_framework_simplejwt.tokens.AccessToken", "rest_framework_simplejwt.tokens.SlidingToken" },
            ["UNKNOWN_KEY"] = 1,
        }, "secret");
        Assert.Equal(TimeSpan.FromSeconds(30), o.Leeway);
        Assert.Equal(["JWT"], o.AuthHeaderTypes);
        Assert.Equal("X-Access-Token", o.AuthHeaderHttpName);
        Assert.Equal(["my-aud"], o.Audience!);
        Assert.False(o.AudienceIsList);
        Assert.Null(o.TokenTypeClaim);
        Assert.Equal([TokenType.Access, TokenType.Sliding], o.AuthTokenClasses);
    }

    [Theory]
    [InlineData("ALGORITHM", "none", "Unrecognized algorithm type 'none'")]
    [InlineData("ALGORITHM", "HS1024", "Unrecognized algorithm type 'HS1024'")]
    [InlineData("ALGORITHM", "RS256", "VERIFYING_KEY")]
    [InlineData("SECRET_KEY", "x", "has been removed")]
    [InlineData("AUTH_HEADER_TYPE", "Bearer", "has been removed")]
    [InlineData("AUTH_HEADER_NAME", "AUTHORIZATION", "META form")]
    [InlineData("LEEWAY", "ten", "Unrecognized type '<class 'str'>', 'leeway' must be of type int, float or timedelta.")]
    [InlineData("ROTATE_REFRESH_TOKENS", "yes", "True or False")]
    [InlineData("AUTH_TOKEN_CLASSES", "myapp.tokens.CustomToken", "CustomToken")]
    [InlineData("USER_ID_FIELD", "", "USER_ID_FIELD")]
    public void Invalid_settings_fail_at_startup_with_the_key_named(string key, string value, string expected)
    {
        var ex = Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.FromSettings(new Dictionary<string, object?> { [key] = value }, "secret"));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("uuid", "'uuid' is not a field of the user model auth.User")]
    [InlineData("last_login", "DateTimeField, which cannot identify a user")]
    public void USER_ID_FIELD_must_name_a_field_of_the_user_model_that_can_identify_a_user(string field, string expected)
    {
        var options = SimpleJwtOptions.Defaults("secret") with { UserIdField = field };
        var ex = Assert.Throws<SimpleJwtConfigurationException>(() => SimpleJwtOptionsFactory.ValidateUserIdField(options, DjangoSettings.Users.DjangoUserModel.Default));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        foreach (string ok in new[] { "id", "pk", "username", "email" })
        {
            SimpleJwtOptionsFactory.ValidateUserIdField(options with { UserIdField = ok }, DjangoSettings.Users.DjangoUserModel.Default);
        }
    }

    [Fact]
    public void Asymmetric_keys_are_checked()
    {
        var (priv, pub) = TestKeys.CachedRsa(0);
        Assert.Throws<SimpleJwtConfigurationException>(() => SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults(priv)));
        Assert.Contains("asymmetric key", Assert.Throws<SimpleJwtConfigurationException>(() => SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults(priv))).Message);
        var ec = TestKeys.Ec("ES256");
        var wrongCurve = Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults(ec.Private) with { Algorithm = "ES384", VerifyingKey = ec.Public }));
        Assert.Contains("P-384", wrongCurve.Message);
        Assert.Contains("PEM", Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults(priv) with { Algorithm = "RS256", VerifyingKey = "ssh-rsa AAAA" })).Message);
        var good = SimpleJwtOptions.Defaults(priv) with { Algorithm = "RS256", VerifyingKey = pub };
        Assert.Same(good, SimpleJwtOptionsFactory.Validate(good));
        // Verify-only (no SIGNING_KEY) is a valid configuration for RS*.
        Assert.Equal("RS256", SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults("") with { Algorithm = "RS256", VerifyingKey = pub }).Algorithm);
    }

    [Fact]
    public void Null_jti_claim_cannot_be_combined_with_the_blacklist()
    {
        Assert.Contains("JTI_CLAIM", Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults("k") with { JtiClaim = null })).Message);
    }
}
