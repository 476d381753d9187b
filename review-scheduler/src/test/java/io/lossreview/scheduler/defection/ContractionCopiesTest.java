package io.lossreview.scheduler.defection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A defection churn-ingest withdrew as a contraction (the customer stayed) is no call candidate of its month. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ContractionCopiesTest {

    private static final YearMonth MONTH = YearMonth.of(2019, 4);

    @Inject
    DefectionCopyRepository copies;

    @Test
    void aWithdrawnDefectionLeavesItsMonthAndANewerLossBringsItBack() {
        UUID kept = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        apply(defection(kept, 1, "LOST"), defection(withdrawn, 1, "LOST"));
        apply(defection(withdrawn, 2, "CONTRACTION"));
        assertEquals(Set.of(kept), copies.ofMonth(MONTH).keySet());
        apply(defection(withdrawn, 1, "LOST")); // older, late: changes nothing
        assertEquals(Set.of(kept), copies.ofMonth(MONTH).keySet());
        apply(defection(withdrawn, 3, "LOST"));
        assertEquals(Set.of(kept, withdrawn), copies.ofMonth(MONTH).keySet());
    }

    private void apply(DefectionChanged... defections) {
        QuarkusTransaction.requiringNew().run(() -> copies.apply(List.of(defections)));
    }

    private static DefectionChanged defection(UUID id, int revision, String status) {
        ObjectNode data = (ObjectNode) ContractExamples.data(EventTypes.DEFECTION_CHANGED, "recorded-from-billing").deepCopy();
        data.put("defectionId", id.toString()).put("customerId", "cus_" + id).put("revision", revision)
                .put("status", status).put("lossMonth", MONTH.toString()).put("lossDate", MONTH.atDay(12).toString());
        return ContractJson.mapper().convertValue(data, DefectionChanged.class);
    }
}
