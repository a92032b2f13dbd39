using System;
using System.Collections.Generic;

namespace DjangoSettings.Cli.Commands;

/// <summary>Options and file names of one command: <c>--flag</c>, <c>--name value</c> / <c>--name=value</c>, <c>--</c> ends options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> files) => Files = files;

    /// <summary>The file names, in order.</summary>
    public List<string> Files { get; }

    /// <summary>Parses; <paramref name="flags"/> take no value, <paramref name="valued"/> take one.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, ICollection<string> flags, ICollection<string> valued)
    {
        var result = new Arguments(new List<string>());
        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (optionsEnded || !arg.StartsWith("--", StringComparison.Ordinal) || arg == "-")
            {
                result.Files.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }
            string name = arg;
            string? value = null;
            int eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg.Substring(0, eq);
                value = arg.Substring(eq + 1);
            }
            if (flags.Contains(name))
            {
                if (value is not null) throw new UsageException("option " + name + " takes no value");
                result._options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new UsageException("option " + name + " needs a value");
                    value = args[++i];
                }
                result._options[name] = value;
            }
            else
            {
                throw new UsageException("unknown option " + name);
            }
        }
        return result;
    }

    /// <summary>Whether a flag was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>An option's value, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;
}
