namespace DjangoSettings.Generator;

/// <summary>How to compile a settings file into C#.</summary>
/// <param name="Namespace">Namespace of the generated class: the declaration's, or the project's root namespace for the default class (empty: the global namespace).</param>
/// <param name="ClassName">Name of the generated class: the user's <c>[DjangoSettingsFile]</c> class, or <see cref="DefaultClassName"/>.</param>
/// <param name="EmitRuntimeWiring">Also implement <c>IGeneratedDjangoSettings&lt;T&gt;</c> for <c>builder.AddDjangoSettings&lt;T&gt;()</c>; only when the project references DjangoSettings.Runtime.</param>
/// <param name="IsDefault">
/// The class for the project's DjangoSettingsFile when no class is declared: the generator declares
/// it (<c>internal sealed partial</c>) and adds the parameterless <c>builder.AddDjangoSettings()</c>.
/// Otherwise the user declared the class and the generator only adds a partial part to it.
/// </param>
/// <param name="DeployChecks">Also run Django's deploy checks (<c>manage.py check --deploy</c>: DJS07NN); on for Release builds or DjangoDeployChecks=true.</param>
internal sealed record CompileOptions(string Namespace, string ClassName, bool EmitRuntimeWiring = false, bool IsDefault = true, bool DeployChecks = false)
{
    /// <summary>
    /// The class generated for the project's settings file when the project declares none: fixed, so
    /// it never depends on the file's name, and unlike any namespace of the package.
    /// </summary>
    public const string DefaultClassName = "DjangoProjectSettings";
}
