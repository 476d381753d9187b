package io.lossreview.scheduler.consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.Management;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The consumer path itself, with {@link ProbeConsumer}: a record the code cannot process is
 * isolated (the batch is split until it is alone), dead-lettered once, and every other record of
 * its batch is applied once; a stuck consumer turns readiness DOWN with the reason and shows its lag.
 */
@QuarkusTest
@TestProfile(ConsumerPathTest.QuickStall.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ConsumerPathTest {

    /** A stall is reported after 3 s here (2 minutes by default), and lag measured every second. */
    public static class QuickStall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("loss.consumer.stall-after", "3s", "loss.consumer.lag-interval", "1s");
        }
    }

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordThatKeepsFailingIsIsolatedAndTheRestOfItsBatchIsAppliedOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(new String[] {"one-key", (i == 17 ? "poison-" : "ok-") + run + "-" + i});
        }
        new TestKafka(prefix).sendAll(Topics.CRM_ACCOUNT_CHURNED, records);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from inbox where consumer = ? and event_id like ?", ProbeConsumer.NAME, "ok-" + run + "-%") == 39);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from dead_letter where consumer = ? and event_id = ? and payload = convert_to(?, 'UTF8')",
                ProbeConsumer.NAME, "poison-" + run + "-17", "poison-" + run + "-17") == 1);
        assertEquals(0, count("select count(*) from inbox where event_id = ?", "poison-" + run + "-17"));
        assertEquals("processing-error", text("select violations->0->>'rule' from dead_letter where consumer = ?"
                + " and payload = convert_to(?, 'UTF8')", ProbeConsumer.NAME, "poison-" + run + "-17"));
    }

    @Test
    void aStuckConsumerTurnsReadinessDownWithTheReasonAndShowsItsLag() {
        ProbeConsumer.holdStalls();
        try {
            String run = UUID.randomUUID().toString();
            TestKafka kafka = new TestKafka(prefix);
            kafka.send(Topics.CRM_ACCOUNT_CHURNED, "stall-key", "stall-" + run);
            kafka.sendAll(Topics.CRM_ACCOUNT_CHURNED, List.of(new String[] {"stall-key", "after-" + run + "-1"},
                    new String[] {"stall-key", "after-" + run + "-2"}));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Management.given().get("/health/ready").then().extract().statusCode() == 503);
            Management.given().get("/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN")).body(containsString("no progress for"));
            String metrics = Management.given().get("/metrics").then().statusCode(200).extract().asString();
            assertEquals(true, metrics.lines().anyMatch(l -> l.startsWith("loss_consumer_lag{")
                    && l.contains(prefix + Topics.CRM_ACCOUNT_CHURNED) && !l.endsWith(" 0.0")), "lag shows the backlog");
        } finally {
            ProbeConsumer.release();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                Management.given().get("/health/ready").then().extract().statusCode() == 200);
    }

    private long count(String sql, String... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    private String text(String sql, String... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
