using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// What the build learned from the Django project's source for one settings class: the user model
/// (null: Django's <c>auth.User</c>, or nothing readable) and the findings. Equatable, so it caches
/// in the incremental pipeline.
/// </summary>
/// <param name="UserModel">The user model read from the project's models, or null.</param>
/// <param name="Diagnostics">What the reading found (locations in the settings file or the model's file).</param>
/// <param name="Claims">The claims translated from TOKEN_OBTAIN_SERIALIZER's <c>get_token</c>, or null.</param>
internal sealed record ProjectModel(UserModelDescription? UserModel, EquatableArray<SettingsDiagnostic> Diagnostics, TokenClaims? Claims = null)
{
    /// <summary>Nothing read: Django's auth.User, nothing to report.</summary>
    public static ProjectModel Empty { get; } = new(null, EquatableArray<SettingsDiagnostic>.Empty);
}

/// <summary>
/// A user model as the runtime's <c>DjangoUserModelBuilder</c> describes it: Django's base classes,
/// then the project's fields in Django's order (an override of an inherited field moves to where it
/// is defined, as its creation counter does), the class attributes and <c>Meta.db_table</c>.
/// </summary>
/// <param name="Label"><c>AUTH_USER_MODEL</c> as Django resolves it (<c>app_label.ModelName</c>).</param>
/// <param name="AbstractUser">Whether <c>AbstractUser</c> contributes its fields (else <c>AbstractBaseUser</c>).</param>
/// <param name="PermissionsMixin">Whether <c>PermissionsMixin</c> contributes <c>is_superuser</c> (without AbstractUser).</param>
/// <param name="DefaultAutoField">The auto field type Django adds when no field is the primary key (<c>DjangoFieldType</c> member).</param>
/// <param name="Table"><c>Meta.db_table</c>, or null for Django's default name.</param>
/// <param name="Removed">Inherited fields the class sets to None, in order.</param>
/// <param name="Fields">The project's fields (project abstract bases first), in Django's order.</param>
/// <param name="UsernameField"><c>USERNAME_FIELD</c> when the project sets it.</param>
/// <param name="EmailField"><c>EMAIL_FIELD</c> when the project sets it.</param>
/// <param name="RequiredFields"><c>REQUIRED_FIELDS</c> when the project sets it.</param>
/// <param name="SourcePath">The file that defines the class.</param>
/// <param name="Line">The class's line.</param>
internal sealed record UserModelDescription(
    string Label,
    bool AbstractUser,
    bool PermissionsMixin,
    string DefaultAutoField,
    string? Table,
    EquatableArray<string> Removed,
    EquatableArray<FieldDescription> Fields,
    string? UsernameField,
    string? EmailField,
    EquatableArray<string>? RequiredFields,
    string SourcePath,
    int Line);

/// <summary>One model field, as the runtime's <c>DjangoUserField</c> holds it.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The <c>DjangoFieldType</c> member name (<c>CharField</c>, <c>UuidField</c>...).</param>
/// <param name="MaxLength"><c>max_length</c> of a char field.</param>
/// <param name="Null"><c>null=True</c>.</param>
/// <param name="Unique"><c>unique=True</c> (implied by <c>primary_key=True</c>).</param>
/// <param name="PrimaryKey"><c>primary_key=True</c>.</param>
/// <param name="DbIndex"><c>db_index=True</c>.</param>
/// <param name="Column"><c>db_column</c>, or null.</param>
/// <param name="Default">The default: null (none), <c>now</c>, <c>uuid4</c>, or a constant as <c>bool:True</c>, <c>int:5</c>, <c>str:text</c>.</param>
/// <param name="VerboseName"><c>verbose_name</c> when written, or null.</param>
/// <param name="Email">Whether it is an <c>EmailField</c> (validated as an e-mail address).</param>
internal sealed record FieldDescription(
    string Name,
    string Type,
    int? MaxLength,
    bool Null,
    bool Unique,
    bool PrimaryKey,
    bool DbIndex,
    string? Column,
    string? Default,
    string? VerboseName,
    bool Email);
