using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// Finds the class <c>AUTH_USER_MODEL</c> names (app label through the app registry, then the
/// app's <c>models</c> module and its imports) and reads it the way Django builds its <c>_meta</c>,
/// for the common shapes: <c>AbstractUser</c>, or <c>AbstractBaseUser</c> with or without
/// <c>PermissionsMixin</c>, the project's own abstract bases, the field kinds the runtime stores,
/// <c>Meta.db_table</c> and <c>DEFAULT_AUTO_FIELD</c>. Whatever else it meets is reported at its
/// line, pointing at the C# registration instead; nothing is guessed.
/// </summary>
internal static class UserModelReader
{
    private const int MaxDepth = 8;

    private static readonly Dictionary<string, string> AutoFields = new(StringComparer.Ordinal)
    {
        ["django.db.models.AutoField"] = "AutoField",
        ["django.db.models.BigAutoField"] = "BigAutoField",
        ["django.db.models.SmallAutoField"] = "SmallAutoField",
        ["django.db.models.fields.AutoField"] = "AutoField",
        ["django.db.models.fields.BigAutoField"] = "BigAutoField",
        ["django.db.models.fields.SmallAutoField"] = "SmallAutoField",
    };

    // Django's field classes and the DjangoFieldType each is stored as.
    private static readonly Dictionary<string, string> FieldTypes = new(StringComparer.Ordinal)
    {
        ["AutoField"] = "AutoField",
        ["BigAutoField"] = "BigAutoField",
        ["SmallAutoField"] = "SmallAutoField",
        ["IntegerField"] = "IntegerField",
        ["BigIntegerField"] = "BigIntegerField",
        ["SmallIntegerField"] = "SmallIntegerField",
        ["CharField"] = "CharField",
        ["EmailField"] = "CharField",
        ["TextField"] = "TextField",
        ["UUIDField"] = "UuidField",
        ["BooleanField"] = "BooleanField",
        ["DateTimeField"] = "DateTimeField",
        ["DateField"] = "DateField",
    };

    // Field options that change nothing the stores do (forms, admin, validation messages).
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "blank", "editable", "help_text", "validators", "error_messages", "choices", "db_comment", "auto_now", "auto_now_add",
    };

    /// <summary>Reads the model, reporting into <paramref name="diagnostics"/>; null when it cannot be generated.</summary>
    public static UserModelDescription? Read(PythonProject project, ProjectQuery query, SourceLocation settingLocation, List<SettingsDiagnostic> diagnostics)
    {
        string label = query.AuthUserModel.Text;
        int dot = label.IndexOf('.');
        string appLabel = label.Substring(0, dot);
        string modelName = label.Substring(dot + 1);

        var apps = AppRegistry.Read(project, query.InstalledApps?.ToList());
        var app = apps.FirstOrDefault(a => a.Label == appLabel);
        if (app is null)
        {
            string known = string.Join(", ", apps.Select(a => a.Label).Distinct());
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotInstalled, settingLocation, label,
                "no installed app has the label '" + appLabel + "' (labels: " + (known.Length > 0 ? known : "none") + ")"));
            return null;
        }
        var models = project.Module(app.Module + ".models");
        if (models is null)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotInstalled, settingLocation, label,
                "the app '" + app.Module + "' has no models module (" + app.Module.Replace('.', '/') + "/models.py or models/__init__.py) in the project"));
            return null;
        }
        // Django looks the model name up case-insensitively.
        var symbol = project.Lookup(models, modelName)
            ?? models.Classes.Where(c => string.Equals(c.Name, modelName, StringComparison.OrdinalIgnoreCase)).Select(c => project.Lookup(models, c.Name)).FirstOrDefault();
        if (symbol?.Class is not { } cls || symbol.Module is not { } module)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotInstalled, settingLocation, label,
                "the module '" + models.Name + "' defines or imports no class '" + modelName + "'"));
            return null;
        }
        var reading = new Reading(project, label, diagnostics);
        reading.Class(module, cls, 0);
        if (reading.Failed) return null;

        string defaultAuto = app.DefaultAutoField ?? query.DefaultAutoField;
        if (!AutoFields.TryGetValue(defaultAuto, out string? autoType))
        {
            reading.Fail(module, cls.NameSpan, cls.Name, "DEFAULT_AUTO_FIELD '" + defaultAuto + "' is not Django's AutoField, BigAutoField or SmallAutoField");
            return null;
        }
        var description = reading.Result(modelName == cls.Name ? label : appLabel + "." + cls.Name, autoType, module.Source.Path, module.Line(cls.NameSpan), module.Location(cls.NameSpan));
        if (description is null) return null;
        Check(description, query, module, cls, diagnostics);
        return description;
    }

    // Django's system checks on the read model, and USER_ID_FIELD against it.
    private static void Check(UserModelDescription model, ProjectQuery query, PythonModule module, ClassDefStmt cls, List<SettingsDiagnostic> diagnostics)
    {
        var fields = AllFieldNames(model);
        var at = module.Location(cls.NameSpan);
        string username = model.UsernameField!;
        if (model.RequiredFields is { } required && required.Contains(username))
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UsernameFieldInRequiredFields, at, username));
        }
        var own = model.Fields.FirstOrDefault(f => f.Name == username);
        bool unique = own is not null ? own.Unique || own.PrimaryKey : model.AbstractUser && username == "username";
        if (!unique)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UsernameFieldNotUnique, at, cls.Name, username));
        }
        if (query.UserIdField is { } idField && idField.Text != "pk" && !fields.Contains(idField.Text))
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserIdFieldNotOnModel, idField.Location ?? at, idField.Text, model.Label, string.Join(", ", fields)));
        }
        var pk = model.Fields.FirstOrDefault(f => f.PrimaryKey);
        diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelRead, at, model.Label, cls.Name,
            model.Table ?? model.Label.Substring(0, model.Label.IndexOf('.')) + "_" + model.Label.Substring(model.Label.IndexOf('.') + 1).ToLowerInvariant(),
            pk?.Name ?? "id", pk?.Type ?? model.DefaultAutoField, username));
    }

    /// <summary>The model's field names in Django's order (bases first, the auto key when no field is the key).</summary>
    internal static List<string> AllFieldNames(UserModelDescription model)
    {
        var names = new List<string> { "password", "last_login" };
        if (model.AbstractUser || model.PermissionsMixin) names.Add("is_superuser");
        if (model.AbstractUser) names.AddRange(new[] { "username", "first_name", "last_name", "email", "is_staff", "is_active", "date_joined" });
        names.RemoveAll(n => model.Removed.Contains(n) || model.Fields.Any(f => f.Name == n));
        names.AddRange(model.Fields.Select(f => f.Name));
        if (!model.Fields.Any(f => f.PrimaryKey)) names.Insert(0, "id");
        return names;
    }

    /// <summary>The state of reading one class and its project bases.</summary>
    private sealed class Reading
    {
        private readonly PythonProject _project;
        private readonly string _label;
        private readonly List<SettingsDiagnostic> _diagnostics;
        private readonly List<FieldDescription> _fields = new();
        private readonly List<string> _removed = new();
        private bool _abstractUser;
        private bool _abstractBaseUser;
        private bool _permissions;
        private string? _table;
        private string? _usernameField;
        private string? _emailField;
        private List<string>? _requiredFields;

        public Reading(PythonProject project, string label, List<SettingsDiagnostic> diagnostics)
        {
            _project = project;
            _label = label;
            _diagnostics = diagnostics;
        }

        public bool Failed { get; private set; }

        public void Fail(PythonModule module, SourceSpan span, string className, string reason)
        {
            Failed = true;
            _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotUnderstood, module.Location(span), className, reason, _label));
        }

        /// <summary>Reads a class: its bases first (Django's fields come before the project's), then its body.</summary>
        public void Class(PythonModule module, ClassDefStmt cls, int depth)
        {
            if (depth > MaxDepth)
            {
                Fail(module, cls.NameSpan, cls.Name, "the class hierarchy is too deep to read");
                return;
            }
            if (module.SyntaxErrors.Length > 0)
            {
                Fail(module, cls.NameSpan, cls.Name, "its module has syntax errors");
                return;
            }
            foreach (var b in cls.Bases)
            {
                if (b.Kind != CallArgumentKind.Positional)
                {
                    if (b.Name == "metaclass" || b.Kind != CallArgumentKind.Keyword) Fail(module, b.Span, cls.Name, "class keywords and starred bases are not read");
                    continue;
                }
                Base(module, cls, b.Value, depth);
                if (Failed) return;
            }
            Body(module, cls, depth == 0);
        }

        private void Base(PythonModule module, ClassDefStmt cls, Expr expression, int depth)
        {
            var symbol = _project.Resolve(module, expression);
            string name = symbol?.FullName ?? string.Empty;
            switch (name)
            {
                case "django.contrib.auth.models.AbstractUser":
                    _abstractUser = true;
                    return;
                case "django.contrib.auth.models.AbstractBaseUser":
                case "django.contrib.auth.base_user.AbstractBaseUser":
                    _abstractBaseUser = true;
                    return;
                case "django.contrib.auth.models.PermissionsMixin":
                    _permissions = true;
                    return;
                case "django.db.models.Model":
                case "django.db.models.base.Model":
                case "object":
                    return;
            }
            if (symbol?.Class is { } parent && symbol.Module is { } parentModule)
            {
                if (!IsAbstract(parentModule, parent))
                {
                    Fail(module, expression.Span, cls.Name, "it derives from the concrete model " + parent.Name + " (multi-table inheritance)");
                    return;
                }
                Class(parentModule, parent, depth + 1);
                return;
            }
            Fail(module, expression.Span, cls.Name, "the base class '" + (name.Length > 0 ? name : "?") + "' is neither Django's AbstractUser, AbstractBaseUser, PermissionsMixin nor an abstract model of the project");
        }

        private static bool IsAbstract(PythonModule module, ClassDefStmt cls)
            => Meta(cls) is { } meta && AppRegistry.Attribute(meta, "abstract") is { } value && PyLiteral.Bool(value, module) == true;

        private static ClassDefStmt? Meta(ClassDefStmt cls) => cls.Body.OfType<ClassDefStmt>().LastOrDefault(c => c.Name == "Meta");

        private void Body(PythonModule module, ClassDefStmt cls, bool isModel)
        {
            foreach (var statement in cls.Body)
            {
                if (statement is not AssignStmt { Targets.Length: 1 } assign || assign.Targets[0] is not NameExpr target) continue;
                string name = target.Name;
                var value = assign.Value;
                switch (name)
                {
                    case "USERNAME_FIELD":
                        _usernameField = Text(module, cls, value, name) ?? _usernameField;
                        continue;
                    case "EMAIL_FIELD":
                        _emailField = Text(module, cls, value, name) ?? _emailField;
                        continue;
                    case "REQUIRED_FIELDS":
                        if (PyLiteral.Strings(value, module) is { } list) _requiredFields = list.ToList();
                        else Fail(module, value.Span, cls.Name, "REQUIRED_FIELDS is not a list or tuple of strings written in the class (auth.E001 needs a list or tuple)");
                        continue;
                }
                if (PyLiteral.IsNone(value))
                {
                    // `username = None`: the inherited field is gone.
                    _fields.RemoveAll(f => f.Name == name);
                    if (!_removed.Contains(name)) _removed.Add(name);
                    continue;
                }
                if (value is CallExpr call && FieldClass(module, call) is { } fieldClass)
                {
                    Field(module, cls, name, call, fieldClass);
                }
            }
            if (isModel && Meta(cls) is { } meta && AppRegistry.Attribute(meta, "db_table") is { } table)
            {
                _table = PyLiteral.Str(table, module);
                if (_table is null) Fail(module, table.Span, cls.Name, "Meta.db_table is not a string written in the class");
            }
        }

        private string? Text(PythonModule module, ClassDefStmt cls, Expr value, string name)
        {
            string? text = PyLiteral.Str(value, module);
            if (text is null) Fail(module, value.Span, cls.Name, name + " is not a string written in the class");
            return text;
        }

        // The Django field class a call makes (CharField for models.CharField(...)), or null when the call is no field.
        private string? FieldClass(PythonModule module, CallExpr call)
        {
            string? full = _project.Resolve(module, call.Function)?.FullName;
            if (full is null) return null;
            foreach (string prefix in new[] { "django.db.models.fields.", "django.db.models." })
            {
                if (full.StartsWith(prefix, StringComparison.Ordinal) && full.IndexOf('.', prefix.Length) < 0)
                {
                    string name = full.Substring(prefix.Length);
                    return name.EndsWith("Field", StringComparison.Ordinal) || name is "ForeignKey" or "OneToOneField" or "ManyToManyField" ? name : null;
                }
            }
            return null;
        }

        private void Field(PythonModule module, ClassDefStmt cls, string name, CallExpr call, string fieldClass)
        {
            // A relation to many has no column; the runtime needs nothing of it.
            if (fieldClass == "ManyToManyField") return;
            if (!FieldTypes.TryGetValue(fieldClass, out string? type))
            {
                NotUnderstood(module, call, cls, name, "models." + fieldClass + " is not a field kind the runtime stores");
                return;
            }
            int? maxLength = fieldClass == "EmailField" ? 254 : null;
            bool isNull = false, unique = false, primaryKey = false, dbIndex = false;
            string? column = null, defaultValue = null, verboseName = null;
            for (int i = 0; i < call.Arguments.Length; i++)
            {
                var argument = call.Arguments[i];
                if (argument.Kind == CallArgumentKind.Positional && i == 0 && PyLiteral.Str(argument.Value, module) is { } positionalName)
                {
                    verboseName = positionalName;
                    continue;
                }
                if (argument.Kind != CallArgumentKind.Keyword || argument.Name is null)
                {
                    NotUnderstood(module, call, cls, name, "only keyword arguments (and a verbose name first) are read");
                    return;
                }
                string? problem = argument.Name switch
                {
                    "max_length" => (maxLength = (int?)PyLiteral.Int(argument.Value, module)) is null ? "max_length is not an integer written here" : null,
                    "null" => Flag(argument.Value, module, ref isNull),
                    "unique" => Flag(argument.Value, module, ref unique),
                    "primary_key" => Flag(argument.Value, module, ref primaryKey),
                    "db_index" => Flag(argument.Value, module, ref dbIndex),
                    "db_column" => (column = PyLiteral.Str(argument.Value, module)) is null ? "db_column is not a string written here" : null,
                    "verbose_name" => (verboseName = PyLiteral.Str(argument.Value, module)) is null ? "verbose_name is not a string written here" : null,
                    "default" => (defaultValue = Default(module, argument.Value)) is null ? "its default is neither a constant, timezone.now nor uuid.uuid4" : null,
                    _ when Ignored.Contains(argument.Name) => null,
                    _ => "the option " + argument.Name + "= is not read",
                };
                if (problem is not null)
                {
                    NotUnderstood(module, call, cls, name, problem);
                    return;
                }
            }
            if (type == "CharField" && maxLength is null)
            {
                NotUnderstood(module, call, cls, name, "a CharField without max_length (fields.E120)");
                return;
            }
            if (type is "AutoField" or "BigAutoField" or "SmallAutoField" && !primaryKey)
            {
                NotUnderstood(module, call, cls, name, "an auto field that is not the primary key (fields.E100)");
                return;
            }
            // Django orders fields by creation: an override of an inherited field comes where it is written.
            _fields.RemoveAll(f => f.Name == name);
            _fields.Add(new FieldDescription(name, type, type is "CharField" ? maxLength : null, isNull, unique || primaryKey, primaryKey, dbIndex,
                column, defaultValue, verboseName, fieldClass == "EmailField"));
        }

        private static string? Flag(Expr value, PythonModule module, ref bool flag)
        {
            if (PyLiteral.Bool(value, module) is not { } b) return "a flag that is not True or False written here";
            flag = b;
            return null;
        }

        private string? Default(PythonModule module, Expr value)
        {
            switch (_project.Resolve(module, value)?.FullName)
            {
                case "django.utils.timezone.now": return "now";
                case "uuid.uuid4": return "uuid4";
            }
            if (PyLiteral.Bool(value, module) is { } b) return "bool:" + (b ? "True" : "False");
            if (PyLiteral.Int(value, module) is { } n) return "int:" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PyLiteral.Str(value, module) is { } s) return "str:" + s;
            return null;
        }

        private void NotUnderstood(PythonModule module, CallExpr call, ClassDefStmt cls, string name, string reason)
            => _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelFieldNotUnderstood, module.Location(call.Span), cls.Name, name, reason));

        public UserModelDescription? Result(string label, string defaultAutoField, string path, int line, SourceLocation at)
        {
            if (!_abstractUser && !_abstractBaseUser)
            {
                Failed = true;
                _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotUnderstood, at, label,
                    "it derives neither from AbstractUser nor from AbstractBaseUser", _label));
                return null;
            }
            string? username = _usernameField ?? (_abstractUser ? "username" : null);
            if (username is null)
            {
                _diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UserModelNotUnderstood, at, label,
                    "it sets no USERNAME_FIELD (AbstractBaseUser has none; Django fails with AttributeError)", _label));
                return null;
            }
            return new UserModelDescription(label, _abstractUser, _permissions && !_abstractUser, defaultAutoField, _table,
                _removed.ToEquatableArray(), _fields.ToEquatableArray(), username, _emailField,
                _requiredFields?.ToEquatableArray(), path, line);
        }
    }
}
