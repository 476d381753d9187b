package io.lossreview.scheduler;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractExamples;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.calls.Brief;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import io.lossreview.testing.ContactDataNotLoggedTest;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestContact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The scheduler keeps contacts out of its logs: loss.defections records it refuses, a defection copy
 * its database refuses on the consumer path (dead-lettered, consumption goes on), and call
 * assignments (Hibernate) whose brief carries the contact, refused for an executive not on the roster.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class SchedulerContactDataNotLoggedTest extends ContactDataNotLoggedTest {

    @Inject
    CallAssignmentRepository assignments;

    @Override
    protected List<Provocation> provocations() {
        return List.of(
                new Provocation("loss.defections: records carrying the contact, refused, and one the database refuses",
                        this::refusedAndUnsaveableDefections, DEAD_LETTERED_AFTER_FAILING),
                new Provocation("call assignments whose brief carries the contact, for an executive not on the roster",
                        this::assignmentTheDatabaseRefuses,
                        e -> e.logger() != null && e.logger().startsWith("org.hibernate") && e.says("call_assignment")));
    }

    private void refusedAndUnsaveableDefections(TestContact contact) throws Exception {
        String customer = "cus_c" + UUID.randomUUID().toString().substring(0, 8);
        String event = defectionChanged(customer, contact, UUID.randomUUID().toString());
        List<Carrying> records = new ArrayList<>(refusedCarrying(customer, event, contact));
        records.add(new Carrying("a defection the database refuses", customer, event));
        String sentinelId = UUID.randomUUID().toString();
        try (AutoCloseable refused = refusing("defection", "customer_id", customer)) {
            consumeAndDeadLetter(Topics.LOSS_DEFECTIONS, DefectionCopyRepository.CONSUMER, customer, records,
                    new Sentinel(defectionChanged("cus_c" + UUID.randomUUID().toString().substring(0, 8),
                            TestContact.unique(), sentinelId), sentinelId));
        }
    }

    /** A packet build stores its calls so; the foreign key refuses the executive, Hibernate reports it. */
    private void assignmentTheDatabaseRefuses(TestContact contact) {
        String customer = "cus_c" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate due = LocalDate.of(2016, 6, 15);
        Brief brief = new Brief(customer, "Account " + customer, contact.contact(), "SMB", "EMEA", null, null, 12,
                new BigDecimal("100.00"), new BigDecimal("1200.00"), null, "pro", 3, null, "PRICE", 7, null,
                due.minusDays(30), List.of(), "owner.olga@example.com");
        List<CallAssignment> calls = List.of(
                CallAssignment.assigned(YearMonth.of(2016, 5), UUID.randomUUID(), customer, "not-on-the-roster-" + customer,
                        "Top ARR loss", brief, Instant.now(), due, null),
                CallAssignment.assigned(YearMonth.of(2016, 5), UUID.randomUUID(), customer, "not-on-the-roster-" + customer,
                        "Top ARR loss", brief, Instant.now(), due, null));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> assignments.insert(calls)));
    }

    /** churn-ingest's loss.defection-changed example for this customer, carrying the contact. */
    private static String defectionChanged(String customer, TestContact contact, String eventId) {
        ObjectNode data = (ObjectNode) ContractExamples.data(EventTypes.DEFECTION_CHANGED, "enriched-from-crm").deepCopy();
        data.put("defectionId", UUID.randomUUID().toString()).put("customerId", customer).put("lossMonth", "2016-05")
                .put("lossDate", "2016-05-15");
        data.set("contact", contact.json());
        try {
            return CloudEventEnvelope.write(eventId, EventSources.CHURN_INGEST, EventTypes.DEFECTION_CHANGED, customer,
                    Instant.now(), data, ContractJson.mapper());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
