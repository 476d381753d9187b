package io.lossreview.gateway.routes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * More dashboards at once than the gateway has request workers: each is answered. The dashboard's three calls once
 * queued on the request workers' own pool, so such a burst held every worker waiting for calls that could never start,
 * and the gateway answered nothing ever again (found by the load test, deploy/local/bench-gateway.sh). The services
 * behind are not running here: every dashboard is a 503, which takes the same path.
 */
@QuarkusTest
@TestProfile(DashboardBurstTest.FourWorkers.class)
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class DashboardBurstTest {

    private static final int WORKERS = 4;
    private static final int BURST = 24;

    public static class FourWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.core-threads", "1", "quarkus.thread-pool.max-threads", String.valueOf(WORKERS),
                    "gateway.rate-limit.per-minute", "1000000");
        }
    }

    @Test
    void aBurstLargerThanTheWorkerPoolIsAnswered() throws Exception {
        String ops = Tokens.of("ops.olga", Roles.OPS);
        ExecutorService callers = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                answers.add(callers.submit(() -> given().auth().oauth2(ops).get("/api/v1/months/2026-03/dashboard").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(503, answer.get(60, TimeUnit.SECONDS), "the services behind are down: 503, promptly");
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
