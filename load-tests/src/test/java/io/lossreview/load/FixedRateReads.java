package io.lossreview.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One read at a fixed arrival rate: {@code -Dload.url} (absolute), {@code -Dload.token} (a bearer token),
 * {@code -Dload.rate} requests a second for {@code -Dload.seconds}, {@code -Dload.name} in the output. Arrivals are
 * randomized (Poisson) around the rate, as independent users would send them; every answer must be a 200.
 * With {@code -Dload.users=N} instead: N requests in flight at all times, the next sent as soon as one is answered
 * (a closed model), which finds the throughput at saturation.
 */
public class FixedRateReads extends Simulation {

    private final String url = required("load.url");
    private final String name = System.getProperty("load.name", "read");
    private final double rate = Double.parseDouble(System.getProperty("load.rate", "100"));
    private final int seconds = Integer.getInteger("load.seconds", 15);

    private final HttpProtocolBuilder protocol = http
            .header("Authorization", "Bearer " + required("load.token"))
            .acceptHeader("application/json")
            // Keep-alive connections shared by all virtual users, as a browser fleet behind one proxy would use.
            .shareConnections();

    private final ScenarioBuilder reads = scenario(name).exec(http(name).get(url).check(status().is(200)));

    {
        Integer users = Integer.getInteger("load.users");
        setUp(users == null
                ? reads.injectOpen(constantUsersPerSec(rate).during(seconds).randomized())
                : reads.injectClosed(constantConcurrentUsers(users).during(seconds)))
                .protocols(protocol);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }
}
