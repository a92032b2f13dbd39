using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>Locations, source text and diagnostics of this module (quiet when the context says so).</summary>
internal sealed partial class ModuleEvaluator
{
    internal SourceLocation Loc(SourceSpan span) => _source.GetLocation(span);

    /// <summary>The source text of a span, whitespace collapsed and shortened (for descriptions).</summary>
    internal string Text(SourceSpan span)
    {
        int start = System.Math.Max(0, System.Math.Min(span.Start, _source.Text.Length));
        int end = System.Math.Max(start, System.Math.Min(span.End, _source.Text.Length));
        return Shorten(_source.Text.Substring(start, System.Math.Min(end - start, 400)));
    }

    internal static string Shorten(string text, int max = 200)
    {
        var sb = new System.Text.StringBuilder(System.Math.Min(text.Length, max + 3));
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (sb.Length >= max)
            {
                sb.Append("...");
                break;
            }
        }
        return sb.ToString();
    }

    internal void Report(EvalContext ctx, DjsDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        if (ctx.Silent) return;
        _session.Report(SettingsDiagnostic.Create(descriptor, Loc(span), args));
    }

    /// <summary>Reports what Python would raise here (a warning) and yields an unknown value.</summary>
    internal PyUnknown Error(EvalContext ctx, SourceSpan span, string message)
    {
        Report(ctx, DiagnosticDescriptors.EvaluationError, span, message);
        return new PyUnknown(message) { Origin = Loc(span) };
    }

    internal static PyUnknown Unknown(string reason) => new(reason);

    internal PyUnknown TooLarge(EvalContext ctx, SourceSpan span, string what)
    {
        string limit = what switch
        {
            "string" => EvaluationSession.MaxStringLength + " characters",
            "nesting of values" => EvaluationSession.MaxValueNesting + " levels",
            _ => EvaluationSession.MaxCollectionSize + " items",
        };
        Report(ctx, DiagnosticDescriptors.ValueTooLarge, span, "the " + what, limit);
        return new PyUnknown(what + " too large") { Origin = Loc(span) };
    }

    internal PyUnknown Overflow(EvalContext ctx, SourceSpan span, string what)
    {
        Report(ctx, DiagnosticDescriptors.IntegerOverflow, span, what);
        return new PyUnknown("integer does not fit in 64 bits") { Origin = Loc(span) };
    }
}
