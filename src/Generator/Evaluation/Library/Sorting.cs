using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>Python's stable sort with <c>key=</c> and <c>reverse=</c> (<c>sorted</c>, <c>list.sort</c>, <c>min</c>, <c>max</c>).</summary>
internal static class Sorting
{
    /// <summary>The items sorted as a list; unknown when a key is not known, an error when two keys cannot be ordered.</summary>
    public static PyValue Sort(Site site, IReadOnlyList<PyValue> items, PyValue? key, PyValue? reverse)
    {
        var keyed = new List<(PyValue Key, PyValue Item)>(items.Count);
        foreach (var item in items)
        {
            var k = key is null || key is PyNone ? item : site.Call(key, item);
            if (k is PyUnknown or PyDeferred) return new PyUnknown("sort key unknown");
            keyed.Add((k, item));
        }
        for (int i = 1; i < keyed.Count; i++)
        {
            if (Operators.Order(keyed[0].Key, keyed[i].Key) is null) return site.Error("TypeError: '<' not supported between instances of '" + keyed[i].Key.TypeName + "' and '" + keyed[0].Key.TypeName + "'");
        }
        // A stable sort, as Python's.
        var sorted = keyed.Select((p, i) => (p.Key, p.Item, i)).ToList();
        sorted.Sort((x, y) =>
        {
            int cmp = Operators.Order(x.Key, y.Key) ?? 0;
            return cmp != 0 ? cmp : x.i.CompareTo(y.i);
        });
        bool rev = reverse is not null && PyOps.Truth(reverse) == true;
        if (rev)
        {
            sorted.Sort((x, y) =>
            {
                int cmp = Operators.Order(y.Key, x.Key) ?? 0;
                return cmp != 0 ? cmp : x.i.CompareTo(y.i);
            });
        }
        return PyOps.List(sorted.Select(p => p.Item));
    }
}
