using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>A setting's constant text and where it was written (null location: the default).</summary>
internal sealed record LocatedText(string Text, SourceLocation? Location);

/// <summary>
/// What the settings ask of the Django project's source: the few values the project reader needs,
/// taken from the bound settings. Equatable, so editing a settings line the reader does not use
/// leaves the project reading cached. Null (no query) when <c>AUTH_USER_MODEL</c> is Django's own.
/// </summary>
/// <param name="AuthUserModel"><c>AUTH_USER_MODEL</c> (<c>app_label.ModelName</c>) and where it is written.</param>
/// <param name="InstalledApps"><c>INSTALLED_APPS</c> when the file sets it to constants; null: unknown.</param>
/// <param name="DefaultAutoField"><c>DEFAULT_AUTO_FIELD</c> (Django's default <c>django.db.models.AutoField</c>).</param>
/// <param name="UserIdField"><c>SIMPLE_JWT['USER_ID_FIELD']</c> when written, checked against the model.</param>
internal sealed record ProjectQuery(
    LocatedText AuthUserModel,
    EquatableArray<string>? InstalledApps,
    string DefaultAutoField,
    LocatedText? UserIdField)
{
    /// <summary>Django's own user model, which needs no project source.</summary>
    public const string DjangoUser = "auth.User";

    /// <summary>The query for bound settings, or null when there is nothing to read.</summary>
    public static ProjectQuery? From(BoundSettings settings)
    {
        var model = settings["AUTH_USER_MODEL"];
        if (!model.IsSet || Constant(model) is not { } label || !UserSettingsChecks.IsModelLabel(label) || label == DjangoUser) return null;
        var apps = settings["INSTALLED_APPS"];
        var userIdField = settings["SIMPLE_JWT.USER_ID_FIELD"];
        return new ProjectQuery(
            new LocatedText(label, model.ValueLocation),
            apps.IsSet && !apps.IsDeferred && !apps.HasError && apps.Value is PySequence list
                ? list.Items.OfType<PyStr>().Select(s => s.Value).ToEquatableArray()
                : null,
            Constant(settings["DEFAULT_AUTO_FIELD"]) ?? "django.db.models.AutoField",
            userIdField.IsSet && Constant(userIdField) is { } idField ? new LocatedText(idField, userIdField.ValueLocation) : null);
    }

    private static string? Constant(BoundSetting setting)
        => !setting.HasError && !setting.IsDeferred && setting.Value is PyStr s ? s.Value : null;
}
