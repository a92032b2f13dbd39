using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Project;

/// <summary>
/// The generator reads the class SIMPLE_JWT's TOKEN_OBTAIN_SERIALIZER names from the Django project
/// and translates its get_token override into the claims provider of the generated wiring: the test
/// projects' serializers (whose Django-minted tokens UserModels.Tests compares byte for byte), the
/// seed's, and small projects for each shape it refuses, reported at the serializer's line.
/// </summary>
public sealed class TokenClaimsReadingTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;

    private static (GeneratorDriverRunResult Run, string? Claims) Generate(IEnumerable<AdditionalText> files, string settingsPath)
    {
        var compilation = GeneratorHarness.CreateCompilation("[DjangoSettings.DjangoSettingsFile(\"" + settingsPath + "\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource)
            .AddReferences(GeneratorHarness.FakeRuntime);
        var run = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation).GetRunResult();
        var claims = run.Results[0].GeneratedSources.Where(s => s.HintName.EndsWith(".TokenClaims.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).SingleOrDefault();
        return (run, claims);
    }

    private static List<AdditionalText> DjangoProject(string name)
    {
        string root = Path.Combine(RepositoryRoot.Path, "tests", "DjangoProjects", name);
        return Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Replace('\\', '/').Contains("/migrations/", StringComparison.Ordinal))
            .Select(p => (AdditionalText)new InMemoryAdditionalText(Dir + "/" + name + "/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }

    private const string Values = "global::DjangoSettings.Jwt.DjangoClaimValues";

    private static string[] ClaimLines(string claims)
        => claims.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("claims.Set(", StringComparison.Ordinal)).ToArray();

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void Project_A_serializer_sets_two_char_fields_in_order()
    {
        var (run, claims) = Generate(DjangoProject("email_uuid"), "email_uuid/project/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[]
        {
            "claims.Set(\"display_name\", " + Values + ".Field(user, \"display_name\"));",
            "claims.Set(\"email\", " + Values + ".Field(user, \"email\"));",
        }, ClaimLines(claims));
        var translated = Assert.Single(run.Diagnostics, d => d.Id == "DJS0522");
        Assert.Equal(DiagnosticSeverity.Info, translated.Severity);
        Assert.Contains("apps.accounts.serializers.MemberTokenObtainPairSerializer.get_token is translated: the token pair gets 'display_name', 'email'", Message(translated));
        Assert.EndsWith("email_uuid/project/settings.py", translated.Location.GetLineSpan().Path, StringComparison.Ordinal);
        // The file-only note (nothing translated) gives way to the project step's findings.
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DJS0116");
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("DJS05", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_B_serializer_sets_a_field_a_bool_a_constant_and_str_of_the_pk()
    {
        var (_, claims) = Generate(DjangoProject("bigauto_table"), "bigauto_table/project/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[]
        {
            "claims.Set(\"username\", " + Values + ".Field(user, \"username\"));",
            "claims.Set(\"is_staff\", " + Values + ".Field(user, \"is_staff\"));",
            "claims.Set(\"role\", \"member\");",
            "claims.Set(\"pk_text\", " + Values + ".Str(user, \"id\"));",
        }, ClaimLines(claims));
        Assert.Contains("static partial void DescribeTokenClaims(ref global::DjangoSettings.Jwt.ISimpleJwtClaimsProvider? provider)", claims);
    }

    [Fact]
    public void Project_C_without_a_serializer_generates_no_claims()
    {
        var (run, claims) = Generate(DjangoProject("char_pk"), "char_pk/project/settings.py");
        Assert.Null(claims);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "DJS0520" or "DJS0521" or "DJS0522");
    }

    private const string SeedSettings = "SECRET_KEY = 'x' * 50\nSIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': 'seed.serializers.UsernameTokenObtainPairSerializer'}\n";

    private static List<AdditionalText> Seed(string serializers, string settings = SeedSettings, bool manage = true)
    {
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(Dir + "/web/config/settings.py", settings),
            new InMemoryAdditionalText(Dir + "/web/seed/__init__.py", string.Empty),
            new InMemoryAdditionalText(Dir + "/web/seed/serializers.py", serializers),
        };
        if (manage) files.Add(new InMemoryAdditionalText(Dir + "/web/manage.py", "import sys\n"));
        return files;
    }

    private const string Head = "from rest_framework_simplejwt.serializers import TokenObtainPairSerializer\n\n\n";

    private static string Serializer(params string[] lines)
        => Head + "class UsernameTokenObtainPairSerializer(TokenObtainPairSerializer):\n    @classmethod\n    def get_token(cls, user):\n        token = super().get_token(user)\n"
            + string.Concat(lines.Select(l => "        " + l + "\n")) + "        return token\n";

    [Fact]
    public void The_seed_serializer_on_djangos_user_model_sets_the_username()
    {
        var (run, claims) = Generate(Seed(Serializer("token[\"username\"] = user.get_username()")), "web/config/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[] { "claims.Set(\"username\", " + Values + ".Field(user, \"username\"));" }, ClaimLines(claims));
        Assert.Contains("seed.serializers.UsernameTokenObtainPairSerializer.get_token, /src/MyApp/web/seed/serializers.py line 6", claims);
        Assert.Single(run.Diagnostics, d => d.Id == "DJS0522");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DJS0116");
    }

    [Fact]
    public void Every_value_shape_translates()
    {
        var (_, claims) = Generate(Seed(Serializer(
            "token['a'] = 'text'", "token['b'] = 42", "token['c'] = -7", "token['d'] = True", "token['e'] = False", "token['f'] = None",
            "token['g'] = user.pk", "token['h'] = str(user.is_active)", "token['i'] = user.get_full_name()", "token['j'] = user.get_short_name()",
            "token['a'] = user.email")), "web/config/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[]
        {
            // Setting 'a' again replaces its value in place, as a Python dict does.
            "claims.Set(\"a\", " + Values + ".Field(user, \"email\"));",
            "claims.Set(\"b\", (long)42);",
            "claims.Set(\"c\", (long)-7);",
            "claims.Set(\"d\", true);",
            "claims.Set(\"e\", false);",
            "claims.Set(\"f\", (object?)null);",
            "claims.Set(\"g\", " + Values + ".Field(user, \"id\"));",
            "claims.Set(\"h\", " + Values + ".Str(user, \"is_active\"));",
            "claims.Set(\"i\", " + Values + ".FullName(user));",
            "claims.Set(\"j\", " + Values + ".ShortName(user));",
        }, ClaimLines(claims));
    }

    [Fact]
    public void A_project_base_class_contributes_its_claims_first()
    {
        string source = Head
            + "class Base(TokenObtainPairSerializer):\n    @classmethod\n    def get_token(cls, user):\n        token = super().get_token(user)\n        token['base'] = 1\n        return token\n\n\n"
            + "class UsernameTokenObtainPairSerializer(Base):\n    \"\"\"Docs.\"\"\"\n\n    @classmethod\n    def get_token(cls, user):\n        token = super(UsernameTokenObtainPairSerializer, cls).get_token(user)\n        token['own'] = 2\n        return token\n";
        var (_, claims) = Generate(Seed(source), "web/config/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[] { "claims.Set(\"base\", (long)1);", "claims.Set(\"own\", (long)2);" }, ClaimLines(claims));
    }

    [Theory]
    [InlineData("if user.is_staff:\n            token['staff'] = True", "DJS0521", 8, "'if user.is_staff:' (the lines read here are token[\"name\"] = value)")]
    [InlineData("token['n'] = len(user.username)", "DJS0521", 8, "'len(user.username)' (a claim value read here is a constant")]
    [InlineData("token['n'] = user.nickname", "DJS0521", 8, "'nickname' is not a field of auth.User")]
    [InlineData("token['n'] = str(user.date_joined)", "DJS0521", 8, "str() of a DateTimeField is not translated")]
    [InlineData("token['joined'] = user.date_joined", "DJS0524", 8, "token[\"joined\"] = user.date_joined is a DateTimeField, which PyJWT cannot write as JSON: Django answers every login with 500 (TypeError: Object of type datetime is not JSON serializable); write str(user.date_joined)")]
    [InlineData("token.payload['n'] = 1", "DJS0521", 8, "the lines read here are token[\"name\"] = value")]
    public void What_is_not_translated_is_reported_at_its_line_and_nothing_is_generated(string line, string id, int lineNumber, string fragment)
    {
        var (run, claims) = Generate(Seed(Serializer(line)), "web/config/settings.py");
        Assert.Null(claims);
        var d = Assert.Single(run.Diagnostics, x => x.Id == id);
        Assert.EndsWith("web/seed/serializers.py", d.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(lineNumber, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, Message(d));
        if (id == "DJS0521") Assert.Contains("register an ISimpleJwtClaimsProvider in DI", Message(d));
        Assert.DoesNotContain(run.Diagnostics, x => x.Id == "DJS0522");
    }

    [Fact]
    public void A_uuid_key_written_as_is_fails_in_django_and_is_an_error_here()
    {
        string models = "import uuid\nfrom django.contrib.auth.models import AbstractUser\nfrom django.db import models\n\n\nclass User(AbstractUser):\n    id = models.UUIDField(primary_key=True, default=uuid.uuid4)\n";
        var files = Seed(Serializer("token['id'] = user.pk"), "SECRET_KEY = 'x' * 50\nINSTALLED_APPS = ['seed']\nAUTH_USER_MODEL = 'seed.User'\n"
            + "SIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': 'seed.serializers.UsernameTokenObtainPairSerializer'}\n");
        files.Add(new InMemoryAdditionalText(Dir + "/web/seed/models.py", models));
        var (run, claims) = Generate(files, "web/config/settings.py");
        Assert.Null(claims);
        var d = Assert.Single(run.Diagnostics, x => x.Id == "DJS0524");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("is a UuidField", Message(d));
        Assert.Contains("Object of type UUID is not JSON serializable", Message(d));
        // str() of it is what Django projects write instead.
        files[2] = new InMemoryAdditionalText(Dir + "/web/seed/serializers.py", Serializer("token['id'] = str(user.pk)"));
        var (_, fixedClaims) = Generate(files, "web/config/settings.py");
        Assert.NotNull(fixedClaims);
        Assert.Contains("claims.Set(\"id\", " + Values + ".Str(user, \"id\"));", fixedClaims);
    }

    [Fact]
    public void Get_full_name_needs_abstract_users_own_method()
    {
        string models = "from django.contrib.auth.models import AbstractBaseUser\nfrom django.db import models\n\n\nclass User(AbstractBaseUser):\n    email = models.EmailField(unique=True)\n    USERNAME_FIELD = 'email'\n\n    def get_full_name(self):\n        return self.email\n";
        var files = Seed(Serializer("token['name'] = user.get_full_name()", "token['login'] = user.get_username()"),
            "SECRET_KEY = 'x' * 50\nINSTALLED_APPS = ['seed']\nAUTH_USER_MODEL = 'seed.User'\nSIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': 'seed.serializers.UsernameTokenObtainPairSerializer'}\n");
        files.Add(new InMemoryAdditionalText(Dir + "/web/seed/models.py", models));
        var (run, claims) = Generate(files, "web/config/settings.py");
        Assert.Null(claims);
        Assert.Contains("get_full_name() is translated for AbstractUser's own method only", Message(Assert.Single(run.Diagnostics, x => x.Id == "DJS0521")));
    }

    [Fact]
    public void Other_members_are_reported_and_get_token_is_still_translated()
    {
        string source = Serializer("token['username'] = user.username").Replace(
            "    @classmethod", "    username_field = 'email'\n\n    def validate(self, attrs):\n        return super().validate(attrs)\n\n    @classmethod", StringComparison.Ordinal);
        var (run, claims) = Generate(Seed(source), "web/config/settings.py");
        Assert.NotNull(claims);
        var members = run.Diagnostics.Where(d => d.Id == "DJS0523").Select(Message).ToList();
        Assert.Equal(2, members.Count);
        Assert.Contains("UsernameTokenObtainPairSerializer.username_field is not translated", members[0]);
        Assert.Contains("UsernameTokenObtainPairSerializer.validate is not translated", members[1]);
    }

    [Theory]
    [InlineData("class UsernameTokenObtainPairSerializer(TokenObtainPairSerializer):\n    def get_token(cls, user):\n        return super().get_token(user)\n", "get_token's decorators")]
    [InlineData("from rest_framework_simplejwt.serializers import TokenObtainSerializer\n\nclass UsernameTokenObtainPairSerializer(TokenObtainSerializer):\n    pass\n", "is not simplejwt's TokenObtainPairSerializer")]
    [InlineData("class UsernameTokenObtainPairSerializer(TokenObtainPairSerializer):\n    @classmethod\n    def get_token(cls, user):\n        token = RefreshToken.for_user(user)\n        return token\n", "the override starts with token = super().get_token(user)")]
    [InlineData("class UsernameTokenObtainPairSerializer(TokenObtainPairSerializer):\n    @classmethod\n    def get_token(cls, user):\n        token = super().get_token(user)\n        token['a'] = 1\n        return other\n", "the override ends with return token")]
    public void Other_shapes_of_the_class_are_reported(string body, string fragment)
    {
        var (run, claims) = Generate(Seed(Head + body), "web/config/settings.py");
        Assert.Null(claims);
        Assert.Contains(fragment, Message(Assert.Single(run.Diagnostics, x => x.Id == "DJS0521")));
    }

    [Theory]
    [InlineData("seed.nowhere.Serializer", true, "the project has no module 'seed.nowhere'")]
    [InlineData("seed.serializers.Missing", true, "the module 'seed.serializers' defines or imports no class 'Missing'")]
    [InlineData("seed.serializers.UsernameTokenObtainPairSerializer", false, "no manage.py was found above the settings file")]
    public void A_serializer_the_build_cannot_find_is_a_warning_at_the_setting(string path, bool manage, string fragment)
    {
        var (run, claims) = Generate(Seed(Serializer("token['a'] = 1"), "SECRET_KEY = 'x' * 50\nSIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': '" + path + "'}\n", manage), "web/config/settings.py");
        Assert.Null(claims);
        var d = Assert.Single(run.Diagnostics, x => x.Id == "DJS0520");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.EndsWith("web/config/settings.py", d.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, Message(d));
        Assert.DoesNotContain(run.Diagnostics, x => x.Id == "DJS0116");
    }

    [Fact]
    public void A_user_model_that_cannot_be_read_leaves_the_serializer_untranslated_and_says_so()
    {
        var files = Seed(Serializer("token['a'] = user.email"), "SECRET_KEY = 'x' * 50\nINSTALLED_APPS = ['seed']\nAUTH_USER_MODEL = 'seed.User'\n"
            + "SIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': 'seed.serializers.UsernameTokenObtainPairSerializer'}\n");
        files.Add(new InMemoryAdditionalText(Dir + "/web/seed/models.py", "from thirdparty import Mixin\nfrom django.contrib.auth.models import AbstractUser\n\n\nclass User(Mixin, AbstractUser):\n    pass\n"));
        var (run, claims) = Generate(files, "web/config/settings.py");
        Assert.Null(claims);
        Assert.Single(run.Diagnostics, x => x.Id == "DJS0505");
        Assert.Contains("the user model AUTH_USER_MODEL names was not read", Message(Assert.Single(run.Diagnostics, x => x.Id == "DJS0520")));
    }

    private const string UrlsHead = "from django.urls import path\nfrom rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView\n\nfrom seed.serializers import UsernameTokenObtainPairSerializer\n\n";

    [Fact]
    public void A_serializer_the_urlconf_gives_the_obtain_view_is_translated_without_the_setting()
    {
        // The oracle's (and the porting guide's) shape: as_view(serializer_class=...) in urls.py.
        var files = Seed(Serializer("token['username'] = user.get_username()"), "SECRET_KEY = 'x' * 50\nROOT_URLCONF = 'config.urls'\n");
        files.Add(new InMemoryAdditionalText(Dir + "/web/config/urls.py", UrlsHead
            + "urlpatterns = [\n    path('api/token/refresh/', TokenRefreshView.as_view()),\n    path('api/token/', TokenObtainPairView.as_view(serializer_class=UsernameTokenObtainPairSerializer)),\n]\n"));
        var (run, claims) = Generate(files, "web/config/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[] { "claims.Set(\"username\", " + Values + ".Field(user, \"username\"));" }, ClaimLines(claims));
        var translated = Assert.Single(run.Diagnostics, d => d.Id == "DJS0522");
        Assert.EndsWith("web/config/urls.py", translated.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(8, translated.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("seed.serializers.UsernameTokenObtainPairSerializer.get_token is translated", Message(translated));
    }

    [Fact]
    public void A_view_subclass_with_serializer_class_wins_over_the_setting()
    {
        string serializers = Serializer("token['username'] = user.get_username()")
            + "\n\nclass OtherSerializer(TokenObtainPairSerializer):\n    @classmethod\n    def get_token(cls, user):\n        token = super().get_token(user)\n        token['other'] = True\n        return token\n";
        var files = Seed(serializers, "SECRET_KEY = 'x' * 50\nROOT_URLCONF = 'config.urls'\nSIMPLE_JWT = {'TOKEN_OBTAIN_SERIALIZER': 'seed.serializers.OtherSerializer'}\n");
        files.Add(new InMemoryAdditionalText(Dir + "/web/config/urls.py", UrlsHead
            + "class LoginView(TokenObtainPairView):\n    serializer_class = UsernameTokenObtainPairSerializer\n\n\nurlpatterns = [path('api/token/', LoginView.as_view())]\n"));
        var (_, claims) = Generate(files, "web/config/settings.py");
        Assert.NotNull(claims);
        Assert.Equal(new[] { "claims.Set(\"username\", " + Values + ".Field(user, \"username\"));" }, ClaimLines(claims));

        // Without the route, the setting's serializer is the one.
        files[files.Count - 1] = new InMemoryAdditionalText(Dir + "/web/config/urls.py", UrlsHead + "urlpatterns = [path('api/token/', TokenObtainPairView.as_view())]\n");
        var (_, fromSetting) = Generate(files, "web/config/settings.py");
        Assert.Equal(new[] { "claims.Set(\"other\", true);" }, ClaimLines(fromSetting!));
    }

    [Fact]
    public void Without_the_runtime_the_file_only_note_stays()
    {
        var compilation = GeneratorHarness.CreateCompilation("[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource);
        var run = GeneratorHarness.CreateDriver(new SettingsGenerator(), Seed(Serializer("token['a'] = 1")), GeneratorHarness.Options()).RunGenerators(compilation).GetRunResult();
        Assert.Single(run.Diagnostics, d => d.Id == "DJS0116");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DJS0522");
    }
}
