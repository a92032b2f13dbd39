namespace DjangoSettings.Generator.Evaluation.Values;

/// <summary>Python's <c>None</c>.</summary>
internal sealed record PyNone : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "NoneType";
}

/// <summary>A Python <c>bool</c>.</summary>
internal sealed record PyBool(bool Value) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "bool";
}

/// <summary>A Python <c>int</c> that fits in 64 bits (larger literals are a diagnostic).</summary>
internal sealed record PyInt(long Value) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "int";
}

/// <summary>A Python <c>float</c>.</summary>
internal sealed record PyFloat(double Value) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "float";
}

/// <summary>A Python <c>str</c>.</summary>
internal sealed record PyStr(string Value) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "str";
}

/// <summary>A Python <c>bytes</c>, kept as Latin-1 text (each char is one byte).</summary>
internal sealed record PyBytes(string Latin1) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "bytes";
}

/// <summary>A <c>datetime.timedelta</c>, in whole microseconds as Python stores it.</summary>
internal sealed record PyTimeDelta(long Microseconds) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "timedelta";
}

/// <summary>A compiled regular expression (<c>re.compile(pattern, flags)</c>).</summary>
internal sealed record PyPattern(string Pattern, bool IgnoreCase) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "re.Pattern";
}
