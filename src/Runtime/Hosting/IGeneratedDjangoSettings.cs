namespace DjangoSettings.Hosting;

/// <summary>
/// Implemented by the classes the source generator fills from a settings file (a class marked
/// <see cref="DjangoSettingsFileAttribute"/>, or the default <c>DjangoProjectSettings</c>), so that
/// <c>builder.AddDjangoSettings&lt;TSettings&gt;()</c> can reach what was compiled without reflection
/// (trimming- and AOT-safe). Not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TSelf">The generated class itself.</typeparam>
public interface IGeneratedDjangoSettings<TSelf>
    where TSelf : class, IGeneratedDjangoSettings<TSelf>
{
    /// <summary>What the generator compiled: how to build the settings object, the CORS policy and the SIMPLE_JWT options.</summary>
    static abstract CompiledDjangoSettings<TSelf> CompiledSettings { get; }
}
