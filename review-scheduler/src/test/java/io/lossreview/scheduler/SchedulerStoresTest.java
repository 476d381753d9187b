package io.lossreview.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketSamples;
import io.lossreview.scheduler.support.Assignments;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Hibernate-mapped stores against PostgreSQL's own column types, read back with plain SQL on a
 * connection of their own: text[] arrays, jsonb objects (not JSON strings), the roster's upsert and
 * a real row lock. Rows here stay out of the other tests' way: inactive executives without capacity,
 * calls due in 2099, a packet for 2031.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerStoresTest {

    private static final LocalDate FAR_DUE = LocalDate.of(2099, 12, 31);

    @Inject
    ExecutiveRepository executives;
    @Inject
    CallAssignmentRepository assignments;
    @Inject
    PacketRepository packets;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void savingAnExecutiveReplacesTheRowAndMovesUpdatedAt() throws SQLException {
        Executive ada = new Executive("map-ada", "Ada", "Map.Ada@example.com", 0, Set.of("ENTERPRISE", "SMB"),
                Set.of("EMEA"), false);
        executives.save(ada);
        List<String> first = row("select array_to_string(segments, ','), array_to_string(regions, ','), "
                + "created_at::text, updated_at::text from executive where id = ?", "map-ada");
        assertEquals(Set.of("ENTERPRISE", "SMB"), Set.of(first.get(0).split(",")));
        assertEquals("EMEA", first.get(1));

        executives.save(ada);
        assertEquals(List.of("true", "true"), row("select (created_at = ?::timestamptz)::text, "
                + "(updated_at > ?::timestamptz)::text from executive where id = ?", first.get(2), first.get(3), "map-ada"),
                "created once; an unchanged save still moves updated_at");

        Executive renamed = new Executive("map-ada", "Ada Byron", "ada.byron@example.com", 0, Set.of("MID_MARKET"),
                Set.of(), false);
        executives.save(renamed);
        assertEquals(renamed, executives.find("map-ada").orElseThrow());
        assertEquals(List.of("0"), row("select cardinality(regions)::text from executive where id = ?", "map-ada"));
        assertEquals("map-ada", executives.byEmail("ADA.BYRON@EXAMPLE.COM").orElseThrow().id());
    }

    @Test
    void briefsAndPacketsAreStoredAsJsonbObjects() throws SQLException {
        executive("map-cal");
        CallAssignment call = call("map-cal", "cus_map_json");
        QuarkusTransaction.requiringNew().run(() -> assignments.insert(List.of(call)));
        assertEquals(List.of("object", "Account cus_map_json"),
                row("select jsonb_typeof(brief), brief->>'accountName' from call_assignment where id = ?", call.id()));
        assertEquals(call, assignments.find(call.id()).orElseThrow());

        Packet sample = PacketSamples.full();
        Packet p = new Packet(YearMonth.of(2031, 7), 1, sample.builtAt(), sample.taxonomyVersion(),
                sample.reportingCurrency(), sample.summary(), sample.causes(), sample.emerging(), sample.trend(),
                sample.bySegment(), sample.byRegion(), sample.notableLosses(), sample.stories(), sample.lastMonthCalls(),
                sample.actions(), sample.assignments(), List.of(), List.of("The month in a sentence."));
        PacketRepository.Stored stored = QuarkusTransaction.requiringNew().call(() -> packets.insert(p));
        assertEquals(List.of("object", "2031-07"),
                row("select jsonb_typeof(content), content->>'month' from packet where id = ?", stored.id()));
        PacketRepository.Stored read = packets.latest(p.month()).orElseThrow();
        assertEquals(stored.fingerprint(), packets.fingerprint(read.packet()), "the content reads back as written");

        Instant since = Instant.parse("2031-08-03T10:15:30Z");
        QuarkusTransaction.requiringNew().run(() -> packets.markStale(stored.id(), since, "late events"));
        assertEquals(since, packets.revision(p.month(), 1).orElseThrow().staleSince());
        QuarkusTransaction.requiringNew().run(() -> packets.clearStale(stored.id()));
        assertNull(packets.latest(p.month()).orElseThrow().staleSince());
    }

    @Test
    void lastCallsIsTheNewestCompletedCallPerCustomer() {
        executive("map-dee");
        CallAssignment early = call("map-dee", "cus_map_last");
        CallAssignment later = call("map-dee", "cus_map_last");
        CallAssignment open = call("map-dee", "cus_map_open");
        Instant t1 = Instant.parse("2031-05-02T09:00:00Z");
        Instant t2 = Instant.parse("2031-06-02T09:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            assignments.insert(List.of(early, later, open));
            assignments.complete(early.id(), CallOutcome.REACHED, null, null, null, null, t1, "map-dee");
            assignments.complete(later.id(), CallOutcome.NOT_REACHED, null, null, null, null, t2, "map-dee");
        });
        assertEquals(Map.of("cus_map_last", t2), assignments.lastCalls(List.of("cus_map_last", "cus_map_open", "cus_none")));
    }

    @Test
    void lockHoldsTheRowUntilTheTransactionEnds() throws SQLException {
        executive("map-eve");
        CallAssignment call = call("map-eve", "cus_map_lock");
        QuarkusTransaction.requiringNew().run(() -> assignments.insert(List.of(call)));
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(assignments.lock(call.id()).isPresent());
            SQLException refused = assertThrows(SQLException.class, () -> lockElsewhere(call.id()));
            assertEquals("55P03", refused.getSQLState(), "lock_not_available");
        });
        lockElsewhere(call.id());
    }

    private void executive(String id) {
        executives.save(new Executive(id, id, id + "@example.com", 0, Set.of(), Set.of(), false));
    }

    private static CallAssignment call(String executiveId, String customerId) {
        return CallAssignment.assigned(YearMonth.of(2099, 11), UUID.randomUUID(), customerId, executiveId, "Store test",
                Assignments.brief(customerId, null, FAR_DUE), Instant.parse("2031-05-01T09:00:00Z"), FAR_DUE, null);
    }

    private void lockElsewhere(UUID id) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("select id from call_assignment where id = ? for update nowait")) {
            ps.setObject(1, id);
            ps.executeQuery().close();
        }
    }

    /** The first row's columns as text, read outside Hibernate. */
    private List<String> row(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + List.of(params));
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                return columns;
            }
        }
    }
}
