package io.lossreview.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.defection.DefectionChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what churn-ingest wrote to its outbox for a key, in commit order. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    public static List<JsonNode> envelopes(AgroalDataSource ds, String topic, String key) {
        List<JsonNode> found = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload from outbox where topic = ? and event_key is not distinct from ? order by id")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(ContractJson.mapper().readTree(rs.getString(1)));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    public static List<DefectionChanged> defections(AgroalDataSource ds, String customer) {
        return envelopes(ds, "loss.defections", customer).stream()
                .map(e -> ContractJson.mapper().convertValue(e.get("data"), DefectionChanged.class)).toList();
    }

    public static DefectionChanged latest(AgroalDataSource ds, String customer) {
        List<DefectionChanged> all = defections(ds, customer);
        if (all.isEmpty()) {
            throw new AssertionError("no defection published for " + customer);
        }
        return all.get(all.size() - 1);
    }
}
