package io.lossreview.ingest;

import io.lossreview.testing.ArchitectureTest;

/** No package cycles; HTTP only at the edge (see ArchitectureTest). */
class IngestArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "io.lossreview.ingest";
    }
}
