using System.Globalization;
using System.Text;

namespace Outturn.Domain.Formulas;

/// <summary>
/// A measure computed from others: the four operations (+ − × ÷, also written - * /), parentheses, numbers and refs
/// to other measures of the plan. A ref is written bare when it is letters, digits, <c>_</c> and <c>.</c> starting
/// with a letter (<c>CED033</c>), or in square brackets when it has spaces (<c>[SCS CYP05]</c>). × and ÷ bind
/// tighter than + and −; operators of equal precedence go left to right.
/// </summary>
public sealed class Formula
{
    private readonly Node root;

    private Formula(string text, Node root, IReadOnlyList<string> refs)
    {
        Text = text;
        this.root = root;
        Refs = refs;
    }

    public string Text { get; }

    /// <summary>The measures the formula reads, in order of first mention.</summary>
    public IReadOnlyList<string> Refs { get; }

    /// <summary>Parses a formula, or says what is wrong and where (as "at character 7").</summary>
    public static bool TryParse(string? text, out Formula? formula, out string? error)
    {
        formula = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "the formula is blank"; return false; }
        if (text.Length > 1000) { error = "the formula is longer than 1,000 characters"; return false; }
        try
        {
            var parser = new Parser(text);
            var node = parser.Expression(0);
            parser.SkipSpace();
            if (!parser.AtEnd) throw parser.Error($"unexpected \"{parser.Current}\"");
            formula = new Formula(text.Trim(), node, parser.Refs.Distinct(StringComparer.Ordinal).ToList());
            return true;
        }
        catch (FormulaException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    public static Formula Parse(string text) =>
        TryParse(text, out var f, out var error) ? f! : throw new DomainException($"Formula \"{text}\": {error}.");

    /// <summary>The value from the inputs' values; null when an input is missing or a division is by zero.</summary>
    public decimal? Evaluate(Func<string, decimal?> valueOf) => root.Evaluate(valueOf);

    public override string ToString() => Text;

    private abstract record Node
    {
        public abstract decimal? Evaluate(Func<string, decimal?> valueOf);
    }

    private sealed record Number(decimal Value) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => Value;
    }

    private sealed record Ref(string Name) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => valueOf(Name);
    }

    private sealed record Negate(Node Operand) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => -Operand.Evaluate(valueOf);
    }

    private sealed record Binary(char Op, Node Left, Node Right) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf)
        {
            if (Left.Evaluate(valueOf) is not { } a || Right.Evaluate(valueOf) is not { } b) return null;
            try
            {
                return Op switch
                {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ => b == 0 ? null : a / b,
                };
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    private sealed class FormulaException(string message) : Exception(message);

    /// <summary>Precedence climbing over a string; recursion is bounded by the 1,000-character limit.</summary>
    private sealed class Parser(string text)
    {
        private int pos;
        private int depth;
        public List<string> Refs { get; } = [];

        public bool AtEnd => pos >= text.Length;
        public char Current => text[pos];

        public FormulaException Error(string what) => new($"{what} at character {pos + 1}");

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(Current)) pos++;
        }

        private static char? Operator(char c) => c switch
        {
            '+' => '+', '-' or '−' => '-', '*' or '×' => '*', '/' or '÷' => '/', _ => null,
        };

        private static int Precedence(char op) => op is '+' or '-' ? 1 : 2;

        public Node Expression(int minPrecedence)
        {
            if (++depth > 200) throw Error("the formula is nested too deeply");
            var left = Operand();
            while (true)
            {
                SkipSpace();
                if (AtEnd || Operator(Current) is not { } op || Precedence(op) < minPrecedence) break;
                pos++;
                var right = Expression(Precedence(op) + 1);
                left = new Binary(op, left, right);
            }
            depth--;
            return left;
        }

        private Node Operand()
        {
            SkipSpace();
            if (AtEnd) throw Error("a number, a measure's ref or \"(\" was expected");
            var c = Current;
            if (c == '(')
            {
                pos++;
                var inner = Expression(0);
                SkipSpace();
                if (AtEnd || Current != ')') throw Error("\")\" was expected");
                pos++;
                return inner;
            }
            if (Operator(c) == '-')
            {
                pos++;
                return new Negate(Operand());
            }
            if (char.IsDigit(c) || c == '.')
            {
                var start = pos;
                while (!AtEnd && (char.IsDigit(Current) || Current == '.')) pos++;
                var s = text[start..pos];
                if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                {
                    pos = start;
                    throw Error($"\"{s}\" is not a number");
                }
                return new Number(n);
            }
            if (c == '[')
            {
                var start = ++pos;
                while (!AtEnd && Current != ']') pos++;
                if (AtEnd) { pos = start - 1; throw Error("\"[\" is not closed by \"]\""); }
                var name = text[start..pos].Trim();
                pos++;
                if (name.Length == 0) { pos = start - 1; throw Error("\"[]\" names no measure"); }
                Refs.Add(name);
                return new Ref(name);
            }
            if (char.IsLetter(c))
            {
                var sb = new StringBuilder();
                while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '.')) sb.Append(text[pos++]);
                Refs.Add(sb.ToString());
                return new Ref(sb.ToString());
            }
            throw Error($"unexpected \"{c}\"");
        }
    }
}

/// <summary>A plan's formula measures checked together: every ref known, no measure computed from itself.</summary>
public static class FormulaChecks
{
    /// <summary>
    /// The first cycle among the formulas, as the refs round it ("A → B → A"), or null. <paramref name="formulas"/>
    /// maps each formula measure's ref to its formula; measures without one end every path.
    /// </summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, Formula> formulas)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();

        List<string>? Visit(string r)
        {
            if (!formulas.TryGetValue(r, out var f)) return null;
            if (state.TryGetValue(r, out var s))
                return s == 1 ? [.. path.Skip(path.IndexOf(r)), r] : null;
            state[r] = 1;
            path.Add(r);
            foreach (var input in f.Refs)
                if (Visit(input) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[r] = 2;
            return null;
        }

        foreach (var r in formulas.Keys.Order(StringComparer.Ordinal))
            if (Visit(r) is { } cycle) return cycle;
        return null;
    }

    /// <summary>The formula measures in an order where each comes after the formula measures it reads (no cycle assumed).</summary>
    public static IReadOnlyList<string> EvaluationOrder(IReadOnlyDictionary<string, Formula> formulas)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string r)
        {
            if (!formulas.TryGetValue(r, out var f) || !seen.Add(r)) return;
            foreach (var input in f.Refs) Visit(input);
            order.Add(r);
        }
        foreach (var r in formulas.Keys.Order(StringComparer.Ordinal)) Visit(r);
        return order;
    }
}
