package dev.gameday.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md draws, enforced: no package cycles, {@code internal} packages used
 * only from inside their parent, the layers from the command line down to the journal, the reports
 * on the journal alone, exit codes in the command line only, and one simple name per class. Covers the three modules (the runner's
 * test class path holds the reports and the journal).
 */
@Order(7) // a long pole of the suite: started among the first, so the others fill in beside it
class LayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // The journal and reports come as jars under `verify`, as class folders under `test`: both count.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.gameday");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().assignedFrom(packagesWithTheirInternals()).should().beFreeOfCycles().check(classes);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirParent() {
        classes().that().resideInAPackage("..internal..").should(beUsedOnlyInsideTheirParent()).check(classes);
    }

    @Test
    void layersFromTheCommandLineDownToTheJournal() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.gameday.cli..")
                .layer("room").definedBy("dev.gameday.room..")
                .layer("demo").definedBy("dev.gameday.demo..")
                .layer("plan").definedBy("dev.gameday.plan..")
                .layer("run").definedBy("dev.gameday.run..", "dev.gameday.preflight..", "dev.gameday.recover..",
                        "dev.gameday.rollback..")
                .layer("probes and faults").definedBy("dev.gameday.hypothesis..", "dev.gameday.fault..")
                .layer("embedded proxy").definedBy("dev.gameday.proxy..")
                .layer("experiment").definedBy("dev.gameday.experiment..", "dev.gameday.toxic..", "dev.gameday.yaml..")
                .layer("reports").definedBy("dev.gameday.report..", "dev.gameday.replay..")
                .layer("journal").definedBy("dev.gameday.journal..", "dev.gameday.judge..", "dev.gameday.text..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("room").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("cli", "room", "plan")
                .whereLayer("probes and faults").mayOnlyBeAccessedByLayers("cli", "room", "run")
                .whereLayer("embedded proxy").mayOnlyBeAccessedByLayers("cli", "probes and faults")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("cli", "room", "plan", "run", "probes and faults",
                        "embedded proxy")
                .whereLayer("reports").mayOnlyBeAccessedByLayers("cli", "room", "plan", "run")
                .whereLayer("reports").mayOnlyAccessLayers("journal")
                .whereLayer("embedded proxy").mayOnlyAccessLayers("experiment", "journal")
                .check(classes);
    }

    @Test
    void theEmbeddedProxyKnowsOnlyFaultKinds() {
        noClasses().that().resideInAPackage("dev.gameday.proxy..").should().dependOnClassesThat()
                .resideInAPackage("dev.gameday.experiment..").check(classes);
    }

    @Test
    void exitCodesAreMappedInTheCommandLineOnly() {
        noClasses().that().resideOutsideOfPackage("dev.gameday.cli..").should().callMethod(System.class, "exit", int.class)
                .check(classes);
    }

    @Test
    void oneNamePerConcept() {
        Map<String, List<String>> byName = classes.stream().filter(c -> c.isTopLevelClass())
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName.values().stream().filter(names -> names.size() > 1))
                .as("top-level classes of the three modules that share a simple name").isEmpty();
    }

    /**
     * A package and its {@code internal} package are one slice: the machinery may use its parent's API
     * types (as Failsafe's does), while any other way back into a package is a cycle.
     */
    private static SliceAssignment packagesWithTheirInternals() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith("dev.gameday.")) {
                    return SliceIdentifier.ignore();
                }
                int internal = pkg.indexOf(".internal");
                return SliceIdentifier.of(internal < 0 ? pkg : pkg.substring(0, internal));
            }

            @Override
            public String getDescription() {
                return "packages of dev.gameday, each with its internal package";
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirParent() {
        return new ArchCondition<>("be used only inside the package that holds their internal package") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String pkg = target.getPackageName();
                String parent = pkg.substring(0, pkg.indexOf(".internal"));
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    String from = d.getOriginClass().getPackageName();
                    if (!from.equals(parent) && !from.startsWith(parent + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
