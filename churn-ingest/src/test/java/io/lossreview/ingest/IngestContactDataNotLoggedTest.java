package io.lossreview.ingest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.Topics;
import io.lossreview.ingest.intake.ChurnEventConsumer;
import io.lossreview.ingest.support.ChurnEvents;
import io.lossreview.testing.ContactDataNotLoggedTest;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestContact;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;

/**
 * churn-ingest keeps the contacts of CRM events out of its logs: CRM records it refuses, one whose
 * defection its database refuses on the consumer path (dead-lettered, consumption goes on), and the
 * same over REST (a 400 with its violations; a 500, logged with its stack trace).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_test"))
class IngestContactDataNotLoggedTest extends ContactDataNotLoggedTest {

    @Override
    protected List<Provocation> provocations() {
        return List.of(
                new Provocation("crm.account-churned: records carrying the contact, refused, and one the database refuses",
                        this::refusedAndUnsaveableOnKafka, DEAD_LETTERED_AFTER_FAILING),
                new Provocation("over REST: an event carrying the contact refused (400), one the database refuses (500)",
                        this::refusedAndUnsaveableOverRest, UNEXPECTED_ERROR));
    }

    private void refusedAndUnsaveableOnKafka(TestContact contact) throws Exception {
        String customer = ChurnEvents.newCustomer();
        String event = churned(customer, contact).toString();
        List<Carrying> records = new ArrayList<>(refusedCarrying(customer, event, contact));
        records.add(new Carrying("an account-churned event whose defection the database refuses", customer, event));
        ObjectNode sentinel = ChurnEvents.accountChurned(ChurnEvents.newCustomer(), "2016-03-06T16:19:00Z");
        try (AutoCloseable refused = refusing("defection", "customer_id", customer)) {
            consumeAndDeadLetter(Topics.CRM_ACCOUNT_CHURNED, ChurnEventConsumer.NAME, customer, records,
                    new Sentinel(sentinel.toString(), sentinel.get("id").asText()));
        }
    }

    private void refusedAndUnsaveableOverRest(TestContact contact) throws Exception {
        String customer = ChurnEvents.newCustomer();
        ObjectNode badEmail = churned(customer, contact);
        ((ObjectNode) badEmail.get("data").get("contact")).put("email", contact.email() + " (work)");
        given().contentType("application/cloudevents+json").body(badEmail.toString()).post("/events")
                .then().statusCode(400);
        try (AutoCloseable refused = refusing("defection", "customer_id", customer)) {
            given().contentType("application/cloudevents+json").body(churned(customer, contact).toString()).post("/events")
                    .then().statusCode(500);
        }
    }

    private static ObjectNode churned(String customer, TestContact contact) {
        ObjectNode event = ChurnEvents.accountChurned(customer, "2016-03-06T16:19:00Z");
        ((ObjectNode) event.get("data")).set("contact", contact.json());
        return event;
    }
}
