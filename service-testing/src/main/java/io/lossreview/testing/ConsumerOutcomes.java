package io.lossreview.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.clients.producer.RecordMetadata;

/** What a consumer did with a record, read from the service's own tables: applied (inbox) or dead-lettered. */
final class ConsumerOutcomes {

    private ConsumerOutcomes() {
    }

    /** The event was applied once by that consumer. */
    static boolean applied(AgroalDataSource dataSource, String consumer, String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from inbox where consumer = ? and event_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /** Dead letters of that record (topic, partition, offset) with at least one violation. */
    static long deadLetters(AgroalDataSource dataSource, String consumer, String topic, RecordMetadata at)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from dead_letter where consumer = ? and channel = 'KAFKA' and topic = ?
                and kafka_partition = ? and kafka_offset = ? and jsonb_array_length(violations) > 0""")) {
            ps.setString(1, consumer);
            ps.setString(2, topic);
            ps.setInt(3, at.partition());
            ps.setLong(4, at.offset());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
