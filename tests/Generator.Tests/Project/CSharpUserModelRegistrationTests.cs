using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Project;

/// <summary>
/// DJS0503 (no Django source for AUTH_USER_MODEL) and what the build could not read of the model
/// (DJS0505, DJS0506) are left out when the project's C# registers that model by hand with
/// AddDjangoUserModel: the registration replaces the generated model, so they would be noise.
/// </summary>
public sealed class CSharpUserModelRegistrationTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;
    private const string Settings = "INSTALLED_APPS = ['accounts']\nAUTH_USER_MODEL = 'accounts.User'\n";

    private static string[] Ids(IEnumerable<AdditionalText> files, string program)
    {
        var compilation = GeneratorHarness.CreateCompilation(
            "[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource, program)
            .AddReferences(GeneratorHarness.FakeRuntime);
        var run = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation).GetRunResult();
        return run.Diagnostics.Select(d => d.Id).Where(id => id.StartsWith("DJS05", StringComparison.Ordinal)).ToArray();
    }

    // Settings copied without the Django project: no manage.py among the files.
    private static AdditionalText[] WithoutSource() => new AdditionalText[] { new InMemoryAdditionalText(Dir + "/web/config/settings.py", Settings) };

    private static AdditionalText[] WithUnreadableField() => new AdditionalText[]
    {
        new InMemoryAdditionalText(Dir + "/web/manage.py", "import sys\n"),
        new InMemoryAdditionalText(Dir + "/web/config/settings.py", Settings),
        new InMemoryAdditionalText(Dir + "/web/accounts/__init__.py", string.Empty),
        new InMemoryAdditionalText(Dir + "/web/accounts/models.py",
            "from django.contrib.auth.models import AbstractUser\nfrom django.db import models\n\nclass User(AbstractUser):\n    prefs = models.JSONField(default=dict)\n"),
    };

    private const string NoRegistration = "static class Program { static void Main() { } }";

    [Theory]
    [InlineData("static class Program { static void Main(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddDjangoUserModel(\"accounts.User\", m => m.AbstractUser()); }")]
    [InlineData("static class Program { static void Main(dynamic builder) => builder.Services.AddDjangoUserModel(DjangoSettings.Users.DjangoUserModel.Create(\"accounts.User\", m => m.AbstractUser())); }")]
    [InlineData("static class Program { const string Label = \"accounts.User\"; static void Main(dynamic services) => services.AddDjangoUserModel(Label, null); }")]
    public void A_registration_in_CSharp_silences_the_missing_source(string program)
    {
        Assert.Contains("DJS0503", Ids(WithoutSource(), NoRegistration));
        Assert.DoesNotContain("DJS0503", Ids(WithoutSource(), program));
    }

    [Fact]
    public void A_registration_of_another_model_does_not()
    {
        string other = "static class Program { static void Main(dynamic services) => services.AddDjangoUserModel(\"people.Person\", null); }";
        Assert.Contains("DJS0503", Ids(WithoutSource(), other));
    }

    [Fact]
    public void A_registration_silences_what_could_not_be_read_of_the_model()
    {
        Assert.Contains("DJS0506", Ids(WithUnreadableField(), NoRegistration));
        string program = "static class Program { static void Main(dynamic services) => services.AddDjangoUserModel(\"accounts.User\", null); }";
        var ids = Ids(WithUnreadableField(), program);
        Assert.DoesNotContain("DJS0506", ids);
        Assert.Contains("DJS0507", ids);
    }

    [Fact]
    public void Editing_CSharp_leaves_the_project_reading_cached_until_a_registration_changes()
    {
        string declaration = "[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;";
        var compilation = GeneratorHarness.CreateCompilation(declaration, GeneratorHarness.AttributeSource, NoRegistration).AddReferences(GeneratorHarness.FakeRuntime);
        var driver = GeneratorHarness.CreateDriver(new SettingsGenerator(), WithUnreadableField(), GeneratorHarness.Options()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Other { void M() { } }", GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult();
        foreach (var (_, reason) in run.Results[0].TrackedSteps[DjangoSettings.Generator.Roslyn.TrackingNames.ProjectModel].SelectMany(s => s.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString());
        }

        var registered = edited.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "static class Setup { static void M(dynamic s) => s.AddDjangoUserModel(\"accounts.User\", null); }", GeneratorHarness.ParseOptions));
        run = driver.RunGenerators(edited).RunGenerators(registered).GetRunResult();
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DJS0506");
    }
}
