package io.factlint.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModuleModel;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A rule pack as Drools' executable model: its DRL translated to Java classes (the rules as lambdas, no MVEL) by
 * {@code drools-model-codegen} when the pack is compiled for the rule cache, and a knowledge base made from those
 * classes on a cached run ({@link KieBaseBuilder}: no DRL parser, no compiler, no MVEL, nothing deserialized but
 * class bytes). docs/performance.md has what it gained over caching Drools' serialized packages.
 *
 * <p>The DRL path ({@link RulePack}'s compile) stays the one that checks a pack and reports its errors; this class
 * runs only after that compile succeeded. Its knowledge base has the same packages, rules, metadata and files
 * (each rule's file is set from the compile, as the model does not carry it); {@code ExecutableModelTest} runs every
 * rule case and the seed story both ways and compares the reports byte for byte.
 */
final class ExecutableModel {
    /**
     * The generated classes (resource name to bytes), the names of the {@link Model} classes among them, and which
     * rule each generated lambda class (a condition's predicate, a consequence) belongs to ({@code package/name};
     * a class that several rules share is left out): what names the running rule on a stack, as
     * {@link RuleClasses} does with the {@code Rule_<name>} classes of the DRL compile.
     */
    record Classes(Map<String, byte[]> classes, List<String> models, Map<String, String> lambdas) {
        /** The bytes of generated class {@code className} (with dots), or null. */
        byte[] bytesOf(String className) {
            return classes.get(className.replace('.', '/') + ".class");
        }
    }

    /** The classes of each knowledge base made here (weakly held: a pack's lifetime). */
    private static final Map<org.kie.api.KieBase, Classes> MADE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The classes a knowledge base was made from by {@link #load}; none for any other. */
    static Classes classesOf(org.kie.api.KieBase kieBase) {
        Classes c = MADE.get(kieBase);
        return c != null ? c : new Classes(Map.of(), List.of(), Map.of());
    }


    private ExecutableModel() {
    }

    /**
     * Why a compiled pack must not take the executable model, or null. The model evaluates a condition that binds
     * no variable ({@code eval(f())}) while it builds the rule, i.e. when the knowledge base is made (on every
     * cached run, outside the session and its time limit), where the DRL path evaluates it in the session; a rule
     * with such an {@code eval} keeps the pack on Drools' packages.
     */
    static String unsafe(java.util.Collection<? extends KiePackage> packages) {
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl ri && constantEval(ri.getLhs())) {
                    return "rule \"" + r.getName() + "\" has an eval that binds no variable (the executable model would run it when the rules load)";
                }
            }
        }
        return null;
    }

    private static boolean constantEval(org.drools.base.rule.RuleConditionElement e) {
        if (e == null) return false;
        if (e instanceof org.drools.base.rule.EvalCondition ec && ec.getRequiredDeclarations().length == 0) return true;
        for (org.drools.base.rule.RuleConditionElement c : e.getNestedElements()) {
            if (constantEval(c)) return true;
        }
        return false;
    }

    /**
     * Translates DRL sources (display name to the bytes to compile) into executable-model classes. Throws an
     * {@link IllegalStateException} with the first error when the model cannot be built (a construct the
     * executable model does not support): the caller then caches the pack the other way.
     */
    static Classes build(Map<String, byte[]> drl, java.util.Set<String> ruleNames) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.factlint.rulecache", "rules", "1");
        kfs.generateAndWritePomXML(id);
        int i = 0;
        for (Map.Entry<String, byte[]> e : drl.entrySet()) {
            // one file per source, named by its position (a display name may hold characters a resource path must not)
            kfs.write("src/main/resources/factlint/rules" + (i++) + ".drl", e.getValue());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("executable model: " + m.getText().replaceAll("\\s+", " ").trim());
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new TreeMap<>();
        String project = null;
        for (String f : module.getFileNames()) {
            if (!f.endsWith(".class")) continue;
            classes.put(f, module.getBytes(f));
            if (f.startsWith("org/drools/project/model/ProjectModel")) project = f;
        }
        if (project == null) throw new IllegalStateException("executable model: no project model was generated");
        List<String> models = new ArrayList<>();
        try {
            Object p = new GeneratedClasses(classes, ExecutableModel.class.getClassLoader())
                    .loadClass(className(project)).getConstructor().newInstance();
            for (Model m : ((CanonicalKieModuleModel) p).getModels()) models.add(m.getClass().getName());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("executable model: " + e, e);
        }
        return new Classes(classes, List.copyOf(models), lambdas(classes, ruleNames));
    }

    /**
     * Which rule each lambda class belongs to: the executable model writes one method per rule that names the rule
     * ({@code D.rule("pkg", "name")}, string constants) and takes its lambdas' {@code INSTANCE}s; a method naming
     * exactly one rule of {@code ruleNames} ({@code package/name}) gives that rule its lambda classes.
     */
    private static Map<String, String> lambdas(Map<String, byte[]> classes, java.util.Set<String> ruleNames) {
        Map<String, String> byClass = new TreeMap<>();
        java.util.Set<String> shared = new java.util.HashSet<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            if (!e.getKey().contains("RuleMethods")) continue;
            new org.objectweb.asm.ClassReader(e.getValue()).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    List<String> strings = new ArrayList<>();
                    java.util.Set<String> used = new java.util.TreeSet<>();
                    return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String str) strings.add(str);
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String d) {
                            if (owner.substring(owner.lastIndexOf('/') + 1).startsWith("Lambda")) used.add(owner.replace('/', '.'));
                        }

                        @Override
                        public void visitEnd() {
                            java.util.Set<String> named = new java.util.TreeSet<>();
                            for (int i = 0; i + 1 < strings.size(); i++) {
                                if (ruleNames.contains(strings.get(i) + "/" + strings.get(i + 1))) named.add(strings.get(i) + "/" + strings.get(i + 1));
                            }
                            if (named.size() != 1) return;
                            String rule = named.iterator().next();
                            for (String c : used) {
                                String before = byClass.putIfAbsent(c, rule);
                                if (before != null && !before.equals(rule)) shared.add(c);
                            }
                        }
                    };
                }
            }, org.objectweb.asm.ClassReader.SKIP_DEBUG | org.objectweb.asm.ClassReader.SKIP_FRAMES);
        }
        byClass.keySet().removeAll(shared);
        return byClass;
    }

    /**
     * The knowledge base of executable-model classes; {@code files} gives each rule ({@code package/name}) its DRL
     * file's display name.
     */
    static InternalKnowledgeBase load(Classes c, Function<String, String> files) throws ReflectiveOperationException {
        GeneratedClasses loader = new GeneratedClasses(c.classes(), ExecutableModel.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : c.models()) {
            models.add((Model) loader.loadClass(name).getConstructor().newInstance());
        }
        InternalKnowledgeBase kbase = KieBaseBuilder.createKieBaseFromModel(models);
        MADE.put(kbase, c);
        nameRuleFiles(kbase, files);
        return kbase;
    }

    /**
     * Gives each rule of {@code kbase} ({@code package/name}) the file {@code files} names, as this run shows it:
     * the cached pack may have been compiled from another folder holding the same rules.
     */
    static void nameRuleFiles(org.kie.api.KieBase kbase, Function<String, String> files) {
        for (KiePackage p : kbase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                String file = files.apply(p.getName() + "/" + r.getName());
                if (file != null && r instanceof RuleImpl ri) ri.setResource(source(file));
            }
        }
    }

    /**
     * The rule's file as the DRL path gives it. Its bytes are read only to locate a failing consequence's
     * {@code then} (RuleClasses); the cache key holds the file's content, so the file is the one compiled.
     */
    private static Resource source(String file) {
        Resource r = ResourceFactory.newFileResource(new java.io.File(file));
        r.setSourcePath(file);
        return r;
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /** Defines the generated classes from their bytes (and serves the bytes as resources), parent first. */
    static final class GeneratedClasses extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        GeneratedClasses(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name.replace('.', '/') + ".class");
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] b = classes.get(name);
            return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
        }
    }
}
