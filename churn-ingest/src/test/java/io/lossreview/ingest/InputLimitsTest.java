package io.lossreview.ingest;

import static io.lossreview.ingest.support.ChurnEvents.cancellation;
import static io.lossreview.ingest.support.ChurnEvents.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.Management;
import io.lossreview.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every input has a limit, and hostile text is refused at the edge with the field and the rule. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class InputLimitsTest {

    @Test
    void aBatchOf180000TinyEventsIsA413AndTheServiceStaysUp() {
        String body = "[" + "{},".repeat(179_999) + "{}]";
        given().contentType("application/cloudevents-batch+json").body(body).post("/events")
                .then().statusCode(413).contentType("application/problem+json").body("violations[0].rule", equalTo("maxItems"));
        ObjectNode ok = cancellation(newCustomer(), "sub_1", "10.00", "USD", "2025-04-02T10:00:00Z", null);
        given().contentType("application/cloudevents+json").body(ok.toString()).post("/events").then().statusCode(202)
                .body("accepted[0]", equalTo(ok.get("id").asText()));
        Management.given().get("/health/live").then().statusCode(200);
    }

    /** A body sent in chunks (no Content-Length) is read once, before the REST layer, and accepted like any other. */
    @Test
    void aChunkedEventIsAccepted() throws Exception {
        ObjectNode ok = cancellation(newCustomer(), "sub_1", "10.00", "USD", "2025-04-02T10:00:00Z", null);
        byte[] body = ok.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + TestTokens.operator("churn-ingest"))
                // An InputStream of unknown length: the client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(r.body().contains(ok.get("id").asText()), r.body());
    }

    @Test
    void aBatchOfInvalidEventsListsABoundedNumberOfViolations() {
        String body = "[" + "{\"specversion\":\"1.0\"},".repeat(999) + "{\"specversion\":\"1.0\"}]";
        given().contentType("application/cloudevents-batch+json").body(body).post("/events")
                .then().statusCode(400).body("violations.size()", equalTo(201))
                .body("violations[200].rule", equalTo("more"));
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedAtTheEdgeWithTheirField() {
        ObjectNode event = cancellation(newCustomer(), "sub_1", "10.00", "USD", "2025-04-02T10:00:00Z", null);
        ((ObjectNode) event.get("data")).put("comment", "too\u0000expensive");
        given().contentType("application/cloudevents+json").body(event.toString()).post("/events")
                .then().statusCode(400).body("violations.field", hasItem("/data/comment"))
                .body("violations.rule", hasItem("control-character"));
        String unpaired = event.toString().replace("too\\u0000expensive", "too\\ud800expensive");
        given().contentType("application/cloudevents+json").body(unpaired).post("/events")
                .then().statusCode(400).body("violations.rule", hasItem("unpaired-surrogate"));
        String duplicate = event.toString().replaceFirst("\\{", "{\"id\":\"twice\",");
        given().contentType("application/cloudevents+json").body(duplicate).post("/events")
                .then().statusCode(400).body("violations[0].rule", equalTo("json"));
    }

    @Test
    void fxRatesAreBoundedBeforeTheyAreParsed() {
        given().contentType("text/csv").body("date,currency,rate\n2025-04-01,EUR,1e999999\n").put("/fx-rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 2 rate")).body("violations[0].rule", equalTo("pattern"));
        given().contentType("text/csv").body("date,currency,rate\n2025-04-01,EUR,1234567890123.5\n").put("/fx-rates")
                .then().statusCode(400).body("violations[0].rule", equalTo("pattern"));
    }
}
