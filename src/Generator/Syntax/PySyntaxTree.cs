using System.Collections.Immutable;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>A parsed settings file: its statements and the syntax diagnostics (lexer and parser).</summary>
internal sealed class PySyntaxTree
{
    public PySyntaxTree(SettingsSource source, ImmutableArray<Stmt> statements, ImmutableArray<SettingsDiagnostic> diagnostics)
    {
        Source = source;
        Statements = statements;
        Diagnostics = diagnostics;
    }

    public SettingsSource Source { get; }

    public ImmutableArray<Stmt> Statements { get; }

    public ImmutableArray<SettingsDiagnostic> Diagnostics { get; }

    /// <summary>Lexes and parses a file. Never throws (except for cancellation).</summary>
    public static PySyntaxTree Parse(SettingsSource source, CancellationToken cancellationToken = default)
        => Parser.ParseFile(source, cancellationToken);
}
