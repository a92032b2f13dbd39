using System;

namespace DjangoSettings.Users;

/// <summary>A user model description that cannot be used (thrown when it is built or registered).</summary>
public sealed class DjangoUserModelException : InvalidOperationException
{
    /// <summary>Creates the exception for the model <paramref name="label"/>.</summary>
    public DjangoUserModelException(string label, string message)
        : base($"User model '{label}': {message}")
    {
        Label = label;
    }

    /// <summary>The model's <c>AUTH_USER_MODEL</c> label.</summary>
    public string Label { get; }
}
