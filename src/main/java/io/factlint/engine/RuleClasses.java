package io.factlint.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the rule a piece of running code belongs to. Drools compiles each rule's Java parts (its {@code eval}
 * conditions, its consequence) into classes named after the rule ({@code Rule_status_changed0},
 * {@code Rule_status_changed0Eval0Invoker}, {@code Rule_x123DefaultConsequenceInvoker}); a stack frame of such a
 * class names the rule that was running, whether in a condition or in its consequence. Constraints that Drools
 * interprets (MVEL) have no class of their own: their errors carry {@code [Rule "name" in file]} in the message.
 */
final class RuleClasses {
    /** The rule found: its name, file, whether it was a condition, and the line of the consequence (0: unknown). */
    record Hit(String rule, String file, boolean condition, int line) {
    }

    private record Entry(String pkg, String prefix, String rule, String file) {
    }

    private static final Pattern NAMED = Pattern.compile("\\[Rule \"([^\"]+)\" in ([^\\]]+)]");
    private static final Pattern REST = Pattern.compile("\\d*([A-Z$].*)?");

    private final List<Entry> entries;
    /** A pack from the executable model (rule cache): its lambda classes to their rules ({@code package/name}). */
    private final java.util.Map<String, String> lambdas;

    private RuleClasses(List<Entry> entries, java.util.Map<String, String> lambdas) {
        this.entries = entries;
        this.lambdas = lambdas;
    }

    static RuleClasses of(RulePack pack) {
        List<Entry> es = new ArrayList<>();
        for (KiePackage p : pack.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                String file = r instanceof RuleImpl ri && ri.getResource() != null ? ri.getResource().getSourcePath() : null;
                es.add(new Entry(p.getName(), "Rule_" + legal(r.getName()), r.getName(), file));
            }
        }
        return new RuleClasses(es, ExecutableModel.lambdaRules(pack.kieBase()));
    }

    /** The name part of Drools' generated class names: every character that is not legal in Java becomes '_'. */
    private static String legal(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        return b.toString();
    }

    /** The innermost frame of a rule's generated code on {@code stack}, or null. */
    Hit find(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String cn = f.getClassName();
            int dot = cn.lastIndexOf('.');
            String pkg = dot < 0 ? "" : cn.substring(0, dot);
            String simple = cn.substring(dot + 1);
            String lambda = lambdas.get(cn);
            if (lambda != null) {
                for (Entry e : entries) {
                    if ((e.pkg() + "/" + e.rule()).equals(lambda)) {
                        return new Hit(e.rule(), e.file(), !simple.startsWith("LambdaConsequence"), 0);
                    }
                }
            }
            if (!simple.startsWith("Rule_")) continue;
            Entry best = null;
            for (Entry e : entries) {
                if (!e.pkg().equals(pkg) || !simple.startsWith(e.prefix())) continue;
                if (!REST.matcher(simple.substring(e.prefix().length())).matches()) continue;
                if (best == null || e.prefix().length() > best.prefix().length()) best = e;
            }
            if (best == null) continue;
            boolean consequence = f.getMethodName().equals("defaultConsequence") || simple.contains("ConsequenceInvoker");
            return new Hit(best.rule(), best.file(), !consequence, 0);
        }
        return null;
    }

    /** A rule named in a Drools message ({@code [Rule "x" in rules/x.drl]}): an interpreted condition failed. */
    static Hit named(String message, RuleClasses classes) {
        if (message == null) return null;
        Matcher m = NAMED.matcher(message);
        if (!m.find()) return null;
        String rule = m.group(1);
        String file = null;
        for (Entry e : classes.entries) if (e.rule().equals(rule)) { file = e.file(); break; }
        return new Hit(rule, file != null ? file : m.group(2), true, 0);
    }
}
