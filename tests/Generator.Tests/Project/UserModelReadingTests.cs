using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Project;

/// <summary>
/// The generator reads AUTH_USER_MODEL's class from the Django project among the AdditionalFiles:
/// the three test projects under tests/DjangoProjects (which Django itself migrates in
/// UserModels.Tests, where the generated models are compared with Django's _meta), and small
/// projects for each shape it refuses, reported at the model file's line.
/// </summary>
public sealed class UserModelReadingTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;

    private static (GeneratorDriverRunResult Run, string? Model) Generate(IEnumerable<AdditionalText> files, string settingsPath, TestOptionsProvider? options = null)
    {
        var (run, _, _) = GeneratorHarness.Run(new SettingsGenerator(), files, options ?? GeneratorHarness.Options(),
            "[DjangoSettings.DjangoSettingsFile(\"" + settingsPath + "\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource);
        var model = run.Results[0].GeneratedSources.Where(s => s.HintName.EndsWith(".UserModel.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).SingleOrDefault();
        return (run, model);
    }

    // The generator needs the runtime referenced to emit the wiring; the fake one is enough to read the output.
    private static (GeneratorDriverRunResult Run, string? Model) GenerateWithRuntime(IEnumerable<AdditionalText> files, string settingsPath, TestOptionsProvider? options = null)
    {
        var compilation = GeneratorHarness.CreateCompilation("[DjangoSettings.DjangoSettingsFile(\"" + settingsPath + "\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource)
            .AddReferences(GeneratorHarness.FakeRuntime);
        var driver = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, options ?? GeneratorHarness.Options()).RunGenerators(compilation);
        var run = driver.GetRunResult();
        var model = run.Results[0].GeneratedSources.Where(s => s.HintName.EndsWith(".UserModel.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).SingleOrDefault();
        return (run, model);
    }

    private static List<AdditionalText> DjangoProject(string name)
    {
        string root = Path.Combine(RepositoryRoot.Path, "tests", "DjangoProjects", name);
        return Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Replace('\\', '/').Contains("/migrations/", StringComparison.Ordinal))
            .Select(p => (AdditionalText)new InMemoryAdditionalText(Dir + "/" + name + "/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }

    private static string[] Ids(GeneratorDriverRunResult run) => run.Diagnostics.Select(d => d.Id).Where(id => id.StartsWith("DJS05", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Project_A_email_login_uuid_key_models_package_and_app_label()
    {
        var (run, model) = GenerateWithRuntime(DjangoProject("email_uuid"), "email_uuid/project/settings.py");
        Assert.NotNull(model);
        Assert.Contains("DjangoUserModel.Create(\"users.Member\", m => m", model);
        Assert.Contains(".AbstractBaseUser()", model);
        Assert.Contains(".PermissionsMixin()", model);
        Assert.Contains("new global::DjangoSettings.Users.DjangoUserField(\"id\", global::DjangoSettings.Users.DjangoFieldType.UuidField) { Unique = true, PrimaryKey = true, Default = global::DjangoSettings.Users.DjangoFieldDefault.Uuid4 }", model);
        Assert.Contains("new global::DjangoSettings.Users.DjangoUserField(\"email\", global::DjangoSettings.Users.DjangoFieldType.CharField) { MaxLength = 254, Unique = true, Format = global::DjangoSettings.Users.DjangoTextFormat.Email }", model);
        Assert.Contains(".UsernameField(\"email\")", model);
        Assert.Contains(".RequiredFields(\"display_name\")", model);
        Assert.DoesNotContain(".Table(", model);
        var read = Assert.Single(run.Diagnostics, d => d.Id == "DJS0507");
        Assert.EndsWith("email_uuid/apps/accounts/models/member.py", read.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("table users_member, primary key 'id' (UuidField), login by 'email'", read.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "DJS0507" }, Ids(run).Where(id => id != "DJS0522"));
    }

    [Fact]
    public void Project_B_abstract_user_db_table_and_default_auto_field()
    {
        var (run, model) = GenerateWithRuntime(DjangoProject("bigauto_table"), "bigauto_table/project/settings.py");
        Assert.NotNull(model);
        Assert.Contains(".AbstractUser()", model);
        Assert.Contains(".DefaultAutoField(global::DjangoSettings.Users.DjangoFieldType.BigAutoField)", model);
        Assert.Contains(".Field(new global::DjangoSettings.Users.DjangoUserField(\"nickname\", global::DjangoSettings.Users.DjangoFieldType.CharField) { MaxLength = 50 })", model);
        Assert.Contains(".Table(\"core_users\")", model);
        Assert.Contains(".UsernameField(\"username\")", model);
        Assert.Equal(new[] { "DJS0507" }, Ids(run).Where(id => id != "DJS0522"));
    }

    [Fact]
    public void Project_C_char_key_db_column_app_config_auto_field()
    {
        var (run, model) = GenerateWithRuntime(DjangoProject("char_pk"), "char_pk/project/settings.py");
        Assert.NotNull(model);
        Assert.Contains(".DefaultAutoField(global::DjangoSettings.Users.DjangoFieldType.AutoField)", model);
        Assert.Contains("(\"handle\", global::DjangoSettings.Users.DjangoFieldType.CharField) { MaxLength = 40, Unique = true, PrimaryKey = true }", model);
        Assert.Contains("(\"full_name\", global::DjangoSettings.Users.DjangoFieldType.CharField) { MaxLength = 120, Column = \"name\" }", model);
        Assert.Contains(".RequiredFields()", model);
        Assert.Equal(new[] { "DJS0507" }, Ids(run).Where(id => id != "DJS0522"));
    }

    [Fact]
    public void Without_the_runtime_nothing_is_read()
    {
        var (run, model) = Generate(DjangoProject("email_uuid"), "email_uuid/project/settings.py");
        Assert.Null(model);
        Assert.Empty(Ids(run));
    }

    private static List<AdditionalText> SmallProject(string models, string settings = "INSTALLED_APPS = ['accounts']\nAUTH_USER_MODEL = 'accounts.User'\n", string apps = "")
    {
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(Dir + "/web/manage.py", "import sys\n"),
            new InMemoryAdditionalText(Dir + "/web/config/settings.py", settings),
            new InMemoryAdditionalText(Dir + "/web/accounts/__init__.py", string.Empty),
            new InMemoryAdditionalText(Dir + "/web/accounts/models.py", models),
        };
        if (apps.Length > 0) files.Add(new InMemoryAdditionalText(Dir + "/web/accounts/apps.py", apps));
        return files;
    }

    private const string Header = "from django.contrib.auth.models import AbstractUser, AbstractBaseUser, PermissionsMixin\nfrom django.db import models\n\n";

    [Theory]
    [InlineData("class User(AbstractUser):\n    nickname = models.JSONField(default=dict)\n", "DJS0506", 5, "models.JSONField is not a field kind the runtime stores")]
    [InlineData("class User(AbstractUser):\n    code = models.CharField(max_length=LIMIT * 2)\n", "DJS0506", 5, "max_length is not an integer written here")]
    [InlineData("class User(AbstractUser):\n    team = models.ForeignKey('teams.Team', on_delete=models.CASCADE)\n", "DJS0506", 5, "models.ForeignKey is not a field kind")]
    [InlineData("from thirdparty import Mixin\n\nclass User(Mixin, AbstractUser):\n    pass\n", "DJS0505", 6, "the base class 'thirdparty.Mixin'")]
    [InlineData("class Person(models.Model):\n    pass\n\nclass User(Person):\n    pass\n", "DJS0505", 7, "multi-table inheritance")]
    [InlineData("class User(AbstractBaseUser):\n    email = models.EmailField(unique=True)\n", "DJS0505", 4, "sets no USERNAME_FIELD")]
    [InlineData("class User(AbstractBaseUser):\n    email = models.EmailField()\n    USERNAME_FIELD = 'email'\n", "DJS0510", 4, "'User.email' must be unique")]
    [InlineData("class User(AbstractBaseUser):\n    email = models.EmailField(unique=True)\n    USERNAME_FIELD = 'email'\n    REQUIRED_FIELDS = ['email']\n", "DJS0509", 4, "remove 'email' from REQUIRED_FIELDS")]
    public void What_cannot_be_read_is_reported_at_the_model_line(string models, string id, int line, string fragment)
    {
        var (run, _) = GenerateWithRuntime(SmallProject(Header + models), "web/config/settings.py");
        var d = Assert.Single(run.Diagnostics, x => x.Id == id);
        Assert.Contains(fragment, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = d.Location.GetLineSpan();
        Assert.EndsWith("web/accounts/models.py", span.Path, StringComparison.Ordinal);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
    }

    [Fact]
    public void An_unreadable_field_is_left_out_and_the_rest_generated()
    {
        var (run, model) = GenerateWithRuntime(SmallProject(Header + "class User(AbstractUser):\n    prefs = models.JSONField(default=dict)\n    age = models.IntegerField(null=True)\n"), "web/config/settings.py");
        Assert.NotNull(model);
        Assert.DoesNotContain("prefs", model);
        Assert.Contains("(\"age\", global::DjangoSettings.Users.DjangoFieldType.IntegerField) { Null = true }", model);
        Assert.Contains(run.Diagnostics, d => d.Id == "DJS0506");
    }

    [Fact]
    public void An_override_of_an_inherited_field_and_a_removed_one()
    {
        var (_, model) = GenerateWithRuntime(SmallProject(Header + "class User(AbstractUser):\n    username = None\n    email = models.EmailField('email address', unique=True)\n    USERNAME_FIELD = 'email'\n    REQUIRED_FIELDS = []\n"), "web/config/settings.py");
        Assert.NotNull(model);
        Assert.Contains(".RemoveField(\"username\")", model);
        // Django orders by creation: the subclass's e-mail field moves after the inherited ones.
        Assert.Contains(".RemoveField(\"email\")\n", model.Replace("\r\n", "\n"));
        Assert.Contains("VerboseName = \"email address\"", model);
    }

    [Fact]
    public void The_app_label_comes_from_apps_py_and_an_unknown_label_is_DJS0504()
    {
        const string apps = "from django.apps import AppConfig\n\nclass AccountsConfig(AppConfig):\n    name = 'accounts'\n    label = 'people'\n";
        var models = Header + "class User(AbstractUser):\n    pass\n";
        var (_, found) = GenerateWithRuntime(SmallProject(models, "INSTALLED_APPS = ['accounts']\nAUTH_USER_MODEL = 'people.User'\n", apps), "web/config/settings.py");
        Assert.NotNull(found);
        var (run, missing) = GenerateWithRuntime(SmallProject(models, "INSTALLED_APPS = ['accounts']\nAUTH_USER_MODEL = 'accounts.User'\n", apps), "web/config/settings.py");
        Assert.Null(missing);
        var d = Assert.Single(run.Diagnostics, x => x.Id == "DJS0504");
        Assert.Contains("no installed app has the label 'accounts' (labels: people)", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("web/config/settings.py", d.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Without_manage_py_the_project_is_not_found_unless_DjangoProjectRoot_says_where()
    {
        var files = SmallProject(Header + "class User(AbstractUser):\n    pass\n").Where(f => !f.Path.EndsWith("manage.py", StringComparison.Ordinal)).ToList();
        var (run, model) = GenerateWithRuntime(files, "web/config/settings.py");
        Assert.Null(model);
        Assert.Contains("DjangoProjectRoot", Assert.Single(run.Diagnostics, d => d.Id == "DJS0503").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var options = GeneratorHarness.Options();
        var withRoot = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = Dir,
            ["build_property.RootNamespace"] = "MyApp.Web",
            ["build_property.DjangoProjectRoot"] = "web",
        });
        var (_, found) = GenerateWithRuntime(files, "web/config/settings.py", withRoot);
        Assert.NotNull(found);
    }

    [Fact]
    public void USER_ID_FIELD_that_is_not_a_field_is_DJS0508()
    {
        var (run, _) = GenerateWithRuntime(SmallProject(Header + "class User(AbstractUser):\n    pass\n",
            "INSTALLED_APPS = ['accounts']\nAUTH_USER_MODEL = 'accounts.User'\nSIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'USER_ID_FIELD': 'uuid'}\n"), "web/config/settings.py");
        var d = Assert.Single(run.Diagnostics, x => x.Id == "DJS0508");
        Assert.Contains("'uuid' is not a field of accounts.User", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("web/config/settings.py", d.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_csharp_leaves_the_reading_cached_and_editing_the_model_reads_again_without_recompiling_the_settings()
    {
        var files = SmallProject(Header + "class User(AbstractUser):\n    pass\n");
        var compilation = GeneratorHarness.CreateCompilation("[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource)
            .AddReferences(GeneratorHarness.FakeRuntime);
        var driver = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results[0];
        foreach (string name in new[] { DjangoSettings.Generator.Roslyn.TrackingNames.PythonFiles, DjangoSettings.Generator.Roslyn.TrackingNames.ProjectModel, DjangoSettings.Generator.Roslyn.TrackingNames.Compiled })
        {
            Assert.All(second.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        var models = files.Single(f => f.Path.EndsWith("accounts/models.py", StringComparison.Ordinal));
        var changed = new InMemoryAdditionalText(models.Path, Header + "class User(AbstractUser):\n    nickname = models.CharField(max_length=30)\n");
        var third = driver.RunGenerators(edited).ReplaceAdditionalText(models, changed).RunGenerators(edited).GetRunResult().Results[0];
        Assert.Contains(third.TrackedSteps[DjangoSettings.Generator.Roslyn.TrackingNames.ProjectModel].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(third.TrackedSteps[DjangoSettings.Generator.Roslyn.TrackingNames.Compiled].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains("nickname", third.GeneratedSources.Single(s => s.HintName.EndsWith(".UserModel.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }
}
