package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers; pages and API answers are never stored or framed by others. */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class SecurityHeadersTest {

    @Test
    void pagesHaveAStrictPolicyAndAreNeverStored() {
        String token = Tokens.of("ops.olga", Roles.OPS);
        for (String page : new String[] {"/app/signed-out", "/app/dashboard", "/app/review-queue", "/app/nope"}) {
            common(given().redirects().follow(false).auth().oauth2(token).get(page).then())
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Cache-Control", equalTo("no-store"));
        }
    }

    @Test
    void thePacketDocumentIsFramedByTheAppOnlyAndRunsNoScript() {
        common(given().redirects().follow(false).get("/app/packets/2026-03/document").then())
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("X-Frame-Options", equalTo("SAMEORIGIN"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void apiAnswersAndErrorsToo() {
        common(given().get("/api/v1/months/2026-03/summary").then().statusCode(401))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", equalTo("no-store"));
        common(given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/api/v1/months/march/summary").then()
                .statusCode(400)).header("Cache-Control", equalTo("no-store"));
        common(given().get("/no/such/page").then().statusCode(404)).header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void staticAssetsKeepTheirCaching() {
        common(given().get("/assets/app.css").then().statusCode(200)).header("Cache-Control", not(equalTo("no-store")))
                .header("X-Frame-Options", equalTo("DENY"));
        given().get("/assets/app.js").then().statusCode(200).header("Set-Cookie", nullValue());
    }

    private static ValidatableResponse common(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", equalTo("nosniff")).header("Referrer-Policy", equalTo("no-referrer"));
    }
}
