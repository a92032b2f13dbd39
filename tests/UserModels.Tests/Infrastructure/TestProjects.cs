using System;
using System.Collections.Generic;
using DjangoSettings.Jwt;
using DjangoSettings.Users;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>
/// The three test Django projects as the runtime is told about them: their user models described
/// by hand (what a user writes with <see cref="DjangoUserModel.Create"/>), their SIMPLE_JWT
/// settings, and their serializers' custom claims as the <see cref="ISimpleJwtClaimsProvider"/>s the
/// generator translated from the projects' <c>TOKEN_OBTAIN_SERIALIZER</c> (Models/GeneratedModels.cs).
/// </summary>
public sealed record TestProject(
    string Name,
    DjangoUserModel Model,
    SimpleJwtOptions Jwt,
    ISimpleJwtClaimsProvider? Claims,
    string DefaultUserIdField)
{
    /// <summary>Project A: e-mail login, UUID key, label "users" for the module apps.accounts.</summary>
    public static TestProject EmailUuid { get; } = new(
        "email_uuid",
        DjangoUserModel.Create("users.Member", m => m
            .AbstractBaseUser()
            .PermissionsMixin()
            .Field(DjangoUserField.Uuid("id", primaryKey: true))
            .Field(DjangoUserField.Email("email", unique: true))
            .Field(DjangoUserField.Char("display_name", 100))
            .Field(DjangoUserField.Boolean("is_active", true))
            .Field(DjangoUserField.Boolean("is_staff", false))
            .Field(DjangoUserField.DateTime("date_joined", defaultNow: true))
            .UsernameField("email")
            .EmailField("email")
            .RequiredFields("display_name")),
        Options("project-a-secret-key-used-by-interop-tests-only-0123456789abcdef") with { RotateRefreshTokens = true, BlacklistAfterRotation = true },
        GeneratedClaims.Of<Models.EmailUuidSettings>(),
        "id");

    /// <summary>Project B: AbstractUser with a nickname, BigAutoField key, Meta.db_table core_users.</summary>
    public static TestProject BigAutoTable { get; } = new(
        "bigauto_table",
        DjangoUserModel.Create("core.User", m => m
            .DefaultAutoField(DjangoFieldType.BigAutoField)
            .AbstractUser()
            .Field(DjangoUserField.Char("nickname", 50))
            .Table("core_users")),
        Options("project-b-secret-key-used-by-interop-tests-only-0123456789abcdef") with { RotateRefreshTokens = true, BlacklistAfterRotation = true },
        GeneratedClaims.Of<Models.BigAutoTableSettings>(),
        "id");

    /// <summary>Project C: AbstractBaseUser only, CharField key "handle", no is_active, a db_column.</summary>
    public static TestProject CharPk { get; } = new(
        "char_pk",
        DjangoUserModel.Create("people.Person", m => m
            .AbstractBaseUser()
            .Field(DjangoUserField.Char("handle", 40) with { PrimaryKey = true, Unique = true })
            .Field(DjangoUserField.Char("full_name", 120) with { Column = "name" })
            .UsernameField("handle")),
        Options("project-c-secret-key-used-by-interop-tests-only-0123456789abcdef") with
        {
            RotateRefreshTokens = true,
            BlacklistAfterRotation = true,
            UserIdField = "handle",
            UserIdClaim = "sub",
        },
        null,
        "handle");

    /// <summary>All three.</summary>
    public static IReadOnlyList<TestProject> All { get; } = [EmailUuid, BigAutoTable, CharPk];

    /// <summary>By folder name.</summary>
    public static TestProject Named(string name) => name switch
    {
        "email_uuid" => EmailUuid,
        "bigauto_table" => BigAutoTable,
        "char_pk" => CharPk,
        _ => throw new ArgumentException(name),
    };

    // The projects run Debian's simplejwt 5.2.2.
    private static SimpleJwtOptions Options(string secret) => SimpleJwtOptions.Defaults(secret).ForSimpleJwtVersion("5.2.2");
}

/// <summary>The claims provider the generator translated from a settings class's TOKEN_OBTAIN_SERIALIZER.</summary>
internal static class GeneratedClaims
{
    /// <summary>The translated provider of <typeparamref name="TSettings"/>.</summary>
    /// <exception cref="InvalidOperationException">The build translated no serializer for it.</exception>
    internal static ISimpleJwtClaimsProvider Of<TSettings>()
        where TSettings : class, DjangoSettings.Hosting.IGeneratedDjangoSettings<TSettings>
        => TSettings.CompiledSettings.TokenObtainClaims?.Invoke()
            ?? throw new InvalidOperationException(typeof(TSettings).Name + ": the generator translated no TOKEN_OBTAIN_SERIALIZER get_token.");
}
