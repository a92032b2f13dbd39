using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// Reads the class <c>SIMPLE_JWT["TOKEN_OBTAIN_SERIALIZER"]</c> names from the Django project's
/// source and translates the common shape of its <c>get_token</c> override: the parent's call, then
/// <c>token["name"] = value</c> lines, then <c>return token</c>, where a value is a constant, a field
/// of the user model (str, int, bool), <c>str()</c> of one, <c>user.pk</c>, <c>get_username()</c>,
/// or <c>AbstractUser</c>'s <c>get_full_name()</c>/<c>get_short_name()</c>. Anything else is reported
/// at its line and nothing is translated: a partial set of claims would mint tokens Django never mints.
/// </summary>
internal static class TokenSerializerReader
{
    private const int MaxDepth = 8;

    /// <summary>simplejwt's pair serializer, whose <c>get_token</c> is <c>RefreshToken.for_user</c>.</summary>
    internal const string PairSerializer = "rest_framework_simplejwt.serializers.TokenObtainPairSerializer";

    // The fields Django's base classes contribute, with their DjangoFieldType.
    private static readonly Dictionary<string, string> InheritedFieldTypes = new(StringComparer.Ordinal)
    {
        ["password"] = "CharField",
        ["last_login"] = "DateTimeField",
        ["is_superuser"] = "BooleanField",
        ["username"] = "CharField",
        ["first_name"] = "CharField",
        ["last_name"] = "CharField",
        ["email"] = "CharField",
        ["is_staff"] = "BooleanField",
        ["is_active"] = "BooleanField",
        ["date_joined"] = "DateTimeField",
    };

    /// <summary>Django's <c>auth.User</c>, for projects that keep it.</summary>
    private static readonly UserModelDescription DjangoUser = new(
        ProjectQuery.DjangoUser, true, false, "AutoField", null, EquatableArray<string>.Empty, EquatableArray<FieldDescription>.Empty,
        "username", "email", null, string.Empty, 0);

    /// <summary>The translated claims, or null (reported into <paramref name="diagnostics"/>).</summary>
    /// <param name="project">The project's source.</param>
    /// <param name="serializer">The setting's value and where it is written.</param>
    /// <param name="model">The user model read from the project, or null for Django's auth.User.</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static TokenClaims? Read(PythonProject project, LocatedText serializer, UserModelDescription? model, List<SettingsDiagnostic> diagnostics)
    {
        string path = serializer.Text;
        var at = serializer.Location ?? SourceLocation.None(string.Empty);
        int dot = path.LastIndexOf('.');
        if (dot <= 0 || dot == path.Length - 1)
        {
            diagnostics.Add(NotFound(at, path, "it is not a dotted path 'module.ClassName'"));
            return null;
        }
        string moduleName = path.Substring(0, dot), className = path.Substring(dot + 1);
        var module = project.Module(moduleName);
        if (module is null)
        {
            diagnostics.Add(NotFound(at, path, "the project has no module '" + moduleName + "' (" + moduleName.Replace('.', '/') + ".py or " + moduleName.Replace('.', '/') + "/__init__.py under " + project.Root + ")"));
            return null;
        }
        if (project.Lookup(module, className) is not { Class: { } cls, Module: { } classModule })
        {
            diagnostics.Add(NotFound(at, path, "the module '" + moduleName + "' defines or imports no class '" + className + "' of the project"));
            return null;
        }
        var reading = new Reading(project, model ?? DjangoUser, model is null, diagnostics);
        var claims = reading.Class(classModule, cls, 0);
        if (claims is null || reading.Failed) return null;
        var getToken = reading.GetTokenAt ?? (classModule, cls.NameSpan);
        return new TokenClaims(path, getToken.Module.Source.Path, getToken.Module.Line(getToken.Span), claims.ToEquatableArray());
    }

    private static SettingsDiagnostic NotFound(SourceLocation at, string path, string reason)
        => SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerNotFound, at, "TOKEN_OBTAIN_SERIALIZER", path, reason);

    /// <summary>The state of translating one serializer and its project bases.</summary>
    private sealed class Reading
    {
        private readonly PythonProject _project;
        private readonly UserModelDescription _model;
        private readonly bool _djangoUser;
        private readonly List<SettingsDiagnostic> _diagnostics;
        private readonly Dictionary<string, string> _fieldTypes;

        public Reading(PythonProject project, UserModelDescription model, bool djangoUser, List<SettingsDiagnostic> diagnostics)
        {
            _project = project;
            _model = model;
            _djangoUser = djangoUser;
            _diagnostics = diagnostics;
            _fieldTypes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string name in UserModelReader.AllFieldNames(model))
            {
                var own = model.Fields.FirstOrDefault(f => f.Name == name);
                _fieldTypes[name] = own?.Type ?? (InheritedFieldTypes.TryGetValue(name, out string? t) ? t : model.DefaultAutoField);
            }
        }

        public bool Failed { get; private set; }

        /// <summary>The most derived get_token (where the translation is said to come from).</summary>
        public (PythonModule Module, SourceSpan Span)? GetTokenAt { get; private set; }

        /// <summary>The claims a class's get_token sets (its bases' first), or null.</summary>
        public List<TokenClaim>? Class(PythonModule module, ClassDefStmt cls, int depth)
        {
            if (depth > MaxDepth)
            {
                Fail(module, cls.NameSpan, cls.Name, "the class hierarchy", "it is too deep to read");
                return null;
            }
            if (module.SyntaxErrors.Length > 0)
            {
                Fail(module, cls.NameSpan, cls.Name, "the class", "its module has syntax errors");
                return null;
            }
            FunctionDefStmt? getToken = null;
            foreach (var statement in cls.Body)
            {
                switch (statement)
                {
                    case FunctionDefStmt { Name: "get_token" } f:
                        getToken = f;
                        break;
                    case FunctionDefStmt f:
                        _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerMemberIgnored, module.Location(f.NameSpan), cls.Name, f.Name));
                        break;
                    case AssignStmt { Targets: var targets } a when targets.Length == 1 && targets[0] is NameExpr n:
                        _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerMemberIgnored, module.Location(a.Span), cls.Name, n.Name));
                        break;
                    case ExprStmt { Value: StringExpr }:
                    case KeywordStmt { Keyword: "pass" }:
                        break;
                    default:
                        _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenSerializerMemberIgnored, module.Location(statement.Span), cls.Name, "'" + FirstLine(module, statement.Span) + "'"));
                        break;
                }
            }
            if (GetTokenAt is null && getToken is not null) GetTokenAt = (module, getToken.NameSpan);

            var positional = cls.Bases.Where(b => b.Kind == CallArgumentKind.Positional).ToList();
            if (positional.Count != 1 || cls.Bases.Length != 1)
            {
                Fail(module, cls.NameSpan, cls.Name, "the class's bases", "a serializer read here has exactly one base class, simplejwt's TokenObtainPairSerializer or a project class derived from it");
                return null;
            }
            var symbol = _project.Resolve(module, positional[0].Value);
            List<TokenClaim>? inherited;
            if (symbol is { Class: { } baseClass, Module: { } baseModule }) inherited = Class(baseModule, baseClass, depth + 1);
            else if (symbol?.FullName == PairSerializer) inherited = new List<TokenClaim>();
            else
            {
                Fail(module, positional[0].Span, cls.Name, "the base class '" + FirstLine(module, positional[0].Span) + "'",
                    "it is not simplejwt's TokenObtainPairSerializer (" + PairSerializer + ") or a project class derived from it");
                return null;
            }
            if (inherited is null || getToken is null) return inherited;
            return GetToken(module, cls, getToken, inherited);
        }

        // token = super().get_token(user); token["name"] = value ...; return token
        private List<TokenClaim>? GetToken(PythonModule module, ClassDefStmt cls, FunctionDefStmt f, List<TokenClaim> inherited)
        {
            if (!f.Decorators.Any(d => d is NameExpr { Name: "classmethod" }) || f.Decorators.Length != 1)
            {
                Fail(module, f.NameSpan, cls.Name, "get_token's decorators", "simplejwt calls it as a @classmethod, the only decorator read here");
                return null;
            }
            if (f.Parameters.Length != 2 || f.Parameters.Any(p => p.Kind != ParameterKind.Normal || p.Default is not null))
            {
                Fail(module, f.NameSpan, cls.Name, "get_token's parameters", "the override read here takes (cls, user)");
                return null;
            }
            string clsName = f.Parameters[0].Name, user = f.Parameters[1].Name;
            var body = f.Body.Where(s => s is not ExprStmt { Value: StringExpr }).ToList();
            if (body.Count < 2 || !IsSuperCall(body[0], clsName, user, cls.Name, out string? token))
            {
                Fail(module, body.Count > 0 ? body[0].Span : f.NameSpan, cls.Name, body.Count > 0 ? "'" + FirstLine(module, body[0].Span) + "'" : "get_token's body",
                    "the override starts with token = super().get_token(" + user + ")");
                return null;
            }
            if (body[body.Count - 1] is not ReturnStmt { Value: NameExpr returned } || returned.Name != token)
            {
                Fail(module, body[body.Count - 1].Span, cls.Name, "'" + FirstLine(module, body[body.Count - 1].Span) + "'", "the override ends with return " + token);
                return null;
            }
            var claims = new List<TokenClaim>(inherited);
            for (int i = 1; i < body.Count - 1; i++)
            {
                var claim = Claim(module, cls, body[i], token!, user);
                if (claim is null) continue;
                // Python dict semantics: setting an existing claim again replaces it in place.
                int existing = claims.FindIndex(c => c.Name == claim.Name);
                if (existing >= 0) claims[existing] = claim;
                else claims.Add(claim);
            }
            return Failed ? null : claims;
        }

        private static bool IsSuperCall(Stmt statement, string clsName, string user, string className, out string? token)
        {
            token = null;
            if (statement is not AssignStmt { Targets: var targets, Value: CallExpr call } || targets.Length != 1 || targets[0] is not NameExpr target) return false;
            if (call.Function is not AttributeExpr { Name: "get_token", Object: CallExpr { Function: NameExpr { Name: "super" } } super }) return false;
            // super() or super(ThisClass, cls)
            bool superForm = super.Arguments.Length == 0
                || (super.Arguments.Length == 2 && super.Arguments[0].Value is NameExpr { Name: var c } && c == className && super.Arguments[1].Value is NameExpr { Name: var k } && k == clsName);
            if (!superForm) return false;
            if (call.Arguments.Length != 1 || call.Arguments[0].Kind != CallArgumentKind.Positional || call.Arguments[0].Value is not NameExpr { Name: var u } || u != user) return false;
            token = target.Name;
            return true;
        }

        private TokenClaim? Claim(PythonModule module, ClassDefStmt cls, Stmt statement, string token, string user)
        {
            if (statement is not AssignStmt { Targets: var targets, Value: var value } || targets.Length != 1
                || targets[0] is not SubscriptExpr { Object: NameExpr { Name: var tokenName }, Index: var index } || tokenName != token
                || PyLiteral.Str(index) is not { } name)
            {
                Fail(module, statement.Span, cls.Name, "'" + FirstLine(module, statement.Span) + "'", "the lines read here are " + token + "[\"name\"] = value");
                return null;
            }
            string what = "'" + FirstLine(module, value.Span) + "'";
            if (PyLiteral.Str(value) is { } s) return new TokenClaim(name, ClaimValueKind.String, s);
            if (PyLiteral.Int(value) is { } n) return new TokenClaim(name, ClaimValueKind.Integer, n.ToString(CultureInfo.InvariantCulture));
            if (PyLiteral.Bool(value) is { } b) return new TokenClaim(name, b ? ClaimValueKind.True : ClaimValueKind.False, string.Empty);
            if (PyLiteral.IsNone(value)) return new TokenClaim(name, ClaimValueKind.None, string.Empty);

            if (value is CallExpr { Function: NameExpr { Name: "str" }, Arguments: { Length: 1 } strArgs } && strArgs[0].Kind == CallArgumentKind.Positional)
            {
                string? field = UserField(module, cls, strArgs[0].Value, user, what);
                if (field is null) return null;
                string type = _fieldTypes[field];
                if (type is "DateTimeField" or "DateField")
                {
                    Fail(module, value.Span, cls.Name, what, "str() of a " + type + " is not translated (its text depends on USE_TZ and the value's time zone)");
                    return null;
                }
                return new TokenClaim(name, ClaimValueKind.StrOfField, field);
            }
            if (value is CallExpr { Function: AttributeExpr { Object: NameExpr { Name: var owner }, Name: var method }, Arguments.Length: 0 } && owner == user
                && method is "get_full_name" or "get_short_name")
            {
                if (!_model.AbstractUser || DefinesMethod(method))
                {
                    Fail(module, value.Span, cls.Name, what, method + "() is translated for AbstractUser's own method only");
                    return null;
                }
                return new TokenClaim(name, method == "get_full_name" ? ClaimValueKind.FullName : ClaimValueKind.ShortName, string.Empty);
            }
            string? fieldName = UserField(module, cls, value, user, what);
            if (fieldName is null) return null;
            string fieldType = _fieldTypes[fieldName];
            if (JsonUnsafe(fieldType) is { } pythonType)
            {
                Failed = true;
                _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenClaimNotJson, module.Location(value.Span), cls.Name,
                    "\"" + name + "\"", FirstLine(module, value.Span), fieldType, pythonType));
                return null;
            }
            return new TokenClaim(name, ClaimValueKind.Field, fieldName);
        }

        // user.field, user.pk or user.get_username(): the model field it reads, or null (reported).
        private string? UserField(PythonModule module, ClassDefStmt cls, Expr value, string user, string what)
        {
            string? field = value switch
            {
                AttributeExpr { Object: NameExpr { Name: var o }, Name: "pk" } when o == user => PrimaryKey(),
                AttributeExpr { Object: NameExpr { Name: var o }, Name: var attribute } when o == user => attribute,
                CallExpr { Function: AttributeExpr { Object: NameExpr { Name: var o }, Name: "get_username" }, Arguments.Length: 0 } when o == user && !DefinesMethod("get_username") => _model.UsernameField,
                _ => null,
            };
            if (field is null)
            {
                Fail(module, value.Span, cls.Name, what,
                    "a claim value read here is a constant, " + user + ".<field>, " + user + ".pk, str() of one of them, " + user + ".get_username(), or AbstractUser's " + user + ".get_full_name()/get_short_name()");
                return null;
            }
            if (!_fieldTypes.ContainsKey(field))
            {
                Fail(module, value.Span, cls.Name, what, "'" + field + "' is not a field of " + _model.Label + " (its fields: " + string.Join(", ", _fieldTypes.Keys) + ")");
                return null;
            }
            return field;
        }

        private string PrimaryKey() => _model.Fields.FirstOrDefault(f => f.PrimaryKey)?.Name ?? "id";

        // Whether the project's user model class itself defines the method (then it is the project's code, not Django's).
        private bool DefinesMethod(string name)
        {
            if (_djangoUser) return false;
            string? moduleName = _project.ModuleName(_model.SourcePath);
            var module = moduleName is null ? null : _project.Module(moduleName);
            var cls = module?.Classes.FirstOrDefault(c => module.Line(c.NameSpan) == _model.Line);
            return cls is null || cls.Body.Any(s => s is FunctionDefStmt f && f.Name == name);
        }

        // The Python type PyJWT's json.dumps rejects for a field type, or null when it writes it.
        private static string? JsonUnsafe(string fieldType) => fieldType switch
        {
            "UuidField" => "UUID",
            "DateTimeField" => "datetime",
            "DateField" => "date",
            _ => null,
        };

        private void Fail(PythonModule module, SourceSpan span, string className, string what, string reason)
        {
            Failed = true;
            _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.TokenClaimsNotTranslated, module.Location(span), className, what + " (" + reason + ")"));
        }

        private static string FirstLine(PythonModule module, SourceSpan span)
        {
            string text = module.Source.Text.Substring(span.Start, Math.Min(span.Length, module.Source.Text.Length - span.Start));
            int newline = text.IndexOfAny(new[] { '\r', '\n' });
            return (newline >= 0 ? text.Substring(0, newline) : text).Trim();
        }
    }
}
