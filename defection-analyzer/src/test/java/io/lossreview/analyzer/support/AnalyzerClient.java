package io.lossreview.analyzer.support;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Drives the analyzer as its neighbours do: defection events over Kafka, people over REST. */
public final class AnalyzerClient {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestKafka kafka;
    private final AgroalDataSource dataSource;

    public AnalyzerClient(String topicPrefix, AgroalDataSource dataSource) {
        this.kafka = new TestKafka(topicPrefix);
        this.dataSource = dataSource;
    }

    public TestKafka kafka() {
        return kafka;
    }

    /** Publishes the builders' current states and waits until the analyzer has processed them. */
    public void publish(DefectionBuilder... defections) {
        List<String[]> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (DefectionBuilder d : defections) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(new String[] {d.customerId, d.event(id)});
        }
        publishRaw(records, ids);
    }

    /** Sends (key, CloudEvent JSON) records and waits until these event ids are processed. */
    public void publishRaw(List<String[]> records, List<String> eventIds) {
        kafka.sendAll(Topics.LOSS_DEFECTIONS, records);
        awaitProcessed(DefectionIntake.CONSUMER, eventIds);
    }

    public void awaitProcessed(String consumer, List<String> eventIds) {
        Instant deadline = Instant.now().plus(WAIT);
        while (processed(consumer, eventIds) < eventIds.stream().distinct().count()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("analyzer did not process " + eventIds.size() + " events within " + WAIT);
            }
            sleep();
        }
    }

    public ValidatableResponse get(String path, Object... params) {
        return given().accept(ContentType.JSON).when().get(path, params).then();
    }

    public ValidatableResponse setCause(String defectionId, String cause, String who) {
        return given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as(who))
                .body("{\"cause\":\"" + cause + "\",\"note\":\"checked\"}")
                .when().put("/defections/{id}/cause", defectionId).then();
    }

    private long processed(String consumer, List<String> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from inbox where consumer = ? and event_id = any(?)")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
