package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import io.lossreview.scheduler.packet.CallReviews;
import io.lossreview.scheduler.packet.model.CallReview;
import io.lossreview.scheduler.support.Assignments;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Section 7's win-back credit: a customer who came back within 90 days after a completed call is
 * credited to that executive; one who came back later is not. The defections arrive over Kafka.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class WinBackCreditTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    CallAssignmentRepository assignments;
    @Inject
    CallReviews reviews;
    @Inject
    DefectionCopyRepository copies;

    @Test
    void aWinBackWithinNinetyDaysOfTheCallIsCredited() throws Exception {
        given().contentType(ContentType.JSON).body("{\"name\":\"Wes Park\",\"email\":\"wes@example.com\"}")
                .put("/executives/wes").then().statusCode(200);
        UUID soon = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        TestKafka kafka = new TestKafka(prefix);
        kafka.sendAll(Topics.LOSS_DEFECTIONS, List.of(event(soon, "cus_wb_soon", "2027-03-01T10:00:00Z"),
                event(late, "cus_wb_late", "2027-09-01T10:00:00Z")));
        long deadline = System.currentTimeMillis() + 30_000;
        while (copies.byIds(List.of(soon, late)).size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, copies.byIds(List.of(soon, late)).size(), "both defections arrived");

        for (UUID id : List.of(soon, late)) {
            String customer = id.equals(soon) ? "cus_wb_soon" : "cus_wb_late";
            LocalDate due = LocalDate.of(2027, 2, 20);
            CallAssignment called = CallAssignment.assigned(YearMonth.of(2027, 1), id, customer, "wes",
                    "Top ARR loss", Assignments.brief(customer, null, due), Instant.parse("2027-02-01T09:00:00Z"), due, null);
            QuarkusTransaction.requiringNew().run(() -> {
                assignments.insert(List.of(called));
                assignments.complete(called.id(), CallOutcome.REACHED, null, WinBackChance.HIGH, "They might come back", null,
                        Instant.parse("2027-02-10T12:00:00Z"), "wes");
            });
        }

        CallReview review = reviews.of(YearMonth.of(2027, 1));
        assertEquals(2, review.assigned());
        assertEquals(2, review.reached());
        assertEquals(1, review.winBacks().size(), "only the one back within 90 days of the call");
        assertEquals("Wes Park", review.winBacks().get(0).executive());
        assertEquals("Account cus_wb_soon", review.winBacks().get(0).accountName());
        assertEquals(0, new BigDecimal("1200.00").compareTo(review.winBacks().get(0).arrRecovered()));
    }

    private static String[] event(UUID id, String customer, String wonBackAt) throws Exception {
        ObjectNode data = (ObjectNode) ContractExamples.data(EventTypes.DEFECTION_CHANGED, "won-back").deepCopy();
        data.put("defectionId", id.toString()).put("customerId", customer).put("lossMonth", "2027-01")
                .put("lossDate", "2027-01-15").put("wonBackAt", wonBackAt);
        String json = CloudEventEnvelope.write(UUID.randomUUID().toString(), EventSources.CHURN_INGEST,
                EventTypes.DEFECTION_CHANGED, customer, Instant.now(), data, ContractJson.mapper());
        return new String[] {customer, json};
    }
}
