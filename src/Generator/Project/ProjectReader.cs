using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// Reads the Django project's source for one settings class: finds the project root (the
/// <c>DjangoProjectRoot</c> build property, else the nearest folder above the settings file that
/// holds <c>manage.py</c> among the build's files), the installed apps, the user model and the token serializer's claims. Pure:
/// the files come from AdditionalFiles, nothing is read from disk.
/// </summary>
internal static class ProjectReader
{
    /// <summary>What the project says for <paramref name="query"/>; never throws but for cancellation.</summary>
    /// <param name="query">What the settings ask (AUTH_USER_MODEL etc.).</param>
    /// <param name="settingsPath">The settings file's full path (where the search for manage.py starts).</param>
    /// <param name="explicitRoot">The <c>DjangoProjectRoot</c> property as a full path, or empty.</param>
    /// <param name="files">The build's Python files.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static ProjectModel Read(ProjectQuery query, string settingsPath, string explicitRoot, IReadOnlyList<ProjectFile> files, CancellationToken cancellationToken)
    {
        string? root = explicitRoot.Length > 0 ? ProjectPaths.Normalize(explicitRoot) : FindRoot(settingsPath, files);
        var at = query.AuthUserModel.Location ?? SourceLocation.None(settingsPath);
        if (root is null)
        {
            var missing = new List<SettingsDiagnostic>();
            if (query.CustomUserModel) missing.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.DjangoProjectNotFound, at, query.AuthUserModel.Text));
            if (query.ObtainSerializer is { } setting)
            {
                missing.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerNotFound, setting.Location ?? SourceLocation.None(settingsPath),
                    "TOKEN_OBTAIN_SERIALIZER", setting.Text, "no manage.py was found above the settings file among the build's files"));
            }
            return new ProjectModel(null, missing.ToEquatableArray());
        }
        var project = new PythonProject(root, files, cancellationToken);
        var diagnostics = new List<SettingsDiagnostic>();
        var model = query.CustomUserModel ? UserModelReader.Read(project, query, at, diagnostics) : null;
        TokenClaims? claims = null;
        // A view's serializer_class wins over the setting in simplejwt, so the URLconf's does here.
        var obtain = query.RootUrlconf is { } urlconf && UrlconfReader.ObtainSerializer(project, urlconf.Text) is { } routed ? routed : query.ObtainSerializer;
        if (obtain is { } unread && model is null && query.CustomUserModel)
        {
            // A custom model that could not be read leaves the field types unknown: nothing to translate against.
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerNotFound, unread.Location ?? SourceLocation.None(settingsPath),
                "TOKEN_OBTAIN_SERIALIZER", unread.Text, "the user model AUTH_USER_MODEL names was not read (see its findings), so the types of the fields its claims read are unknown"));
        }
        else if (obtain is { } serializer)
        {
            claims = TokenSerializerReader.Read(project, serializer, model, diagnostics);
            if (claims is not null)
            {
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenClaimsTranslated, serializer.Location ?? SourceLocation.None(settingsPath),
                    serializer.Text, claims.Claims.Count == 0 ? "no custom claims" : string.Join(", ", claims.Claims.Select(c => "'" + c.Name + "'"))));
            }
        }
        return new ProjectModel(model, diagnostics.ToEquatableArray(), claims);
    }

    /// <summary>The nearest folder at or above the settings file's folder whose manage.py is among <paramref name="files"/>.</summary>
    internal static string? FindRoot(string settingsPath, IReadOnlyList<ProjectFile> files)
    {
        var manage = new HashSet<string>(
            files.Select(f => ProjectPaths.Normalize(f.Path)).Where(p => p.EndsWith("/manage.py", StringComparison.OrdinalIgnoreCase)),
            StringComparer.OrdinalIgnoreCase);
        string folder = ProjectPaths.Normalize(settingsPath);
        for (int slash = folder.LastIndexOf('/'); slash > 0; slash = folder.LastIndexOf('/'))
        {
            folder = folder.Substring(0, slash);
            if (manage.Contains(folder + "/manage.py")) return folder;
        }
        return null;
    }

}
