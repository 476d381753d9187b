package io.lossreview.scheduler;

import io.lossreview.testing.ArchitectureTest;
import java.util.List;

/** No package cycles; HTTP only at the edge (see ArchitectureTest). */
class SchedulerArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "io.lossreview.scheduler";
    }

    /** analyzer: the REST client of defection-analyzer. */
    @Override
    protected List<String> moreEdgePackages() {
        return List.of("analyzer");
    }
}
