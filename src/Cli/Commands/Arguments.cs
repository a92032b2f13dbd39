using System;
using System.Collections.Generic;

namespace DjangoSettings.Cli.Commands;

/// <summary>
/// Options and file names of one command: <c>--flag</c>, <c>--name value</c> / <c>--name=value</c>,
/// <c>--</c> ends options. A valued option may be repeated (<c>--env A=1 --env B=2</c>); the order
/// of all valued options is kept, because <c>--env</c> and <c>--env-file</c> apply in command-line order.
/// </summary>
internal sealed class Arguments
{
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> _valued = new();

    private Arguments(List<string> files) => Files = files;

    /// <summary>The file names, in order.</summary>
    public List<string> Files { get; }

    /// <summary>Every valued option in command-line order.</summary>
    public IReadOnlyList<(string Name, string Value)> Valued => _valued;

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
                result._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new UsageException("option " + name + " needs a value");
                    value = args[++i];
                }
                result._valued.Add((name, value));
            }
            else
            {
                throw new UsageException("unknown option " + name);
            }
        }
        return result;
    }

    /// <summary>Whether a flag was given.</summary>
    public bool Has(string name) => _flags.Contains(name);

    /// <summary>The last value given for an option, or null.</summary>
    public string? Get(string name)
    {
        for (int i = _valued.Count - 1; i >= 0; i--)
        {
            if (_valued[i].Name == name) return _valued[i].Value;
        }
        return null;
    }
}
