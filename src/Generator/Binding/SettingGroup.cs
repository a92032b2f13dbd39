namespace DjangoSettings.Generator.Binding;

/// <summary>Which nested class of the generated settings class a setting belongs to.</summary>
internal enum SettingGroup
{
    /// <summary>django-cors-headers: <c>CORS_*</c>.</summary>
    Cors,

    /// <summary>djangorestframework-simplejwt: keys of the <c>SIMPLE_JWT</c> dict.</summary>
    SimpleJwt,

    /// <summary>Django core settings the runtime needs (SECRET_KEY, DEBUG, MIDDLEWARE, DATABASES...).</summary>
    Django,
}
