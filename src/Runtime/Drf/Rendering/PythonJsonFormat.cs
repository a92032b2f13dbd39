namespace DjangoSettings.Drf;

/// <summary>The <c>separators</c> and <c>indent</c> arguments of Python's <c>json.dumps</c>.</summary>
/// <param name="ItemSeparator">Between items (<c>,</c> or <c>, </c>).</param>
/// <param name="KeySeparator">Between a key and its value (<c>:</c> or <c>: </c>).</param>
/// <param name="Indent">Spaces per level, or null for one line.</param>
internal readonly record struct PythonJsonFormat(string ItemSeparator, string KeySeparator, int? Indent);
