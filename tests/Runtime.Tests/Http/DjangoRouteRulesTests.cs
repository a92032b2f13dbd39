using DjangoSettings.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>Django's stricter URL matching (case, trailing slash, empty segments) over ASP.NET Core route patterns.</summary>
public sealed class DjangoRouteRulesTests
{
    [Theory]
    [InlineData("/api/", "/api/", true)]
    [InlineData("/api/", "/api", false)]
    [InlineData("/api/", "/API/", false)]
    [InlineData("/api/", "/api//", false)]
    [InlineData("/h13/exact", "/h13/exact", true)]
    [InlineData("/h13/exact", "/h13/exact/", false)]
    [InlineData("/", "/", true)]
    [InlineData("", "/", true)]
    [InlineData("/", "/x", false)]
    [InlineData("~/api/", "/api/", true)]
    [InlineData("/h13/items/{pk:int}/", "/h13/items/5/", true)]
    [InlineData("/h13/items/{pk:int}/", "/h13/items/5", false)]
    [InlineData("/h13/items/{pk:int}/", "/H13/items/5/", false)]
    [InlineData("/h13/users/{name}/", "/h13/users/Bob/", true)]
    [InlineData("/files/{**rest}", "/files/a/b/", true)]
    [InlineData("/files/{**rest}", "/Files/a", false)]
    [InlineData("/items/{id?}", "/items", true)]
    [InlineData("/items/{id?}", "/items/", false)]
    [InlineData("/items/{id?}", "/items/4", true)]
    [InlineData("/items/{id=1}/", "/items/", false)]
    [InlineData("/x/{a}.{b}/", "/x/1.2/", true)]
    public void Accepts(string template, string path, bool accepted) =>
        Assert.Equal(accepted, DjangoRouteRules.Accepts(RoutePatternFactory.Parse(template), path));

    [Fact]
    public void A_pattern_without_template_text_is_left_to_aspnet()
    {
        var pattern = RoutePatternFactory.Pattern(RoutePatternFactory.Segment(RoutePatternFactory.LiteralPart("api")));
        Assert.True(DjangoRouteRules.Accepts(pattern, "/API"));
    }
}
