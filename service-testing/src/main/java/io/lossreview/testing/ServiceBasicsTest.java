package io.lossreview.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service must show: it started, migrated its own database, reports ready with the
 * database check, and serves metrics and OpenAPI. A service's test extends this and adds its
 * Quarkus annotations.
 */
public abstract class ServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

    /** The Flyway migration descriptions the service's database must show as applied, in order. */
    protected abstract List<String> expectedMigrations();

    @Test
    void migratesItsOwnDatabase() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "select description from flyway_schema_history where success order by installed_rank")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        assertEquals(expectedMigrations(), applied);
    }

    @Test
    void isLiveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void servesMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }
}
