package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.LocalStack;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A dead letter keeps the record as it came (key, headers, exact bytes), and a replay re-submits exactly that. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class DeadLetterExactnessTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBinaryModeRecordKeepsItsKeyHeadersAndBytesAndIsReplayedWithThem() throws Exception {
        String customer = newCustomer();
        ObjectNode event = cancellation(customer, "sub_1", "10.00", "USD", "2025-04-02T10:00:00Z", null);
        byte[] data = event.get("data").toString().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(prefix + Topics.BILLING_SUBSCRIPTION_CANCELLED,
                customer.getBytes(StandardCharsets.UTF_8), data);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", new byte[] {'e', 0, 'v'}); // NUL in the id: refused at the edge
        record.headers().add("ce_source", bytes("/billing/test"));
        record.headers().add("ce_type", bytes("billing.subscription-cancelled"));
        record.headers().add("content-type", bytes("application/json"));
        String id = deadLetterOf(send(record));

        JsonPath stored = given().get("/rejected/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(customer, stored.getString("key"));
        assertEquals(new String(data, StandardCharsets.UTF_8), stored.getString("payload"));
        assertEquals("e\u0000v", stored.getString("headers.find { it.name == 'ce_id' }.value"));
        assertEquals("control-character", stored.getString("violations[0].rule"));
        assertEquals("/id", stored.getString("violations[0].pointer"));
        // Replayed as stored: the headers come along (the data alone would not even be a CloudEvent).
        given().post("/rejected/" + id + "/replay").then().statusCode(400)
                .body("violations.rule", hasItem("control-character")).body("violations.field", hasItem("/id"));
    }

    @Test
    void bytesThatAreNotUtf8AreKeptExactlyAndShownInBase64() throws Exception {
        byte[] value = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, 0x28, '"', '}'};
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(prefix + Topics.CRM_ACCOUNT_CHURNED,
                new byte[] {(byte) 0xff, 'k'}, value);
        record.headers().add("content-type", bytes("application/cloudevents+json"));
        String id = deadLetterOf(send(record));
        given().get("/rejected/" + id).then().statusCode(200)
                .body("payloadBase64", equalTo(Base64.getEncoder().encodeToString(value)))
                .body("keyBase64", equalTo(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 'k'})))
                .body("violations[0].rule", equalTo("utf-8"));
    }

    private String deadLetterOf(RecordMetadata at) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select id from dead_letter where consumer = 'churn-ingest' and kafka_partition = ? and kafka_offset = ?"
                            + " and topic = ?")) {
                ps.setInt(1, at.partition());
                ps.setLong(2, at.offset());
                ps.setString(3, at.topic().substring(prefix.length()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }, java.util.Objects::nonNull);
    }

    private static RecordMetadata send(ProducerRecord<byte[], byte[]> record) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
