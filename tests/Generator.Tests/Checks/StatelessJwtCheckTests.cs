using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>simplejwt's stateless authentication classes are served: DJS0605 no longer reports them.</summary>
public class StatelessJwtCheckTests
{
    [Theory]
    [InlineData("rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication")]
    [InlineData("rest_framework_simplejwt.authentication.JWTTokenUserAuthentication")]
    public void The_stateless_classes_are_not_reported(string path)
    {
        var ids = Compile.Ids("REST_FRAMEWORK = {'DEFAULT_AUTHENTICATION_CLASSES': ['" + path + "']}\n", Diagnostics.SettingsSeverity.Info);
        Assert.Empty(ids);
        // A class simplejwt does not ship next to them still is.
        Assert.Contains("DJS0603@1:54", Compile.Ids("REST_FRAMEWORK = {'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework_simplejwt.authentication.JWTStatelessAuthentication']}\n"));
    }
}
