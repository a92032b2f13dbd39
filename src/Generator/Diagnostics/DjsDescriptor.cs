namespace DjangoSettings.Generator.Diagnostics;

/// <summary>
/// One entry of the diagnostics catalogue (<see cref="DiagnosticDescriptors"/>). Plain data so the
/// compiler core stays free of Roslyn types; the generator edge converts it.
/// </summary>
/// <param name="Id">Stable id, <c>DJS</c> and four digits.</param>
/// <param name="Title">Short title shown in the IDE's rule list.</param>
/// <param name="MessageFormat">A <see cref="string.Format(string, object[])"/> format for the message.</param>
/// <param name="Category">Syntax, Evaluation, Settings, Cors, Jwt or Internal.</param>
/// <param name="Severity">Default severity.</param>
/// <param name="DjangoCheck">The Django system check this corresponds to (for example <c>corsheaders.E013</c>), if any.</param>
internal sealed record DjsDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    SettingsSeverity Severity,
    string? DjangoCheck = null)
{
    /// <summary>Where the help page lives; the IDE links the id to it.</summary>
    public string HelpLinkUri => DiagnosticDescriptors.HelpLinkBase + Id + ".md";
}
