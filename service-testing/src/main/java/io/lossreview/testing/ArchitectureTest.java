package io.lossreview.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps (ArchUnit, on its compiled main classes): no cycle between its
 * packages, and HTTP only at the edge. Domain code throws domain exceptions
 * (io.lossreview.common.error); ProblemMappers turns them into problem+json, once, for every service.
 * A service's subclass names its base package and, if any, further edge packages.
 */
public abstract class ArchitectureTest {

    /** Where HTTP lives: JAX-RS resources, REST clients, web pages, request filters. */
    private static final List<String> EDGE = List.of("rest", "web", "routes", "security", "client");
    private static final String[] HTTP = {"jakarta.ws.rs..", "io.lossreview.common.problem..", "org.jboss.resteasy..",
            "io.vertx.ext.web.."};

    private JavaClasses classes;

    /** e.g. io.lossreview.scheduler */
    protected abstract String basePackage();

    /** Packages of this service, besides the usual ones, that are HTTP edge (say why in the override). */
    protected List<String> moreEdgePackages() {
        return List.of();
    }

    @BeforeEach
    public void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage());
    }

    @Test
    public void packagesAreFreeOfCycles() {
        slices().matching(basePackage() + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    public void onlyTheEdgeSpeaksHttp() {
        String[] edge = java.util.stream.Stream.concat(EDGE.stream(), moreEdgePackages().stream())
                .map(p -> basePackage() + "." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(basePackage() + "..").and().resideOutsideOfPackages(edge)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("domain code throws domain exceptions (io.lossreview.common.error); ProblemMappers maps them")
                .check(classes);
    }
}
