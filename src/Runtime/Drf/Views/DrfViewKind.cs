namespace DjangoSettings.Drf;

/// <summary>How a DRF view was written in Django, which decides HEAD and the <c>Allow</c> order.</summary>
public enum DrfViewKind
{
    /// <summary>
    /// A class view (<c>APIView</c>, generic views): methods in <c>http_method_names</c> order,
    /// <c>HEAD</c> answered by <c>get</c> and listed after the others, <c>OPTIONS</c> always.
    /// </summary>
    Class,

    /// <summary>
    /// An <c>@api_view([...])</c> function: only the listed methods plus <c>OPTIONS</c>; <c>HEAD</c>
    /// is a 405 unless listed. Django orders these from a Python set (hash-seed dependent); the
    /// port keeps the order the methods are given in, then <c>OPTIONS</c>.
    /// </summary>
    Function,
}
