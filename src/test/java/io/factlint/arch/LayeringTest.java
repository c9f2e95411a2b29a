package io.factlint.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of factlint, pinned:
 * <pre>
 *   cli ──► engine ──► ingest ──► model
 *    │        └──────────────────► model
 *    └──► report ─────────────────► model
 *   ruletest ──► engine, ingest, model
 *   cli ──► serve ──► report, engine, review, ingest, watch, model   (factlint serve: beside cli, above report)
 * </pre>
 * {@code model} is plain Java (no other factlint package, no Jackson, Drools or picocli); only {@code cli} knows
 * picocli, the console and the process ({@code System.exit}, {@code System.out}/{@code err},
 * {@code printStackTrace}); {@code report} renders a result and knows nothing of how it was computed.
 */
@AnalyzeClasses(packages = "io.factlint", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("io.factlint.model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.factlint.ingest..", "io.factlint.engine..",
                    "io.factlint.report..", "io.factlint.cli..", "io.factlint.ruletest..",
                    "com.fasterxml.jackson..", "org.drools..", "org.kie..", "picocli..", "org.yaml..")
            .because("the model is the shared language of every layer and must stay free of frameworks");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideOutsideOfPackage("io.factlint.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule reportKnowsNothingOfHowAResultIsComputed = noClasses().that().resideInAPackage("io.factlint.report..")
            .should().dependOnClassesThat().resideInAnyPackage("io.factlint.engine..", "io.factlint.ingest..",
                    "io.factlint.cli..", "io.factlint.ruletest..", "org.drools..", "org.kie..");

    @ArchTest
    static final ArchRule ingestKnowsNoRulesNorReports = noClasses().that().resideInAPackage("io.factlint.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.factlint.engine..", "io.factlint.report..",
                    "io.factlint.cli..", "io.factlint.ruletest..", "org.drools..", "org.kie..");

    @ArchTest
    static final ArchRule engineWritesNoReports = noClasses().that().resideInAPackage("io.factlint.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.factlint.report..", "io.factlint.cli..",
                    "io.factlint.ruletest..");

    @ArchTest
    static final ArchRule onlyTheCliDependsOnServe = noClasses().that().resideOutsideOfPackages("io.factlint.cli..", "io.factlint.serve..")
            .should().dependOnClassesThat().resideInAPackage("io.factlint.serve..")
            .because("the workbench sits beside the command line, above report and check: nothing below it knows it");

    @ArchTest
    static final ArchRule onlyServeKnowsTheWebServer = noClasses().that().resideOutsideOfPackage("io.factlint.serve..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule nothingDependsOnTheCli = noClasses().that().resideOutsideOfPackage("io.factlint.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.factlint.cli..");

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
