using System;
using System.Collections.Generic;
using System.Text;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>
/// Path arithmetic done on strings only: a generator must not touch the file system (RS1035), and
/// results must not depend on the machine's current directory.
/// </summary>
internal static class ProjectPaths
{
    /// <summary>Joins a directory and a path; a rooted path stays as it is.</summary>
    public static string Combine(string directory, string path)
    {
        if (IsRooted(path) || directory.Length == 0) return path;
        return directory.TrimEnd('/', '\\') + "/" + path;
    }

    /// <summary>Forward slashes, no <c>.</c> segments, <c>..</c> resolved where possible, no trailing slash.</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0) return path;
        string unified = path.Replace('\\', '/');
        string root = string.Empty;
        if (unified.StartsWith("//", StringComparison.Ordinal)) root = "//";
        else if (unified.StartsWith("/", StringComparison.Ordinal)) root = "/";
        else if (unified.Length >= 2 && unified[1] == ':') root = unified.Length >= 3 && unified[2] == '/' ? unified.Substring(0, 3) : unified.Substring(0, 2);
        var parts = new List<string>();
        foreach (var part in unified.Substring(root.Length).Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else if (part == ".." && root.Length > 0) continue;
            else parts.Add(part);
        }
        return root + string.Join("/", parts);
    }

    /// <summary>Whether two paths name the same file (case-insensitive: Windows and macOS file systems are).</summary>
    public static bool SameFile(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="directory"/>, with forward slashes
    /// (<c>config/cors.settings</c>, <c>../backend/settings.py</c>); the normalised path when they share no root.
    /// </summary>
    public static string Relative(string directory, string path)
    {
        string target = Normalize(path);
        if (directory.Length == 0) return target;
        string baseDir = Normalize(directory);
        var from = Segments(baseDir);
        var to = Segments(target);
        int common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], StringComparison.OrdinalIgnoreCase)) common++;
        if (common == 0) return target;
        var sb = new StringBuilder();
        for (int i = common; i < from.Length; i++) sb.Append("../");
        for (int i = common; i < to.Length; i++)
        {
            sb.Append(to[i]);
            if (i < to.Length - 1) sb.Append('/');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A hint name for a settings file's generated source, from its project-relative path: readable
    /// (<c>config_cors.settings.g.cs</c>), and unique because a hash of the exact path is added
    /// whenever making it a valid hint name lost information.
    /// </summary>
    public static string HintName(string relativePath)
    {
        var sb = new StringBuilder("DjangoSettings.");
        bool changed = false;
        foreach (char c in relativePath)
        {
            if (char.IsLetterOrDigit(c) && c < 128 || c is '.' or '-' or '_') sb.Append(c);
            else { sb.Append('_'); changed = true; }
        }
        if (changed) sb.Append('.').Append(Fnv1a(relativePath).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        sb.Append(".g.cs");
        return sb.ToString();
    }

    private static bool IsRooted(string path)
        => path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

    private static string[] Segments(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    // A stable hash (string.GetHashCode is randomised per process).
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}
