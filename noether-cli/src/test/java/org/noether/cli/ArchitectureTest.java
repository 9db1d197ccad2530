package org.noether.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of the module layering, checked on the compiled main classes of every library module (the CLI's class
 * path holds them all, noether-bench included):
 * <ul>
 *   <li>no DJL below nn: neither the core packages nor noether-data touch {@code ai.djl};</li>
 *   <li>picocli only in the CLI, and {@code org.noether.report} only from the CLI (and itself);</li>
 *   <li>no capability module (vision, language, latent, diffusion, meanfield) imports another;</li>
 *   <li>the floors themselves: core, data, nn, capabilities, report, bench, cli; no edge runs back up. bench (every
 *       benchmark, timing the capability modules side by side) sits beside report, under the CLI that runs it.</li>
 * </ul>
 * Each rule is also run on fixture classes under {@code src/test} that break it, so a rule that cannot fail is
 * noticed.
 */
class ArchitectureTest {

    static final String[] CORE = {
        "org.noether.action..",
        "org.noether.equivariance..",
        "org.noether.experiment..",
        "org.noether.group..",
        "org.noether.linalg..",
        "org.noether.representation.."
    };
    static final String DATA = "org.noether.data..";
    static final String NN = "org.noether.nn..";
    static final List<String> CAPABILITIES = List.of("vision", "language", "latent", "diffusion", "meanfield");
    static final String REPORT = "org.noether.report..";
    static final String CLI = "org.noether.cli..";
    static final String BENCH = "org.noether.bench..";

    static final ArchRule NO_DJL_BELOW_NN = noClasses()
            .that()
            .resideInAnyPackage(concat(CORE, DATA))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.djl..")
            .because("DJL starts at noether-nn; core and data are pure Java");

    static final ArchRule PICOCLI_ONLY_IN_CLI = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..")
            .because("only the CLI parses command lines");

    static final ArchRule REPORT_ONLY_FROM_CLI = noClasses()
            .that()
            .resideOutsideOfPackages(CLI, REPORT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(REPORT)
            .because("the report is written by the CLI from experiment results, never by a library module");

    static final ArchRule NO_CAPABILITY_IMPORTS_ANOTHER = capabilitiesApart();

    static final ArchRule FLOORS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core")
            .definedBy(CORE)
            .layer("data")
            .definedBy(DATA)
            .layer("nn")
            .definedBy(NN)
            .layer("capabilities")
            .definedBy(CAPABILITIES.stream().map(c -> "org.noether." + c + "..").toArray(String[]::new))
            .layer("report")
            .definedBy(REPORT)
            .layer("bench")
            .definedBy(BENCH)
            .layer("cli")
            .definedBy(CLI)
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("report")
            .mayOnlyBeAccessedByLayers("cli")
            // bench times the capability modules side by side, so it sits above them, beside report, under cli
            .whereLayer("bench")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("capabilities")
            .mayOnlyBeAccessedByLayers("bench", "cli")
            .whereLayer("nn")
            .mayOnlyBeAccessedByLayers("capabilities", "bench", "cli")
            .whereLayer("data")
            .mayOnlyBeAccessedByLayers("nn", "capabilities", "bench", "cli");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.noether");
        // Guard against an empty import (which every rule would pass): each floor must be present.
        for (String p : List.of(
                "org.noether.group",
                "org.noether.data",
                "org.noether.nn",
                "org.noether.vision",
                "org.noether.meanfield",
                "org.noether.report",
                "org.noether.bench",
                "org.noether.cli"))
            assertTrue(main.stream().anyMatch(c -> c.getPackageName().startsWith(p)), "no classes imported from " + p);
    }

    @Test
    void noDjlBelowNn() {
        NO_DJL_BELOW_NN.check(main);
    }

    @Test
    void picocliOnlyInTheCli() {
        PICOCLI_ONLY_IN_CLI.check(main);
    }

    @Test
    void reportOnlyFromTheCli() {
        REPORT_ONLY_FROM_CLI.check(main);
    }

    @Test
    void noCapabilityModuleImportsAnother() {
        NO_CAPABILITY_IMPORTS_ANOTHER.check(main);
    }

    @Test
    void noEdgeRunsBackUp() {
        FLOORS.check(main);
    }

    /** Every rule fails on the fixture classes under src/test that break it. */
    @Test
    void eachRuleFailsOnAClassThatBreaksIt() {
        JavaClasses djl = new ClassFileImporter().importClasses(org.noether.group.archfixture.UsesDjl.class);
        assertThrows(AssertionError.class, () -> NO_DJL_BELOW_NN.check(djl));
        assertThrows(
                AssertionError.class,
                () -> FLOORS.check(new ClassFileImporter()
                        .importClasses(
                                org.noether.group.archfixture.UsesNn.class, org.noether.nn.archfixture.NnThing.class)));
        JavaClasses picocli = new ClassFileImporter()
                .importClasses(
                        org.noether.nn.archfixture.UsesPicocliAndReport.class,
                        org.noether.report.archfixture.ReportThing.class);
        assertThrows(AssertionError.class, () -> PICOCLI_ONLY_IN_CLI.check(picocli));
        assertThrows(AssertionError.class, () -> REPORT_ONLY_FROM_CLI.check(picocli));
        JavaClasses crossing = new ClassFileImporter()
                .importClasses(
                        org.noether.vision.archfixture.UsesLanguage.class,
                        org.noether.language.archfixture.LanguageThing.class);
        assertThrows(AssertionError.class, () -> NO_CAPABILITY_IMPORTS_ANOTHER.check(crossing));
        assertThrows(AssertionError.class, () -> FLOORS.check(crossing));
        JavaClasses intoBench = new ClassFileImporter()
                .importClasses(
                        org.noether.meanfield.archfixture.UsesBench.class,
                        org.noether.bench.archfixture.BenchThing.class);
        assertThrows(AssertionError.class, () -> FLOORS.check(intoBench));
    }

    private static ArchRule capabilitiesApart() {
        List<ArchRule> rules = new ArrayList<>();
        for (String c : CAPABILITIES) {
            String[] others = CAPABILITIES.stream()
                    .filter(o -> !o.equals(c))
                    .map(o -> "org.noether." + o + "..")
                    .toArray(String[]::new);
            rules.add(noClasses()
                    .that()
                    .resideInAPackage("org.noether." + c + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("capability modules share code only through core and nn"));
        }
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule r : rules.subList(1, rules.size())) all = all.and(r);
        return all;
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
