package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defection;
import static io.restassured.RestAssured.given;

import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Topics;
import io.lossreview.testing.ContactDataNotLoggedTest;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestContact;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The analyzer keeps loss.defections' contacts out of its logs: records it refuses, a defection its
 * database refuses on the consumer path (dead-lettered, consumption goes on), and a person's cause
 * decision whose write the database refuses (a 500, logged with its stack trace).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class AnalyzerContactDataNotLoggedTest extends ContactDataNotLoggedTest {

    @Override
    protected List<Provocation> provocations() {
        return List.of(
                new Provocation("loss.defections: records carrying the contact, refused, and one the database refuses",
                        this::refusedAndUnsaveableDefections, DEAD_LETTERED_AFTER_FAILING),
                new Provocation("a cause decided by hand for a defection whose row the database then refuses",
                        this::causeDecisionTheDatabaseRefuses, UNEXPECTED_ERROR));
    }

    private void refusedAndUnsaveableDefections(TestContact contact) throws Exception {
        DefectionBuilder unsaveable = defection("2016-03").stated("Too expensive for us now").contact(contact.contact());
        List<Carrying> records = new ArrayList<>(refusedCarrying(unsaveable.customerId, unsaveable.event(), contact));
        records.add(new Carrying("a defection the database refuses", unsaveable.customerId, unsaveable.event()));
        String sentinelId = UUID.randomUUID().toString();
        try (AutoCloseable refused = refusing("defection", "customer_id", unsaveable.customerId)) {
            consumeAndDeadLetter(Topics.LOSS_DEFECTIONS, DefectionIntake.CONSUMER, unsaveable.customerId, records,
                    new Sentinel(defection("2016-03").event(sentinelId), sentinelId));
        }
    }

    private void causeDecisionTheDatabaseRefuses(TestContact contact) throws Exception {
        DefectionBuilder d = defection("2016-04").stated("Too expensive for us now").contact(contact.contact());
        String eventId = UUID.randomUUID().toString();
        consumeAndDeadLetter(Topics.LOSS_DEFECTIONS, DefectionIntake.CONSUMER, d.customerId, List.of(),
                new Sentinel(d.event(eventId), eventId));
        try (AutoCloseable refused = refusing("defection", "customer_id", d.customerId)) {
            given().contentType(ContentType.JSON).body("{\"cause\":\"SUPPORT\",\"note\":\"heard on a call\"}")
                    .put("/defections/{id}/cause", d.id).then().statusCode(500);
        }
    }
}
