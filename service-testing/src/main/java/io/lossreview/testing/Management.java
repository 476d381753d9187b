package io.lossreview.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Requests to the service's management interface (health and metrics), which listens on a port of its
 * own: {@code Management.given().get("/health/ready")}.
 */
public final class Management {

    private Management() {
    }

    /** A request to the management interface's root ({@code /q}), without the API's default token. */
    public static RequestSpecification given() {
        URI root = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given().noFilters().baseUri(root.getScheme() + "://" + root.getHost())
                .port(root.getPort()).basePath(root.getPath());
    }
}
