namespace DjangoSettings.Generator.Roslyn;

/// <summary>Names of the generator's pipeline steps (<c>WithTrackingName</c>), asserted by the incremental-caching test.</summary>
internal static class TrackingNames
{
    /// <summary>Build properties reduced to <see cref="Roslyn.ProjectOptions"/>.</summary>
    public const string ProjectOptions = "DjangoSettings.ProjectOptions";

    /// <summary>Each additional file, read into a <see cref="SettingsFileModel"/> when it may be a settings module (null otherwise).</summary>
    public const string SettingsFiles = "DjangoSettings.SettingsFiles";

    /// <summary>Only the settings file candidates.</summary>
    public const string SelectedFiles = "DjangoSettings.SelectedFiles";

    /// <summary>All candidates together (a class may name any, a file may import any).</summary>
    public const string AllFiles = "DjangoSettings.AllFiles";

    /// <summary>Each <c>[DjangoSettingsFile]</c> class (ForAttributeWithMetadataName).</summary>
    public const string Declarations = "DjangoSettings.Declarations";

    /// <summary>All declarations together.</summary>
    public const string AllDeclarations = "DjangoSettings.AllDeclarations";

    /// <summary>Whether the project references DjangoSettings.Runtime (decides the wiring).</summary>
    public const string RuntimeReference = "DjangoSettings.RuntimeReference";

    /// <summary>Which classes to generate from which files, and the project-level diagnostics.</summary>
    public const string Plan = "DjangoSettings.Plan";

    /// <summary>Each class to generate.</summary>
    public const string Units = "DjangoSettings.Units";

    /// <summary>Each class compiled (source text and diagnostics).</summary>
    public const string Compiled = "DjangoSettings.Compiled";

    /// <summary>The generated source of each class.</summary>
    public const string Source = "DjangoSettings.Source";

    /// <summary>The diagnostics of each class.</summary>
    public const string Diagnostics = "DjangoSettings.Diagnostics";

    /// <summary>The project-level diagnostics (missing files, invalid declarations).</summary>
    public const string PlanDiagnostics = "DjangoSettings.PlanDiagnostics";

    /// <summary>The build's Python files, for reading the Django project.</summary>
    public const string PythonFiles = "DjangoSettings.PythonFiles";

    /// <summary>The user model read from the Django project, per settings class.</summary>
    public const string ProjectModel = "DjangoSettings.ProjectModel";

    /// <summary>The build's requirements*.txt and pyproject.toml files.</summary>
    public const string PinFiles = "DjangoSettings.PinFiles";

    /// <summary>The paths of the build's manage.py files (where Django projects are rooted).</summary>
    public const string ManageFiles = "DjangoSettings.ManageFiles";

    /// <summary>The simplejwt version pinned by the Django project, per settings class.</summary>
    public const string SimpleJwtPin = "DjangoSettings.SimpleJwtPin";

    /// <summary>The user model labels registered in C# (AddDjangoUserModel calls).</summary>
    public const string CSharpUserModels = "DjangoSettings.CSharpUserModels";
}
