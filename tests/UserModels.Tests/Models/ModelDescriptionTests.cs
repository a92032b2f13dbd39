using System.Linq;
using System.Text.Json.Nodes;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Models;

/// <summary>The hand-written descriptions of the test projects say what Django's own _meta says (fixtures/&lt;project&gt;/model.json).</summary>
public sealed class ModelDescriptionTests
{
    public static TheoryData<string> Projects => new() { "email_uuid", "bigauto_table", "char_pk" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_description_matches_Djangos_meta(string name) => AssertMatchesDjangosMeta(name, TestProject.Named(name).Model);

    /// <summary>
    /// What the source generator read from each project's models (the <c>[DjangoSettingsFile]</c>
    /// classes in Models/GeneratedModels.cs) is what Django's own _meta says, and what
    /// the hand-written description says, field for field.
    /// </summary>
    [Theory]
    [MemberData(nameof(Projects))]
    public void The_generated_model_matches_Djangos_meta_and_the_hand_written_one(string name)
    {
        DjangoUserModel generated = name switch
        {
            "email_uuid" => Generated<EmailUuidSettings>(),
            "bigauto_table" => Generated<BigAutoTableSettings>(),
            _ => Generated<CharPkSettings>(),
        };
        AssertMatchesDjangosMeta(name, generated);
        DjangoUserModel written = TestProject.Named(name).Model;
        Assert.Equal(written.Table, generated.Table);
        Assert.Equal(written.EmailField, generated.EmailField);
        Assert.Equal(written.Fields.Select(f => f with { VerboseName = null! }), generated.Fields.Select(f => f with { VerboseName = null! }));
    }

    /// <summary>The C# registration docs/diagnostics/DJS0505.md shows (the porting guide points at it), as written there.</summary>
    [Fact]
    public void The_documented_registration_describes_the_model()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Services.AddDjangoUserModel("accounts.User", m => m
            .AbstractUser()
            .Field(DjangoUserField.Char("nickname", 50)));
        using var app = builder.Build();
        DjangoUserModel model = app.Services.GetDjangoUserModel();
        Assert.Equal("accounts_user", model.Table);
        Assert.Equal("username", model.UsernameField);
        Assert.Equal(50, model.Find("nickname")!.MaxLength);
    }

    private static DjangoUserModel Generated<TSettings>()
        where TSettings : class, DjangoSettings.Hosting.IGeneratedDjangoSettings<TSettings>
        => Assert.IsType<DjangoUserModel>(TSettings.CompiledSettings.UserModel?.Invoke());

    private static void AssertMatchesDjangosMeta(string name, DjangoUserModel model)
    {
        JsonNode django = DjangoProject.FixtureJson(name, "model.json");
        Assert.Equal(Str(django, "label"), model.Label);
        Assert.Equal(Str(django, "table"), model.TableName(null));
        Assert.Equal(Str(django, "pk"), model.PrimaryKey.Name);
        Assert.Equal(Str(django, "USERNAME_FIELD"), model.UsernameField);
        Assert.Equal(Str(django, "EMAIL_FIELD"), model.EmailField);
        Assert.Equal(django["REQUIRED_FIELDS"]!.AsArray().Select(n => n!.GetValue<string>()), model.RequiredFields);
        string[] expected = django["fields"]!.AsArray().Select(f => Describe(
            Str(f!, "name"), Str(f!, "column"), Str(f!, "type"), f!["max_length"]?.GetValue<int>(),
            f["null"]!.GetValue<bool>(), f["unique"]!.GetValue<bool>(), f["primary_key"]!.GetValue<bool>(), f["has_default"]!.GetValue<bool>())).ToArray();
        string[] actual = model.Fields.Select(f => Describe(
            f.Name, f.Column, DjangoType(f), f.Type == DjangoFieldType.UuidField ? 32 : f.MaxLength,
            f.Null, f.Unique, f.PrimaryKey, f.Default.Kind != DjangoFieldDefaultKind.None)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Djangos_auth_User_is_the_default()
    {
        var model = DjangoUserModel.Default;
        Assert.Equal("auth_user", model.Table);
        Assert.Equal(DjangoUserKeyType.Integer, model.KeyType);
        Assert.Equal(new[] { "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active", "date_joined" },
            model.Fields.Select(f => f.Name));
        Assert.Equal("username", model.UsernameField);
        Assert.Equal(new[] { "email" }, model.RequiredFields);
        Assert.NotNull(model.IsActiveField);
    }

    [Fact]
    public void The_key_kinds_follow_the_primary_key()
    {
        Assert.Equal(DjangoUserKeyType.Uuid, TestProject.EmailUuid.Model.KeyType);
        Assert.Equal(DjangoUserKeyType.BigInteger, TestProject.BigAutoTable.Model.KeyType);
        Assert.Equal(DjangoUserKeyType.String, TestProject.CharPk.Model.KeyType);
        Assert.Null(TestProject.CharPk.Model.IsActiveField);
        Assert.Equal("name", TestProject.CharPk.Model.Find("full_name")!.Column);
    }

    [Theory]
    [InlineData("users", "is not of the form")]
    [InlineData("users.Member.x", "is not of the form")]
    public void A_malformed_label_is_refused_as_Django_refuses_it(string label, string _)
    {
        var e = Assert.Throws<DjangoUserModelException>(() => DjangoUserModel.Create(label, m => m.AbstractUser()));
        Assert.Contains("AUTH_USER_MODEL must be of the form 'app_label.model_name'", e.Message);
    }

    [Fact]
    public void Inconsistent_descriptions_are_refused_with_the_reason()
    {
        Assert.Contains("has no USERNAME_FIELD", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.AbstractBaseUser())).Message);
        Assert.Contains("auth.E002", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.AbstractUser().RequiredFields("username"))).Message);
        Assert.Contains("'nope', which is not a field", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.AbstractUser().RequiredFields("nope"))).Message);
        Assert.Contains("more than one primary key", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.AbstractUser().Field(DjangoUserField.Uuid("id", primaryKey: true)).Field(DjangoUserField.Uuid("other", primaryKey: true)))).Message);
        Assert.Contains("column 'name'", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.AbstractUser().Field(DjangoUserField.Char("a", 5) with { Column = "name" }).Field(DjangoUserField.Char("b", 5) with { Column = "name" }))).Message);
        Assert.Contains("has no 'password' field", Assert.Throws<DjangoUserModelException>(() =>
            DjangoUserModel.Create("a.B", m => m.Field(DjangoUserField.Char("handle", 5)).UsernameField("handle"))).Message);
    }

    [Fact]
    public void Names_are_shortened_as_Django_shortens_them_for_PostgreSQL()
    {
        JsonNode names = JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(DjangoProject.ProjectsDirectory, "fixtures", "names.json")))!;
        int limit = names["max_name_length"]!.GetValue<int>();
        Assert.Equal(DjangoNames.PostgreSqlMaxNameLength, limit);
        foreach (JsonNode? pair in names["truncate_name"]!.AsArray())
        {
            Assert.Equal(pair![1]!.GetValue<string>(), DjangoNames.Truncate(pair[0]!.GetValue<string>(), limit));
        }
        foreach (JsonNode? index in names["index_names"]!.AsArray())
        {
            string[] columns = index![1]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
            Assert.Equal(index[3]!.GetValue<string>(), DjangoNames.IndexName(index[0]!.GetValue<string>(), columns, index[2]!.GetValue<string>(), limit));
        }
    }

    [Fact]
    public void A_default_table_name_is_shortened_on_PostgreSQL_and_an_explicit_one_never()
    {
        const string app = "a_very_long_application_label_for_testing";
        var model = DjangoUserModel.Create(app + ".AnExtremelyLongUserModelName", b => b.AbstractUser());
        Assert.Equal("a_very_long_application_label_for_testing_anextremelylongusermodelname", model.TableName(null));
        Assert.Equal(DjangoNames.Truncate(model.Table, 63), model.TableName(63));
        Assert.NotEqual(model.Table, model.TableName(63));
        var explicitName = DjangoUserModel.Create(app + ".AnExtremelyLongUserModelName", b => b.AbstractUser().Table(model.Table));
        Assert.Equal(model.Table, explicitName.TableName(63));
    }

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static string Describe(string name, string column, string type, int? maxLength, bool nullable, bool unique, bool pk, bool hasDefault) =>
        $"{name} column={column} type={type} max_length={maxLength} null={nullable} unique={unique} pk={pk} default={hasDefault}";

    private static string DjangoType(DjangoUserField field) => field.Type switch
    {
        DjangoFieldType.UuidField => "UUIDField",
        _ => field.Type.ToString(),
    };
}
