namespace DjangoSettings.Generator.Binding;

/// <summary>Which nested class of the generated settings class a setting belongs to.</summary>
internal enum SettingGroup
{
    /// <summary>django-cors-headers: <c>CORS_*</c>.</summary>
    Cors,

    /// <summary>djangorestframework-simplejwt: keys of the <c>SIMPLE_JWT</c> dict.</summary>
    SimpleJwt,

    /// <summary>Django REST framework: keys of the <c>REST_FRAMEWORK</c> dict (DRF 3.14).</summary>
    RestFramework,

    /// <summary>Django core settings the runtime needs (SECRET_KEY, DEBUG, MIDDLEWARE, DATABASES...).</summary>
    Django,

    /// <summary>Django's cache: the keys of <c>CACHES['default']</c> (where DRF's throttles keep their histories).</summary>
    Caches,
}
