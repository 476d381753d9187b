package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Topics;
import io.lossreview.ingest.support.PublishedEvents;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A dead letter is listed with its reason and can be replayed once, corrected. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class RejectedEventReplayTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Test
    void listedWithItsReasonThenReplayedCorrected() {
        String c = newCustomer();
        ObjectNode bad = cancellation(c, "sub_1", "12,50", "USD", "2025-02-01T00:00:00Z", null);
        new TestKafka(prefix).send(Topics.BILLING_SUBSCRIPTION_CANCELLED, c, bad.toString(),
                "content-type", "application/cloudevents+json");

        Map<String, Object> rejected = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> given().queryParam("size", 500).get("/rejected").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("findAll { it.customerId == '" + c + "' }"),
                list -> list.size() == 1).get(0);
        JsonPath one = given().get("/rejected/" + rejected.get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("/data/mrr/amount", one.getString("violations[0].pointer"));
        assertEquals("billing.subscription-cancelled", one.getString("topic"));

        given().contentType("application/cloudevents+json").body(bad.toString())
                .post("/rejected/" + rejected.get("id") + "/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("/data/mrr/amount"));
        ((ObjectNode) bad.get("data").get("mrr")).put("amount", "12.50");
        given().contentType("application/cloudevents+json").body(bad.toString())
                .post("/rejected/" + rejected.get("id") + "/replay").then().statusCode(200)
                .body("accepted[0]", equalTo(bad.get("id").asText()));
        assertEquals(new java.math.BigDecimal("12.50"), PublishedEvents.latest(dataSource, c).value().mrr());
        given().post("/rejected/" + rejected.get("id") + "/replay").then().statusCode(409);
        given().get("/rejected/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("id"));
        given().queryParam("size", 5000).get("/rejected").then().statusCode(400);
        assertEquals(List.of(), given().queryParam("page", 100000).get("/rejected").then().statusCode(200)
                .extract().jsonPath().getList("$"));
    }

    @Test
    void aRefusedRestRequestIsListedToo() {
        String c = newCustomer();
        ObjectNode bad = cancellation(c, "sub_1", "40.00", "XYZ", "2025-02-01T00:00:00Z", null);
        given().contentType("application/cloudevents+json").body(bad.toString()).post("/events").then().statusCode(400)
                .body("violations[0].field", equalTo("/data/mrr/currency"));
        List<Map<String, Object>> listed = given().queryParam("size", 500).get("/rejected").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.customerId == '" + c + "' }");
        assertEquals(1, listed.size(), "stored once, in the refused request's own transaction");
        assertEquals("REST", listed.get(0).get("channel"));

        given().contentType("application/cloudevents+json").body("{not json").post("/events").then().statusCode(400);
        List<Map<String, Object>> unreadable = given().queryParam("size", 500).get("/rejected").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.payload == '{not json' }");
        assertEquals(1, unreadable.size(), "a body that is no JSON is kept as it came");
    }
}
