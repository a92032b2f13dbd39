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
/// leaves the project reading cached. Null (no query) when <c>AUTH_USER_MODEL</c> is Django's own
/// and <c>TOKEN_OBTAIN_SERIALIZER</c> simplejwt's.
/// </summary>
/// <param name="AuthUserModel"><c>AUTH_USER_MODEL</c> (<c>app_label.ModelName</c>) and where it is written (<c>auth.User</c> with no location: Django's own).</param>
/// <param name="InstalledApps"><c>INSTALLED_APPS</c> when the file sets it to constants; null: unknown.</param>
/// <param name="DefaultAutoField"><c>DEFAULT_AUTO_FIELD</c> (Django's default <c>django.db.models.AutoField</c>).</param>
/// <param name="UserIdField"><c>SIMPLE_JWT['USER_ID_FIELD']</c> when written, checked against the model.</param>
/// <param name="ObtainSerializer"><c>SIMPLE_JWT['TOKEN_OBTAIN_SERIALIZER']</c> when it names a class other than simplejwt's, whose <c>get_token</c> is translated.</param>
/// <param name="RootUrlconf"><c>ROOT_URLCONF</c> when the file sets it: a serializer its routes give the obtain-pair view takes precedence.</param>
internal sealed record ProjectQuery(
    LocatedText AuthUserModel,
    EquatableArray<string>? InstalledApps,
    string DefaultAutoField,
    LocatedText? UserIdField,
    LocatedText? ObtainSerializer = null,
    LocatedText? RootUrlconf = null)
{
    /// <summary>Django's own user model, which needs no project source.</summary>
    public const string DjangoUser = "auth.User";

    /// <summary>Whether <c>AUTH_USER_MODEL</c> names a model of the project (not Django's auth.User).</summary>
    public bool CustomUserModel => AuthUserModel.Text != DjangoUser;

    /// <summary>The query for bound settings, or null when there is nothing to read.</summary>
    public static ProjectQuery? From(BoundSettings settings)
    {
        var model = settings["AUTH_USER_MODEL"];
        bool customModel = model.IsSet && Constant(model) is { } label && UserSettingsChecks.IsModelLabel(label) && label != DjangoUser;
        // A model setting that is set but unusable (an error, a value known only at startup) reads nothing.
        if (model.IsSet && !customModel && Constant(model) != DjangoUser) return null;
        var serializer = settings["SIMPLE_JWT.TOKEN_OBTAIN_SERIALIZER"];
        var obtain = serializer.IsSet && Constant(serializer) is { } path && path != TokenSerializerReader.PairSerializer
            ? new LocatedText(path, serializer.ValueLocation)
            : null;
        // ROOT_URLCONF is no setting the port binds: read as the file evaluates it.
        var urlconf = settings.Module.Names.TryGetValue("ROOT_URLCONF", out var binding) && binding.Value is PyStr routes
            ? new LocatedText(routes.Value, binding.NameLocation)
            : null;
        if (!customModel && obtain is null && urlconf is null) return null;
        var apps = settings["INSTALLED_APPS"];
        var userIdField = settings["SIMPLE_JWT.USER_ID_FIELD"];
        return new ProjectQuery(
            customModel ? new LocatedText(Constant(model)!, model.ValueLocation) : new LocatedText(DjangoUser, null),
            apps.IsSet && !apps.IsDeferred && !apps.HasError && apps.Value is PySequence list
                ? list.Items.OfType<PyStr>().Select(s => s.Value).ToEquatableArray()
                : null,
            Constant(settings["DEFAULT_AUTO_FIELD"]) ?? "django.db.models.AutoField",
            userIdField.IsSet && Constant(userIdField) is { } idField ? new LocatedText(idField, userIdField.ValueLocation) : null,
            obtain,
            urlconf);
    }

    private static string? Constant(BoundSetting setting)
        => !setting.HasError && !setting.IsDeferred && setting.Value is PyStr s ? s.Value : null;
}
