using System;
using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// Builds a class-based DRF view (<c>class ItemsView(APIView)</c>): one handler per method, the
/// docstring, and the policy attributes the class sets.
/// </summary>
public sealed class DrfViewBuilder
{
    private readonly List<KeyValuePair<string, DrfHandler>> _handlers = new();
    private DrfViewPolicies _policies = DrfViewPolicies.Defaults;
    private string _name;
    private string _description = "";
    private bool _optionsMetadata = true;
    private Func<DrfRequest, object?>? _actions;

    /// <summary>
    /// A builder for the Python class <paramref name="pythonClassName"/> (<c>ItemsView</c>), from which
    /// DRF derives the view name (<c>Items</c>).
    /// </summary>
    public DrfViewBuilder(string pythonClassName)
    {
        ArgumentNullException.ThrowIfNull(pythonClassName);
        _name = DrfViewNames.FromPythonName(pythonClassName);
    }

    /// <summary><c>def get(self, request)</c> (also answers HEAD).</summary>
    public DrfViewBuilder Get(DrfHandler handler) => On("GET", handler);

    /// <summary><c>def post(self, request)</c>.</summary>
    public DrfViewBuilder Post(DrfHandler handler) => On("POST", handler);

    /// <summary><c>def put(self, request)</c>.</summary>
    public DrfViewBuilder Put(DrfHandler handler) => On("PUT", handler);

    /// <summary><c>def patch(self, request)</c>.</summary>
    public DrfViewBuilder Patch(DrfHandler handler) => On("PATCH", handler);

    /// <summary><c>def delete(self, request)</c>.</summary>
    public DrfViewBuilder Delete(DrfHandler handler) => On("DELETE", handler);

    /// <summary>A handler for any method of Django's <c>http_method_names</c> (upper-case).</summary>
    public DrfViewBuilder On(string method, DrfHandler handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new(method.ToUpperInvariant(), handler));
        return this;
    }

    /// <summary>The class docstring (dedented as DRF does) for the OPTIONS description.</summary>
    public DrfViewBuilder Docstring(string? docstring)
    {
        _description = DrfViewNames.FromDocstring(docstring);
        return this;
    }

    /// <summary>The view's <c>name</c> attribute, which replaces the derived name.</summary>
    public DrfViewBuilder Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        return this;
    }

    /// <summary><c>metadata_class = None</c>: OPTIONS answers 405.</summary>
    public DrfViewBuilder WithoutOptionsMetadata()
    {
        _optionsMetadata = false;
        return this;
    }

    /// <summary>The <c>actions</c> OPTIONS reports (a generic view's serializer fields per method).</summary>
    public DrfViewBuilder MetadataActions(Func<DrfRequest, object?> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = actions;
        return this;
    }

    /// <summary>Sets the view's policy attributes (<c>permission_classes</c> and friends).</summary>
    public DrfViewBuilder Policies(Func<DrfViewPolicies, DrfViewPolicies> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _policies = configure(_policies);
        return this;
    }

    /// <summary><c>permission_classes = [...]</c>: dotted paths or <see cref="IDrfPermission"/> instances.</summary>
    public DrfViewBuilder PermissionClasses(params object[] permissions) => Policies(p => p with { Permissions = permissions });

    /// <summary><c>authentication_classes = [...]</c>: dotted paths or <see cref="IDrfAuthenticator"/> instances.</summary>
    public DrfViewBuilder AuthenticationClasses(params object[] authenticators) => Policies(p => p with { Authenticators = authenticators });

    /// <summary><c>throttle_classes = [...]</c>: dotted paths or <see cref="IDrfThrottle"/> instances.</summary>
    public DrfViewBuilder ThrottleClasses(params object[] throttles) => Policies(p => p with { Throttles = throttles });

    /// <summary><c>throttle_scope = "..."</c> (ScopedRateThrottle).</summary>
    public DrfViewBuilder ThrottleScope(string scope) => Policies(p => p with { ThrottleScope = scope });

    /// <summary>The view.</summary>
    public DrfView Build() => new(_name, _description, DrfViewKind.Class, _handlers, _policies, _optionsMetadata, _actions);

    /// <summary>Sets the OPTIONS description as is (already dedented).</summary>
    internal DrfViewBuilder Description(string description)
    {
        _description = description;
        return this;
    }
}
