using System;
using System.Collections.Generic;

namespace DjangoSettings.Http;

/// <summary><c>django.middleware.common.CommonMiddleware</c>'s own settings (the host ones are in <see cref="DjangoHostOptions"/>).</summary>
public sealed record DjangoCommonOptions
{
    /// <summary><c>APPEND_SLASH</c> (default true): 301 from <c>/x</c> to <c>/x/</c> when only the latter resolves.</summary>
    public bool AppendSlash { get; init; } = true;

    /// <summary><c>PREPEND_WWW</c>: 301 to <c>www.</c> + host when the host does not start with <c>www.</c>.</summary>
    public bool PrependWww { get; init; }

    /// <summary>
    /// <c>DISALLOWED_USER_AGENTS</c>: compiled Python patterns (<c>re.compile(p, flags)</c>) searched in
    /// the <c>User-Agent</c> header; a hit is Django's 403 page.
    /// </summary>
    public IReadOnlyList<PythonPattern> DisallowedUserAgents { get; init; } = Array.Empty<PythonPattern>();
}
