using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>Base of every AST node: immutable, with the exact span it covers in the file.</summary>
internal abstract record PySyntaxNode(SourceSpan Span);
