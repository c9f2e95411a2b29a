package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code kind: expr}: {@code expr: "(excess_deaths - covid_deaths) / excess_deaths"} over attributes of one
 * subject, with {@code + - * /} (also {@code × ÷ −}), parentheses, unary minus and numeric constants, evaluated
 * with interval arithmetic on both readings. Interval evaluation is sound: the true value always lies inside
 * (an attribute written twice may make it wider than the exact range, never narrower).
 *
 * <p>The parser is a small hand-written recursive descent, not a library: the grammar is four lines, the error
 * must carry the offset of the offending character (the rule pack reports it as file:line:column), and the
 * expression languages at hand (MVEL inside Drools, SpEL, JEXL) evaluate doubles, not intervals, and accept far
 * more than figures need (method calls, properties) — a figure file must not run code.
 * <pre>
 * expr    = term { ("+" | "-") term }
 * term    = unary { ("*" | "/") unary }
 * unary   = "-" unary | primary
 * primary = number | attribute | "(" expr ")"
 * </pre>
 */
public final class ExpressionKind implements FigureKind {
    public static final ExpressionKind INSTANCE = new ExpressionKind();
    private static final Map<String, Node> PARSED = new ConcurrentHashMap<>();

    private ExpressionKind() {
    }

    @Override
    public String name() {
        return FigureDefinition.EXPR;
    }

    @Override
    public List<String> inputs(String figure, Map<String, String> params) throws Invalid {
        String text = params.get("expr");
        if (text == null) throw new Invalid("expr", -1, "figure \"" + figure + "\" of kind expr needs an expr");
        for (String k : params.keySet()) {
            if (!k.equals("expr")) throw new Invalid(k, -1, "figure \"" + figure + "\" of kind expr has no setting \"" + k + "\"");
        }
        Node n = parse(text);
        Set<String> names = new LinkedHashSet<>();
        n.attributes(names);
        if (names.isEmpty()) throw new Invalid("expr", 0, "figure \"" + figure + "\": the expression names no attribute");
        if (names.contains(figure)) throw new Invalid("expr", text.indexOf(figure), "figure \"" + figure + "\" is defined by itself");
        return List.copyOf(names);
    }

    @Override
    public Figure compute(FigureDefinition def, When at, Function<String, Moment> momentOf) {
        Node n = PARSED.computeIfAbsent(def.expr(), t -> {
            try {
                return parse(t);
            } catch (Invalid e) {
                throw new IllegalStateException(e.getMessage(), e); // checked when the pack loaded
            }
        });
        List<Fact> from = new ArrayList<>();
        java.util.Map<String, Moment> moments = new java.util.HashMap<>();
        for (String a : def.inputs()) {
            Moment m = momentOf.apply(a);
            if (m == null || m.getHull() == null) return null;
            moments.put(a, m);
            from.addAll(m.getFigureFacts()); // not a statement that no figure is kept for the same time
        }
        Interval conv, strict;
        try {
            conv = n.eval(a -> moments.get(a).getHull());
            strict = n.eval(a -> moments.get(a).getStrictHull());
        } catch (ArithmeticException | IllegalArgumentException e) {
            return null; // division by exactly 0, or no number at all
        }
        return new Figure(moments.get(def.inputs().get(0)).getSubject(), def.name(), at, conv, strict,
                List.copyOf(from), true, arithmetic(n, moments, true, conv, def.percent()),
                arithmetic(n, moments, false, strict, def.percent()), def.percent(), def.kind(), Figures.described(def));
    }

    private static String arithmetic(Node n, Map<String, Moment> m, boolean conventional, Interval r, boolean percent) {
        return n.show(a -> (conventional ? m.get(a).getHull() : m.get(a).getStrictHull()).format())
                + " = " + (percent ? r.formatPercent() : r.format());
    }

    /** Parses an expression; {@link Invalid} carries the offset of the offending character. */
    public static Node parse(String text) throws Invalid {
        Parser p = new Parser(text);
        Node n = p.expr();
        p.skip();
        if (p.pos < text.length()) throw p.error("unexpected \"" + text.charAt(p.pos) + "\"");
        return n;
    }

    /** A parsed expression. */
    public sealed interface Node {
        Interval eval(Function<String, Interval> value);

        /** The expression with every attribute replaced by {@code value}'s text. */
        String show(Function<String, String> value);

        void attributes(Set<String> into);
    }

    record Num(double v, String text) implements Node {
        public Interval eval(Function<String, Interval> value) { return Interval.point(v); }
        public String show(Function<String, String> value) { return text; }
        public void attributes(Set<String> into) { }
    }

    record Attr(String name) implements Node {
        public Interval eval(Function<String, Interval> value) { return value.apply(name); }
        public String show(Function<String, String> value) { return value.apply(name); }
        public void attributes(Set<String> into) { into.add(name); }
    }

    record Neg(Node x) implements Node {
        public Interval eval(Function<String, Interval> value) { return x.eval(value).negate(); }
        public String show(Function<String, String> value) { return "−" + x.show(value); }
        public void attributes(Set<String> into) { x.attributes(into); }
    }

    record Group(Node x) implements Node {
        public Interval eval(Function<String, Interval> value) { return x.eval(value); }
        public String show(Function<String, String> value) { return "(" + x.show(value) + ")"; }
        public void attributes(Set<String> into) { x.attributes(into); }
    }

    record Bin(char op, Node l, Node r) implements Node {
        public Interval eval(Function<String, Interval> value) {
            Interval a = l.eval(value), b = r.eval(value);
            return switch (op) {
                case '+' -> a.plus(b);
                case '-' -> a.minus(b);
                case '*' -> a.times(b);
                default -> a.divide(b);
            };
        }

        public String show(Function<String, String> value) {
            String sym = switch (op) { case '+' -> "+"; case '-' -> "−"; case '*' -> "×"; default -> "/"; };
            return l.show(value) + " " + sym + " " + r.show(value);
        }

        public void attributes(Set<String> into) {
            l.attributes(into);
            r.attributes(into);
        }
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        /** The next operator character, normalised ({@code × ÷ −} to {@code * / -}), or 0. */
        char peekOp() {
            skip();
            if (pos >= s.length()) return 0;
            char c = s.charAt(pos);
            return switch (c) {
                case '×' -> '*';
                case '÷' -> '/';
                case '−' -> '-';
                default -> c;
            };
        }

        Invalid error(String message) {
            return new Invalid("expr", pos, message);
        }

        Node expr() throws Invalid {
            Node n = term();
            for (char c = peekOp(); c == '+' || c == '-'; c = peekOp()) {
                pos++;
                n = new Bin(c, n, term());
            }
            return n;
        }

        Node term() throws Invalid {
            Node n = unary();
            for (char c = peekOp(); c == '*' || c == '/'; c = peekOp()) {
                pos++;
                n = new Bin(c, n, unary());
            }
            return n;
        }

        Node unary() throws Invalid {
            if (peekOp() == '-') {
                pos++;
                return new Neg(unary());
            }
            return primary();
        }

        Node primary() throws Invalid {
            skip();
            if (pos >= s.length()) throw error("the expression ends where a number, an attribute or \"(\" is expected");
            char c = s.charAt(pos);
            if (c == '(') {
                int open = pos;
                pos++;
                Node n = expr();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    if (pos >= s.length()) {
                        pos = open;
                        throw error("\"(\" is never closed");
                    }
                    throw error("expected \")\" but found \"" + s.charAt(pos) + "\"");
                }
                pos++;
                return new Group(n);
            }
            if (c >= '0' && c <= '9' || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
                String t = s.substring(start, pos);
                try {
                    return new Num(new java.math.BigDecimal(t).doubleValue(), t);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("\"" + t + "\" is not a number");
                }
            }
            if (c >= 'a' && c <= 'z' || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                return new Attr(s.substring(start, pos));
            }
            throw error("unexpected \"" + c + "\": expected a number, an attribute in snake_case or \"(\"");
        }
    }
}
