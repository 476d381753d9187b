package io.lossreview.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.ingest.support.PublishedEvents;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A signed, full Stripe customer.subscription.deleted event becomes a valued defection. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class StripeWebhookTest {

    private static final String SECRET = "whsec_test_secret"; // %test profile

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSignedDeletionIsRecordedOnceAndValued() throws Exception {
        // Dated on the loss date itself, so no other test's EUR rates can be the latest one.
        given().contentType("text/csv").body("date,currency,rate\n2025-04-01,EUR,1.08\n").put("/fx-rates")
                .then().statusCode(200);
        String body = fixture("stripe/subscription-deleted.json");
        long t = Instant.now().getEpochSecond();

        post(body, "t=" + t + ",v1=" + sign(t, body, "wrong") + ",v1=" + sign(t, body, SECRET))
                .then().statusCode(200).body("accepted[0]", equalTo("evt_1R8xQ2LkdIwHu7ixF0b3tYc1"));
        post(body, "t=" + t + ",v1=" + sign(t, body, SECRET))
                .then().statusCode(200).body("duplicates[0]", equalTo("evt_1R8xQ2LkdIwHu7ixF0b3tYc1"));

        DefectionChanged d = PublishedEvents.latest(dataSource, "cus_PIJ2kYvHnD7e0a");
        assertEquals(1, PublishedEvents.defections(dataSource, "cus_PIJ2kYvHnD7e0a").size());
        assertEquals(new Money(new BigDecimal("247.00"), "EUR"), d.subscriptions().get(0).mrr());
        assertEquals(4, d.seats());
        assertEquals(YearMonth.of(2025, 4), d.lossMonth());
        assertEquals(new BigDecimal("266.76"), d.value().mrr()); // 247.00 x 1.08
    }

    @Test
    void aBadOrStaleSignatureIsRefused() throws Exception {
        String body = fixture("stripe/subscription-deleted.json");
        long now = Instant.now().getEpochSecond();
        post(body, "t=" + now + ",v1=" + sign(now, body, "not-the-secret")).then().statusCode(400)
                .body("violations[0].field", equalTo("Stripe-Signature"))
                .body("violations[0].rule", equalTo("stripe-signature"));
        long old = now - 301;
        post(body, "t=" + old + ",v1=" + sign(old, body, SECRET)).then().statusCode(400)
                .body("violations[0].rule", equalTo("stripe-signature-expired"));
        post(body, null).then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response post(String body, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/webhooks/stripe");
    }

    private static String sign(long t, String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = StripeWebhookTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
