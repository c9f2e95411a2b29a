package io.factlint.engine;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.LineMappings;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the rule a piece of running code belongs to. Drools compiles each rule's Java parts (its {@code eval}
 * conditions, its consequence) into classes named after the rule ({@code Rule_status_changed0},
 * {@code Rule_status_changed0Eval0Invoker}, {@code Rule_x123DefaultConsequenceInvoker}); a stack frame of such a
 * class names the rule that was running, whether in a condition or in its consequence. Constraints that Drools
 * interprets (MVEL) have no class of their own: their errors carry {@code [Rule "name" in file]} in the message.
 *
 * <p>A frame of a Java-dialect consequence also gives its DRL line. Drools writes the consequence's text, trimmed,
 * into the generated method {@code defaultConsequence} after three lines of its own (the signature, then
 * {@code kcontext} and {@code drools}), below {@link LineMappings#getOffset()} lines of class header; rewriting
 * {@code insert}, {@code modify} and the like keeps the text's lines. So the frame's line minus
 * {@code offset + 4} is the line within the trimmed text, and the DRL line is that plus the line of the text's
 * first character, found in the rule's own DRL source (the bytes Drools compiled, kept with the compiled rule and
 * in the compiled-rule cache) with Drools' DRL parser. MVEL-dialect consequences are interpreted: no line.
 */
final class RuleClasses {
    /**
     * The rule found: its name, file, whether it was a condition, and for a consequence the DRL line of the frame
     * (0: unknown) and the line of its {@code then} (0: unknown).
     */
    record Hit(String rule, String file, boolean condition, int line, int thenLine) {
        Hit(String rule, String file, boolean condition) {
            this(rule, file, condition, 0, 0);
        }
    }

    private record Entry(String pkg, String prefix, String rule, String file, RuleImpl impl, InternalKnowledgePackage kpkg) {
    }

    /** Generated lines of {@code defaultConsequence} before the consequence's text: signature, kcontext, drools. */
    static final int CONSEQUENCE_HEADER_LINES = 3;

    private static final Pattern NAMED = Pattern.compile("\\[Rule \"([^\"]+)\" in ([^\\]]+)]");
    private static final Pattern REST = Pattern.compile("\\d*([A-Z$].*)?");

    private final List<Entry> entries;
    /**
     * A pack from the executable model (rule cache): its lambda classes to their rules ({@code package/name}), and
     * their bytes, read only after a failure to find the DRL line ({@link #modelLine}); none for another pack.
     */
    private final ExecutableModel.Classes model;
    private final java.util.Map<String, String> lambdas;

    private RuleClasses(List<Entry> entries, ExecutableModel.Classes model) {
        this.entries = entries;
        this.model = model;
        this.lambdas = model.lambdas();
    }

    /** True for a pack loaded from the executable model, whose consequence lambdas carry no DRL lines. */
    boolean fromModel() {
        return !lambdas.isEmpty();
    }

    static RuleClasses of(RulePack pack) {
        List<Entry> es = new ArrayList<>();
        for (KiePackage p : pack.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleImpl ri = r instanceof RuleImpl x ? x : null;
                String file = ri != null && ri.getResource() != null ? ri.getResource().getSourcePath() : null;
                es.add(new Entry(p.getName(), "Rule_" + legal(r.getName()), r.getName(), file, ri,
                        p instanceof InternalKnowledgePackage k ? k : null));
            }
        }
        return new RuleClasses(es, ExecutableModel.classesOf(pack.kieBase()));
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
                        // the model's consequence lambdas carry the generated source's lines, not the DRL's: the
                        // failure names the rule's then line and says the line within it is not known
                        return simple.startsWith("LambdaConsequence")
                                ? new Hit(e.rule(), e.file(), false, modelLine(e, model.bytesOf(cn), f.getLineNumber()),
                                        consequence(e).thenLine())
                                : new Hit(e.rule(), e.file(), true);
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
            if (!consequence) return new Hit(best.rule(), best.file(), true);
            Consequence c = consequence(best);
            int line = f.getMethodName().equals("defaultConsequence") ? c.line(offset(best, cn), f.getLineNumber()) : 0;
            return new Hit(best.rule(), best.file(), false, line, c.thenLine());
        }
        return null;
    }

    /** The consequence of {@code rule} (its {@code then} line, 0 when unknown), for a failure outside generated code. */
    Hit consequenceOf(String rule) {
        for (Entry e : entries) {
            if (e.rule().equals(rule)) return new Hit(e.rule(), e.file(), false, 0, consequence(e).thenLine());
        }
        return null;
    }

    /** The dialect of {@code rule}'s consequence ({@code java}, {@code mvel}), or null. */
    String dialect(String rule) {
        for (Entry e : entries) if (e.rule().equals(rule) && e.impl() != null) return e.impl().getDialect();
        return null;
    }

    /** The generated class's header lines before {@code defaultConsequence}, or -1 when Drools kept none. */
    private static int offset(Entry e, String className) {
        if (e.kpkg() == null || e.kpkg().getDialectRuntimeRegistry() == null) return -1;
        LineMappings m = e.kpkg().getDialectRuntimeRegistry().getLineMappings(className);
        return m == null ? -1 : m.getOffset();
    }

    /**
     * Where a rule's consequence text lies in its DRL file: the line of {@code then}, the line of the text's first
     * non-blank character (what Drools compiles starts there) and how many lines the trimmed text has; 0s when
     * the source cannot be read or parsed.
     */
    record Consequence(int thenLine, int firstLine, int lines) {
        static final Consequence UNKNOWN = new Consequence(0, 0, 0);

        /** The DRL line of line {@code javaLine} of the generated consequence method, or 0. */
        int line(int offset, int javaLine) {
            if (offset < 0 || javaLine <= 0 || firstLine <= 0) return 0;
            int within = javaLine - (offset + 1 + CONSEQUENCE_HEADER_LINES);
            return within >= 0 && within < lines ? firstLine + within : 0;
        }
    }

    private final Map<String, Consequence> consequences = new HashMap<>();
    private final Map<String, PackageDescr> parsed = new HashMap<>();

    private synchronized Consequence consequence(Entry e) {
        return consequences.computeIfAbsent(e.pkg() + "\u0000" + e.rule(), k -> locate(e));
    }

    private Consequence locate(Entry e) {
        Written w = written(e);
        if (w == null) return Consequence.UNKNOWN;
        if (w.at() < 0) return new Consequence(Math.max(0, w.thenLine()), 0, 0);
        int first = w.at();
        while (first < w.at() + w.body().length() && w.text().charAt(first) <= ' ') first++; // Drools compiles the text trimmed
        String trimmed = w.body().trim();
        return new Consequence(w.thenLine(), 1 + count(w.text(), first), trimmed.isEmpty() ? 0 : 1 + count(trimmed, trimmed.length()));
    }

    /** A rule's consequence as its DRL file holds it: the file's text, the body, its then line and where the body starts (-1: not found). */
    private record Written(String text, String body, int thenLine, int at) {
    }

    private Written written(Entry e) {
        if (e.impl() == null || e.impl().getResource() == null) return null;
        String text = source(e);
        if (text == null) return null;
        PackageDescr pkg = parsed.computeIfAbsent(e.file() == null ? "" : e.file(), k -> parse(text));
        if (pkg == null) return null;
        for (RuleDescr r : pkg.getRules()) {
            if (!r.getName().equals(e.rule()) || r.getConsequence() == null) continue;
            String body = String.valueOf(r.getConsequence());
            int thenLine = r.getConsequenceLine();
            int from = 0;
            for (int l = 1; l < thenLine && from >= 0; l++) from = text.indexOf('\n', from) + 1;
            return new Written(text, body, thenLine, body.isEmpty() ? -1 : text.indexOf(body, Math.max(0, from)));
        }
        return null;
    }

    /** The DRL text Drools compiled (kept with the rule), else the file. */
    private static String source(Entry e) {
        try (InputStream in = e.impl().getResource().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ignored) {
            // not kept: read the file
        }
        try {
            return e.file() == null ? null : Files.readString(Path.of(e.file()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ignored) {
            return null;
        }
    }

    /**
     * The DRL line of line {@code javaLine} of a consequence lambda of the executable model, or 0. The lambda's lines
     * are those of the generated Java, so the line is found by what the code at that line calls: the methods and
     * fields it names that the consequence's DRL text also names. Only when exactly one line of the consequence
     * names them all is that line the answer; otherwise 0, and the message says the line is not known.
     */
    private synchronized int modelLine(Entry e, byte[] lambda, int javaLine) {
        if (lambda == null || javaLine <= 0) return 0;
        java.util.Set<String> names = new java.util.TreeSet<>();
        new org.objectweb.asm.ClassReader(lambda).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                if (!name.equals("execute") || (access & org.objectweb.asm.Opcodes.ACC_BRIDGE) != 0) return null;
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    int line;

                    @Override
                    public void visitLineNumber(int l, org.objectweb.asm.Label start) {
                        line = l;
                    }

                    @Override
                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                        if (line == javaLine && !n.startsWith("<")) names.add(n);
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String n, String d) {
                        if (line == javaLine) names.add(n);
                    }
                };
            }
        }, 0);
        Map<Integer, String> body = bodyLines(e);
        List<Pattern> named = new ArrayList<>();
        String all = String.join("\n", body.values());
        for (String n : names) {
            Pattern p = Pattern.compile("\\b" + Pattern.quote(n) + "\\b");
            if (p.matcher(all).find()) named.add(p);
        }
        if (named.isEmpty()) return 0;
        int found = 0;
        for (Map.Entry<Integer, String> l : body.entrySet()) {
            boolean every = true;
            for (Pattern p : named) every &= p.matcher(l.getValue()).find();
            if (!every) continue;
            if (found != 0) return 0;
            found = l.getKey();
        }
        return found;
    }

    /** The lines of a rule's consequence text by DRL line number, each without a trailing line comment. */
    private Map<Integer, String> bodyLines(Entry e) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        Written w = written(e);
        if (w == null || w.at() < 0) return out;
        int line = 1 + count(w.text(), w.at());
        for (String l : w.body().split("\n", -1)) {
            int comment = l.indexOf("//");
            out.put(line++, comment < 0 ? l : l.substring(0, comment));
        }
        return out;
    }

    private static PackageDescr parse(String text) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, text);
            return parser.hasErrors() ? null : pkg;
        } catch (Exception | LinkageError ex) {
            return null;
        }
    }

    private static int count(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    /** A rule named in a Drools message ({@code [Rule "x" in rules/x.drl]}): an interpreted condition failed. */
    static Hit named(String message, RuleClasses classes) {
        if (message == null) return null;
        Matcher m = NAMED.matcher(message);
        if (!m.find()) return null;
        String rule = m.group(1);
        String file = null;
        for (Entry e : classes.entries) if (e.rule().equals(rule)) { file = e.file(); break; }
        return new Hit(rule, file != null ? file : m.group(2), true);
    }
}
