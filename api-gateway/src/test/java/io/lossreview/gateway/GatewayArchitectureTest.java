package io.lossreview.gateway;

import io.lossreview.testing.ArchitectureTest;
import java.util.List;

/** No package cycles; HTTP only at the edge (see ArchitectureTest). */
class GatewayArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "io.lossreview.gateway";
    }

    /** audit: the audit log of API requests, and its own route (the gateway is the HTTP edge of the platform). */
    @Override
    protected List<String> moreEdgePackages() {
        return List.of("audit");
    }
}
