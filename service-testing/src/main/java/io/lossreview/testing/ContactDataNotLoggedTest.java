package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * No contact e-mail or phone in any log, whatever fails. A service's test names the ways it can meet
 * contact data it cannot take ({@link #provocations()}): records it refuses or cannot store, a write
 * its database refuses. Each runs with a contact made up for it ({@link TestContact}) while
 * everything the service logs is captured ({@link LogCapture}); the failure's own log line must be
 * among what was captured, and no form of the contact anywhere in it.
 *
 * <p>The database refusing a row is provoked with a check constraint the test adds for one customer
 * ({@link #refusing}). The error takes the path of any row PostgreSQL refuses (a NUL in text or
 * jsonb, a value over a column's limit, a broken constraint): the row is in the error's detail and
 * the failed batch's statement with all its bound values, the document and its contact included, in
 * the exception's message, unless the driver leaves both out (logServerErrorDetail=false; see
 * {@link #databaseErrorsNameNoRowData}, which checks those four refusals directly).
 */
public abstract class ContactDataNotLoggedTest {

    /** The consumer loop gave up on a record and made it a dead letter (ConsumerLoop). */
    public static final Predicate<LogCapture.Entry> DEAD_LETTERED_AFTER_FAILING =
            e -> e.from(".ConsumerLoop") && e.says("keeps failing");
    /** A request failed unexpectedly: 500, logged with its stack trace (ProblemMappers). */
    public static final Predicate<LogCapture.Entry> UNEXPECTED_ERROR =
            e -> e.from(".ProblemMappers") && e.says("Unexpected error");

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    AgroalDataSource dataSource;

    /** Does what makes the service meet the contact; returns once the service has dealt with it. */
    @FunctionalInterface
    public interface Action {
        void run(TestContact contact) throws Exception;
    }

    /** One way to make the service fail on contact data, and the log record the failure must leave. */
    public record Provocation(String what, Action action, Predicate<LogCapture.Entry> failureLogged) {
    }

    /** A valid event that must be applied after the records carrying the contact: consumption goes on. */
    public record Sentinel(String json, String id) {
    }

    /** A structured CloudEvent record (content-type application/cloudevents+json) and what it is. */
    public record Carrying(String what, String key, byte[] value) {

        public Carrying(String what, String key, String json) {
            this(what, key, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    protected abstract List<Provocation> provocations();

    /** Every provocation runs; the failures of all of them are reported together. */
    @Test
    void contactDataStaysOutOfTheLogsWhateverFails() throws Exception {
        List<AssertionError> failed = new ArrayList<>();
        for (Provocation p : provocations()) {
            TestContact contact = TestContact.unique();
            try (LogCapture logs = LogCapture.start()) {
                p.action().run(contact);
                logs.await(p.what() + ": the failure's own log record", p.failureLogged(), Duration.ofSeconds(30));
                logs.assertNoneContain(p.what(), contact.forms());
            } catch (AssertionError e) {
                failed.add(e);
            }
        }
        if (!failed.isEmpty()) {
            AssertionError all = new AssertionError(failed.size() + " of " + provocations().size() + " provocations failed:\n"
                    + String.join("\n\n", failed.stream().map(Throwable::getMessage).toList()));
            failed.forEach(all::addSuppressed);
            throw all;
        }
    }

    /**
     * The service's connections keep PostgreSQL's detail out of error messages, whichever way the
     * server refuses a row carrying a contact in a batch: a broken constraint ("Failing row contains
     * (...)"), an escaped NUL in jsonb and invalid JSON ("JSON data, line 1: ..."), a raw NUL in text.
     * Each error must still say what went wrong; none may name the row, the document or the batch's
     * bound values.
     */
    @Test
    void databaseErrorsNameNoRowData() throws SQLException {
        TestContact contact = TestContact.unique();
        String document = "{\"contact\":" + contact.json() + "}";
        String table = "contact_probe_" + UUID.randomUUID().toString().substring(0, 8);
        // what is inserted as (doc, note), and what the error must say
        String[][] refusals = {
            {document, "a note", "violates check constraint"},
            {document.substring(0, document.length() - 1) + ",\"x\":\"\\u0000\"}", null, "unsupported Unicode escape sequence"},
            {document.substring(0, document.length() - 1) + " oops}", null, "invalid input syntax for type json"},
            {"{}", document + "\u0000", "invalid byte sequence for encoding \"UTF8\": 0x00"},
        };
        List<SQLException> errors = new ArrayList<>();
        boolean detailInMessages;
        try (Connection c = dataSource.getConnection()) {
            detailInMessages = c.unwrap(org.postgresql.core.BaseConnection.class).getLogServerErrorDetail();
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table " + table + " (doc jsonb not null check (doc -> 'contact' is null), note text)");
            }
            try {
                for (String[] refusal : refusals) {
                    try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (doc, note) values (?::jsonb, ?)")) {
                        ps.setString(1, refusal[0]);
                        ps.setString(2, refusal[1]);
                        ps.addBatch();
                        ps.addBatch();
                        SQLException e = assertThrows(SQLException.class, ps::executeBatch);
                        assertTrue(e.getMessage().contains(refusal[2]), "expected '" + refusal[2] + "': " + e.getMessage());
                        errors.add(e);
                    }
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("drop table if exists " + table);
                }
            }
        }
        for (SQLException e : errors) {
            String text = LogCapture.chain(e).toLowerCase(Locale.ROOT);
            for (String form : contact.forms()) {
                assertFalse(text.contains(form.toLowerCase(Locale.ROOT)), "'" + form + "' in the error: " + e.getMessage());
            }
        }
        assertFalse(detailInMessages, "the datasource must set logServerErrorDetail=false "
                + "(quarkus.datasource.jdbc.additional-jdbc-properties.logServerErrorDetail)");
    }

    /**
     * Makes the database refuse every new or changed row of the table whose column has this value
     * (a check constraint, NOT VALID so existing rows are not checked); close to take it away.
     */
    protected AutoCloseable refusing(String table, String column, String value) throws SQLException {
        String constraint = "contact_probe_" + UUID.randomUUID().toString().substring(0, 8);
        execute("alter table " + table + " add constraint " + constraint + " check (" + column + " <> '"
                + value.replace("'", "''") + "') not valid");
        return () -> execute("alter table " + table + " drop constraint if exists " + constraint);
    }

    /**
     * Records that carry the contact at /data/contact of a valid event, each broken in a way the
     * consumer refuses while decoding: a NUL and raw invalid UTF-8 in the contact's name, a control
     * character after the e-mail, an e-mail that is no address, a schema violation next to the
     * contact, and the event cut short right after the phone number.
     */
    protected static List<Carrying> refusedCarrying(String key, String validEvent, TestContact contact) {
        ObjectNode valid = (ObjectNode) HostileRecords.read(validEvent);
        assertEquals(contact.email(), valid.at("/data/contact/email").asText(), "the event must carry the contact");
        List<Carrying> out = new ArrayList<>();
        out.add(new Carrying("a NUL in the contact's name", key,
                with(valid, "/data/contact/name", TextNode.valueOf("Robin\u0000Probe"))));
        out.add(new Carrying("raw invalid UTF-8 in the contact's name", key, HostileRecords.replaceBytes(
                with(valid, "/data/contact/name", TextNode.valueOf("Robin~BAD~Probe")), "~BAD~", new byte[] {(byte) 0xc3, 0x28})));
        out.add(new Carrying("a control character after the e-mail", key,
                with(valid, "/data/contact/email", TextNode.valueOf(contact.email() + "\u0007"))));
        out.add(new Carrying("an e-mail that is no address", key,
                with(valid, "/data/contact/email", TextNode.valueOf(contact.email() + " (work)"))));
        out.add(new Carrying("an NPS of 11 next to the contact", key, with(valid, "/data/lastNps", IntNode.valueOf(11))));
        String json = new String(HostileRecords.write(valid), StandardCharsets.UTF_8);
        int cut = json.indexOf(contact.phone()) + contact.phone().length() + 1;
        out.add(new Carrying("the event cut short after the phone number", key, json.substring(0, cut)));
        return out;
    }

    /**
     * Publishes the records on the contract topic in order, then the sentinel under the key (the
     * records' key: same partition, so it is read after them). Waits until the sentinel is applied,
     * then requires each record to be exactly one dead letter with a reason.
     */
    protected void consumeAndDeadLetter(String contractTopic, String consumer, String key, List<Carrying> records,
                                        Sentinel sentinel) throws Exception {
        String topic = ConfigProvider.getConfig().getValue("loss.topic-prefix", String.class) + contractTopic;
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Carrying c : records) {
                acks.add(producer.send(structured(topic, c.key(), c.value())));
            }
            producer.send(structured(topic, key, sentinel.json().getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            for (Future<RecordMetadata> ack : acks) {
                sent.add(ack.get(30, TimeUnit.SECONDS));
            }
        }
        Awaitility.await("the valid event on " + contractTopic + " after " + records.size() + " records carrying the contact")
                .atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> ConsumerOutcomes.applied(dataSource, consumer, sentinel.id()));
        for (int i = 0; i < records.size(); i++) {
            assertEquals(1, ConsumerOutcomes.deadLetters(dataSource, consumer, contractTopic, sent.get(i)),
                    contractTopic + ": " + records.get(i).what() + " must be one dead letter with a reason");
        }
    }



    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static byte[] with(ObjectNode event, String pointer, com.fasterxml.jackson.databind.JsonNode value) {
        return HostileRecords.write(HostileRecords.set(event.deepCopy(), pointer, value));
    }

    private static ProducerRecord<byte[], byte[]> structured(String topic, String key, byte[] value) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
