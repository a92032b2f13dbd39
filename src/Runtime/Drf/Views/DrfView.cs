using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Drf;

/// <summary>
/// A DRF view as Django defines it: its handlers per method, how it was written (class or
/// <c>@api_view</c> function), its name and description (OPTIONS metadata), and the policy classes it
/// sets itself (<c>permission_classes = [...]</c> and friends; null means REST_FRAMEWORK's default).
/// Build one with <see cref="DrfViewBuilder"/>, <see cref="Function"/>, or map it directly with
/// <c>MapDrfView</c>.
/// </summary>
public sealed class DrfView
{
    // Django's View.http_method_names, in its order.
    private static readonly string[] ClassMethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

    internal DrfView(
        string name,
        string description,
        DrfViewKind kind,
        IReadOnlyList<KeyValuePair<string, DrfHandler>> handlers,
        DrfViewPolicies policies,
        bool optionsMetadata,
        Func<DrfRequest, object?>? metadataActions = null)
    {
        MetadataActions = metadataActions;
        Name = name;
        Description = description;
        Kind = kind;
        Policies = policies;
        OptionsMetadata = optionsMetadata;
        var map = new Dictionary<string, DrfHandler>(StringComparer.Ordinal);
        foreach (var (method, handler) in handlers) map[method] = handler;
        Handlers = map;
        AllowedMethods = kind == DrfViewKind.Class ? ClassAllowed(map) : FunctionAllowed(handlers);
        Allow = string.Join(", ", AllowedMethods);
    }

    /// <summary>The view name in OPTIONS metadata (<c>Items</c>, <c>Api Root</c>).</summary>
    public string Name { get; }

    /// <summary>The view description in OPTIONS metadata (the dedented docstring, or empty).</summary>
    public string Description { get; }

    /// <summary>Class view or <c>@api_view</c> function.</summary>
    public DrfViewKind Kind { get; }

    /// <summary>The handlers by upper-case method (OPTIONS is answered by the view machinery unless given).</summary>
    public IReadOnlyDictionary<string, DrfHandler> Handlers { get; }

    /// <summary>DRF's allowed methods, in the order of the <c>Allow</c> header.</summary>
    public IReadOnlyList<string> AllowedMethods { get; }

    /// <summary>The <c>Allow</c> header value (<c>GET, POST, HEAD, OPTIONS</c>).</summary>
    public string Allow { get; }

    /// <summary>Whether OPTIONS answers DRF's metadata (false: <c>metadata_class = None</c>, a 405).</summary>
    public bool OptionsMetadata { get; }

    /// <summary>
    /// The <c>actions</c> of OPTIONS metadata (generic views with a serializer: the fields of PUT/POST),
    /// or null for none (an APIView).
    /// </summary>
    public Func<DrfRequest, object?>? MetadataActions { get; }

    /// <summary>The policy classes the view sets itself.</summary>
    public DrfViewPolicies Policies { get; }

    /// <summary>
    /// An <c>@api_view(methods)</c> function view. <paramref name="functionName"/> is the Python
    /// function's name (<c>api_root</c>), from which DRF derives the view name.
    /// </summary>
    public static DrfView Function(string functionName, IEnumerable<string> methods, DrfHandler handler, DrfViewPolicies? policies = null, string? docstring = null)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(handler);
        var handlers = methods.Select(m => new KeyValuePair<string, DrfHandler>(m.ToUpperInvariant(), handler)).ToList();
        return new DrfView(DrfViewNames.FromPythonName(functionName), DrfViewNames.FromDocstring(docstring), DrfViewKind.Function,
            handlers, policies ?? DrfViewPolicies.Defaults, optionsMetadata: true);
    }

    /// <summary>The handler for <paramref name="method"/> (upper-case), following Django's HEAD-runs-GET rule for class views.</summary>
    internal DrfHandler? HandlerFor(string method)
    {
        if (Handlers.TryGetValue(method, out var handler)) return handler;
        if (Kind == DrfViewKind.Class && method == "HEAD" && Handlers.TryGetValue("GET", out var get)) return get;
        return null;
    }

    /// <summary>Whether the method is in the view's <c>http_method_names</c> with an attribute of that name.</summary>
    internal bool IsAllowed(string method)
    {
        foreach (var m in AllowedMethods)
        {
            if (m == method) return true;
        }
        return false;
    }

    private static string[] ClassAllowed(Dictionary<string, DrfHandler> map)
    {
        var allowed = new List<string>(8);
        foreach (var method in ClassMethodOrder)
        {
            bool present = method switch
            {
                // APIView defines options; View.setup makes head = get.
                "OPTIONS" => true,
                "HEAD" => map.ContainsKey("HEAD") || map.ContainsKey("GET"),
                _ => map.ContainsKey(method),
            };
            if (present) allowed.Add(method);
        }
        return allowed.ToArray();
    }

    private static string[] FunctionAllowed(IReadOnlyList<KeyValuePair<string, DrfHandler>> handlers)
    {
        var allowed = new List<string>(handlers.Count + 1);
        foreach (var (method, _) in handlers)
        {
            if (!allowed.Contains(method, StringComparer.Ordinal)) allowed.Add(method);
        }
        if (!allowed.Contains("OPTIONS", StringComparer.Ordinal)) allowed.Add("OPTIONS");
        return allowed.ToArray();
    }
}
