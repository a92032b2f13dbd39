using System;

namespace DjangoSettings.Cors;

/// <summary>
/// The origin-list decision as code: true when the request Origin's <c>urlsplit</c> pair equals
/// one configured entry's pair. Generated code implements it as a <c>switch</c> over span
/// constants, so no set lookup and no allocation happens per request.
/// </summary>
/// <param name="scheme">The scheme, already lowercased as Python's <c>urlsplit</c> returns it (may be empty).</param>
/// <param name="netloc">The netloc, verbatim (host case, port and userinfo kept; may be empty).</param>
public delegate bool OriginPairMatcher(ReadOnlySpan<char> scheme, ReadOnlySpan<char> netloc);
