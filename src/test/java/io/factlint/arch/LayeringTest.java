package io.factlint.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of factlint, pinned (docs/architecture.md). Every package belongs to a layer; a layer uses only the
 * layers below it:
 * <pre>
 *   cli, cli.daemon                        (the command line; the warm daemon that runs it for the launcher)
 *   serve                                  (a server: may use the applications below)
 *   ruletest, scaffold, watch, draft       (applications beside the command line)
 *   report, report.html, report.jte        (writers, the HTML view model, the generated templates)
 *   check                                  (the one check pipeline, its outcome and gate, exit codes)
 *   review                                 (waivers, baselines)
 *   engine                                 (Drools: compile, run a session)
 *   rules                                  (the rule API: the types and functions rules see)
 *   ingest                                 (files → model)
 *   model, model.vocab, model.text         (plain Java)
 * </pre>
 * A package that no layer names fails {@link #everyPackageIsInALayer}: add it to a layer here (and to the picture
 * in docs/architecture.md). No two packages depend on each other in a cycle ({@link #noPackageCycles}).
 * {@code model} is plain Java (no Jackson, Drools or picocli); only {@code cli} knows picocli, the console and the
 * process ({@code System.exit}, {@code System.out}/{@code err}, {@code printStackTrace}).
 */
@AnalyzeClasses(packages = "io.factlint", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String CLI = "cli";
    private static final String SERVE = "serve";
    private static final String APPS = "applications";
    private static final String REPORT = "report";
    private static final String CHECK = "check";
    private static final String REVIEW = "review";
    private static final String ENGINE = "engine";
    private static final String RULES = "rules";
    private static final String INGEST = "ingest";
    private static final String MODEL = "model";

    @ArchTest
    static final ArchRule everyPackageIsInALayer = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer(CLI).definedBy("io.factlint.cli", "io.factlint.cli.daemon")
            .layer(SERVE).definedBy("io.factlint.serve", "io.factlint.serve.jte")
            .layer(APPS).definedBy("io.factlint.ruletest", "io.factlint.scaffold", "io.factlint.watch", "io.factlint.draft")
            .layer(REPORT).definedBy("io.factlint.report", "io.factlint.report.html", "io.factlint.report.jte")
            .layer(CHECK).definedBy("io.factlint.check")
            .layer(REVIEW).definedBy("io.factlint.review")
            .layer(ENGINE).definedBy("io.factlint.engine")
            .layer(RULES).definedBy("io.factlint.rules")
            .layer(INGEST).definedBy("io.factlint.ingest")
            .layer(MODEL).definedBy("io.factlint.model", "io.factlint.model.vocab", "io.factlint.model.text")
            .whereLayer(CLI).mayNotBeAccessedByAnyLayer()
            .whereLayer(SERVE).mayOnlyBeAccessedByLayers(CLI)
            .whereLayer(APPS).mayOnlyBeAccessedByLayers(CLI, SERVE)
            .whereLayer(REPORT).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS)
            .whereLayer(CHECK).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, REPORT)
            .whereLayer(REVIEW).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, CHECK)
            .whereLayer(ENGINE).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, CHECK)
            .whereLayer(RULES).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, REPORT, CHECK, ENGINE)
            .whereLayer(INGEST).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, CHECK, REVIEW, ENGINE, RULES)
            .whereLayer(MODEL).mayOnlyBeAccessedByLayers(CLI, SERVE, APPS, REPORT, CHECK, REVIEW, ENGINE, RULES, INGEST)
            .ensureAllClassesAreContainedInArchitecture()
            .because("a layer uses only the layers below it, and a new package must be given its place");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.factlint.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("io.factlint.model..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.drools..", "org.kie..",
                    "picocli..", "org.yaml..")
            .because("the model is the shared language of every layer and must stay free of frameworks");

    @ArchTest
    static final ArchRule onlyTheEngineKnowsDrools = noClasses().that().resideOutsideOfPackages("io.factlint.engine..", "io.factlint.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
            .because("rules run in the engine; the pipeline, the reports and the applications see only its results");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideOutsideOfPackage("io.factlint.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyServeKnowsTheWebServer = noClasses().that().resideOutsideOfPackage("io.factlint.serve..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .because("the embedded web server is the workbench's business; the other layers know no HTTP");

    @ArchTest
    static final ArchRule onlyTheCliExits = noClasses().that().resideOutsideOfPackage("io.factlint.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("a library layer reports failure by an exception; only the command line ends the process");

    @ArchTest
    static final ArchRule onlyTheCliUsesTheConsole = noClasses().that().resideOutsideOfPackage("io.factlint.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("output goes through the streams the command line passes in, so that tests and embedders capture it");
}
