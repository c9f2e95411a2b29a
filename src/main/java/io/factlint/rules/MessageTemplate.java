package io.factlint.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding's message as the rule catalogue writes it: text with named arguments in braces,
 * {@code "{subject}: status changed from {from} to {to}"}; {@code {{} and {@code }}} stand for literal braces.
 * An argument's value is rendered with {@link String#valueOf(Object)}.
 *
 * <p>Written by hand rather than with {@link java.text.MessageFormat} (numbered arguments only, and its quoting
 * turns every apostrophe of "the story's publication" into a trap) or a template engine (a dependency for ten lines):
 * what it needs is the set of names, to check a rule against its template when the pack compiles.
 */
public final class MessageTemplate {
    private final String text;
    /** Literal text and argument names, alternating: literal, name, literal, ..., literal. */
    private final List<String> parts;
    private final Set<String> names;

    private MessageTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
        Set<String> n = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) n.add(parts.get(i));
        this.names = Collections.unmodifiableSet(n);
    }

    /** Parses a template; an unclosed or empty brace, or a stray closing brace, is an {@link IllegalArgumentException}. */
    public static MessageTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                lit.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                lit.append('}');
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) throw new IllegalArgumentException("unclosed \"{\" at character " + (i + 1));
                String name = text.substring(i + 1, end).trim();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("\"{" + text.substring(i + 1, end) + "}\" is not an argument name (letters, digits, _; write {{ for a brace)");
                }
                parts.add(lit.toString());
                lit.setLength(0);
                parts.add(name);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("\"}\" without \"{\" at character " + (i + 1) + " (write }} for a brace)");
            } else {
                lit.append(c);
                i++;
            }
        }
        parts.add(lit.toString());
        return new MessageTemplate(text, List.copyOf(parts));
    }

    /** The argument names the template uses, in order of first use. */
    public Set<String> names() {
        return names;
    }

    public String text() {
        return text;
    }

    /** The message with every argument filled in; a name without a value is an {@link IllegalArgumentException}. */
    public String render(Map<String, ?> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                b.append(parts.get(i));
            } else {
                String name = parts.get(i);
                if (!args.containsKey(name)) throw new IllegalArgumentException("no value for {" + name + "}");
                b.append(args.get(name));
            }
        }
        return b.toString();
    }
}
