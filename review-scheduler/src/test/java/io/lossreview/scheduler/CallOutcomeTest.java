package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.calls.Brief;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An outcome is captured once; what the executive learned goes to the analyzer on loss.review. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class CallOutcomeTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    CallAssignmentRepository assignments;

    @Test
    void aReachedCallPublishesTheLearnedCauseOnce() throws Exception {
        given().contentType(ContentType.JSON).body("{\"name\":\"Kim\",\"email\":\"kim@example.com\"}")
                .put("/executives/kim").then().statusCode(200);
        CallAssignment a = CallAssignment.assigned(YearMonth.of(2026, 3), UUID.randomUUID(), "cus_out_1",
                "kim", "Top ARR loss", new Brief("cus_out_1", "Acme", null, "SMB", "EMEA", null, null, 12,
                new BigDecimal("100.00"), new BigDecimal("1200.00"), null, "pro", 3, null, "PRICE", 7, null,
                LocalDate.of(2026, 3, 10), List.of(), "owner.olga@example.com"), Instant.now(), LocalDate.of(2026, 4, 15), null);
        QuarkusTransaction.requiringNew().run(() -> assignments.insert(List.of(a)));

        given().get("/assignments/" + a.id()).then().statusCode(200).body("brief.accountName", equalTo("Acme"));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("kim"))
                .body("{\"outcome\":\"NOT_REACHED\",\"learnedCause\":\"SUPPORT\"}")
                .put("/assignments/" + a.id() + "/outcome").then().statusCode(400)
                .body("violations[0].rule", equalTo("reached-only"));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("kim"))
                .body("{\"outcome\":\"REACHED\",\"learnedCause\":\"support\",\"winBackChance\":\"MEDIUM\",\"notes\":\"Tickets <ignored>\"}")
                .put("/assignments/" + a.id() + "/outcome").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("learnedCause", equalTo("SUPPORT"))
                .body("completedBy", equalTo("kim"));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("kim")).body("{\"outcome\":\"DECLINED\"}")
                .put("/assignments/" + a.id() + "/outcome").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .put("/assignments/" + a.id() + "/outcome").then().statusCode(400);

        var records = new TestKafka(prefix).await(Topics.LOSS_REVIEW, 1, r -> "cus_out_1".equals(r.key()), Duration.ofSeconds(30));
        JsonNode data = ContractJson.mapper().readTree(records.get(0).value()).get("data");
        assertEquals("SUPPORT", data.get("learnedCause").asText());
        assertEquals(a.defectionId().toString(), data.get("defectionId").asText());
        assertEquals("REACHED", data.get("outcome").asText());
    }

    @Test
    void withTheAnalyzerDownNoPacketIsBuiltAndTheAnswerSaysWhy() {
        given().post("/packets/2026-03").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30");
        given().get("/packets/2026-03").then().statusCode(404);
        given().post("/packets/2026-13").then().statusCode(400).body("violations[0].rule", equalTo("yyyy-MM"));
    }
}
