package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.accountChurned;
import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule answers 400 problem+json naming the field (JSON pointer) and the rule. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class ValidationRulesTest {

    static Stream<Arguments> brokenEvents() {
        String future = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return Stream.of(
                billing("/data/customerId", "required", d -> d.remove("customerId")),
                billing("/data/subscriptionId", "required", d -> d.remove("subscriptionId")),
                billing("/data/mrr", "required", d -> d.remove("mrr")),
                billing("/data/cancelledAt", "required", d -> d.remove("cancelledAt")),
                billing("/data/seats", "type", d -> d.put("seats", "five")),
                billing("/data/seats", "minimum", d -> d.put("seats", -1)),
                billing("/data/mrr/amount", "pattern", d -> d.with("mrr").put("amount", "-12.00")),
                billing("/data/mrr/amount", "pattern", d -> d.with("mrr").put("amount", "12,50")),
                billing("/data/mrr/amount", "maximum", d -> d.with("mrr").put("amount", "99999999.00")),
                billing("/data/mrr/currency", "pattern", d -> d.with("mrr").put("currency", "usd")),
                billing("/data/mrr/currency", "currency", d -> d.with("mrr").put("currency", "ABC")),
                billing("/data/cancelledAt", "format", d -> d.put("cancelledAt", "yesterday")),
                billing("/data/effectiveAt", "order", d -> d.put("effectiveAt", "2025-01-01T00:00:00Z")),
                billing("/data/cancelledAt", "future-date", d -> d.put("cancelledAt", future)),
                billing("/data/comment", "maxLength", d -> d.put("comment", "x".repeat(4001))),
                crm("/data/lastNps", "maximum", d -> d.put("lastNps", 11)),
                crm("/data/segment", "enum", d -> d.put("segment", "HUGE")),
                crm("/data/churnedAt", "required", d -> d.remove("churnedAt")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenEvents")
    void isRefusedNamingFieldAndRule(String pointer, String rule, ObjectNode event) {
        given().contentType("application/cloudevents+json").body(event.toString()).post("/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lossreview:problem:validation"))
                .body("violations.field", hasItem(pointer))
                .body("violations.rule", hasItem(rule));
    }

    @org.junit.jupiter.api.Test
    void unknownTypesAndNonJsonAndNonCloudEventsAreRefusedToo() {
        ObjectNode unknown = cancellation(newCustomer(), "s", "1.00", "USD", "2025-01-02T00:00:00Z", null)
                .put("type", "billing.subscription-paused");
        given().contentType("application/cloudevents+json").body(unknown.toString()).post("/events")
                .then().statusCode(400).body("violations[0].field", equalTo("/type"))
                .body("violations[0].rule", equalTo("unknown-type"));
        given().contentType("application/cloudevents+json").body("{nope").post("/events")
                .then().statusCode(400).body("violations[0].rule", equalTo("json"));
        given().contentType("application/cloudevents+json").body("{\"customerId\":\"c\"}").post("/events")
                .then().statusCode(400).body("violations[0].rule", equalTo("cloudevents"));
    }

    @org.junit.jupiter.api.Test
    void aBatchWithOneBadEventRecordsNothingAndNamesItsIndex() {
        String c = newCustomer();
        ObjectNode good = cancellation(c, "s1", "1.00", "USD", "2025-01-02T00:00:00Z", null);
        ObjectNode bad = cancellation(c, "s2", "1.00", "USD", "2025-01-02T00:00:00Z", null);
        ((ObjectNode) bad.get("data")).remove("customerId");
        given().contentType("application/cloudevents-batch+json").body("[" + good + "," + bad + "]").post("/events")
                .then().statusCode(400).body("violations[0].field", equalTo("/1/data/customerId"));
        given().contentType("application/cloudevents+json").body(good.toString()).post("/events")
                .then().statusCode(202).body("accepted[0]", equalTo(good.get("id").asText()));
    }

    private static Arguments billing(String pointer, String rule, Consumer<ObjectNode> breakIt) {
        ObjectNode e = cancellation(newCustomer(), "sub_x", "10.00", "USD", "2025-02-02T00:00:00Z", "2025-02-20T00:00:00Z");
        breakIt.accept((ObjectNode) e.get("data"));
        return Arguments.of(pointer, rule, e);
    }

    private static Arguments crm(String pointer, String rule, Consumer<ObjectNode> breakIt) {
        ObjectNode e = accountChurned(newCustomer(), "2025-02-02T00:00:00Z");
        breakIt.accept((ObjectNode) e.get("data"));
        return Arguments.of(pointer, rule, e);
    }
}
