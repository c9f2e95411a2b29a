package io.factlint.ingest;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's account of a malformed YAML document in a reader's words, one line: its problem with its context
 * ("found unexpected end of stream (while scanning a quoted scalar)"). Its messages also carry a dump of the source
 * and, read from the first line alone, give only the context ("while scanning a quoted scalar"). Shared by the fact
 * files' reader, the rule pack's YAML files and the drafter's merge into an existing draft.
 */
public final class YamlProblems {
    private YamlProblems() {
    }

    /** The first SnakeYAML error among {@code e} and its causes, or null. */
    static MarkedYAMLException marked(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) return m;
        }
        return null;
    }

    /** The problem of {@code m} with its context, on one line. */
    static String describe(MarkedYAMLException m) {
        String problem = m.getProblem() != null ? m.getProblem() : m.getContext();
        String context = m.getProblem() != null && m.getContext() != null ? " (" + m.getContext() + ")" : "";
        return Messages.firstLine(String.valueOf(problem)) + context;
    }

    /** {@link #describe} of the first SnakeYAML error among {@code e} and its causes; null when there is none. */
    public static String of(Throwable e) {
        MarkedYAMLException m = marked(e);
        return m == null ? null : describe(m);
    }
}
