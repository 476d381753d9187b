package io.lossreview.analyzer;

import io.lossreview.testing.ArchitectureTest;

/** No package cycles; HTTP only at the edge (see ArchitectureTest). */
class AnalyzerArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "io.lossreview.analyzer";
    }
}
