namespace DjangoSettings.Cli.Variables;

/// <summary>One binding of a <c>.env</c> file, or a line that does not parse.</summary>
/// <param name="Key">The variable name (null for an error entry).</param>
/// <param name="Value">The decoded value, before <c>${...}</c> expansion; null for a key written without <c>=</c> (python-dotenv sets nothing then).</param>
/// <param name="Line">1-based line where the binding starts.</param>
/// <param name="IsError">The line does not parse; python-dotenv warns and skips it.</param>
internal sealed record DotEnvEntry(string? Key, string? Value, int Line, bool IsError);
