package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.post;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.TestKafka;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A relay that died after the commit but before marking rows sent leaves them unsent: the next relay
 * run publishes them again with the SAME CloudEvent id, which consumers dedupe on. Nothing is lost.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class OutboxRecoveryTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Test
    void unsentRowsArePublishedAgainWithTheSameEventId() throws SQLException {
        String c = newCustomer();
        post(cancellation(c, "sub_1", "10.00", "USD", "2025-02-01T00:00:00Z", null));
        TestKafka kafka = new TestKafka(prefix);
        ConsumerRecord<String, String> first = kafka.await(Topics.LOSS_DEFECTIONS, 1, r -> c.equals(r.key()),
                Duration.ofSeconds(30)).get(0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unsent(c) == 0);

        // As if the relay had published, then crashed before its transaction marked the row sent.
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.executeUpdate("update outbox set sent_at = null where event_key = '" + c + "'");
        }

        List<ConsumerRecord<String, String>> both = kafka.await(Topics.LOSS_DEFECTIONS, 2, r -> c.equals(r.key()),
                Duration.ofSeconds(30));
        assertEquals(first.value(), both.get(1).value(), "the same event, same id, published again");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unsent(c) == 0);
    }

    private int unsent(String key) throws SQLException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement();
             var rs = st.executeQuery("select count(*) from outbox where sent_at is null and event_key = '" + key + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
