package io.lossreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.messaging.Inbox;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox key (Inbox.key) is the one migrations V5 and V0_4 compute in SQL for the rows stored before them. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class InboundKeyTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @CsvSource({
            "/billing/stripe, evt_1NqX",
            "crm://salesforce/eu, 0f8fad5b-d9cb-469f-a165-70867728950e",
            "/billing/zürich-ü, événement-ß",
            "a:b, c"})
    void javaAndPostgresqlAgree(String source, String id) throws SQLException {
        assertEquals(sqlKey(source, id), Inbox.key(source, id));
    }

    @Test
    void sourceAndIdCannotBeShiftedIntoEachOther() {
        assertNotEquals(Inbox.key("a:b", "c"), Inbox.key("a", "b:c"));
        assertNotEquals(Inbox.key("ab", "c"), Inbox.key("a", "bc"));
    }

    private UUID sqlKey(String source, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select encode(substr(sha256(convert_to(octet_length(?) || ':' || ? || ?, 'UTF8')), 1, 16), 'hex')::uuid")) {
            ps.setString(1, source);
            ps.setString(2, source);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
