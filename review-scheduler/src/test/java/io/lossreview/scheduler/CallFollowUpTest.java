package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.mail.CallReminders;
import io.lossreview.scheduler.support.Assignments;
import io.lossreview.scheduler.support.TestClock;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reassignment keeps the history; reminders and escalations go out once, by the clock, over real SMTP. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class CallFollowUpTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    CallAssignmentRepository assignments;
    @Inject
    CallReminders reminders;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static void executive(String id, String name) {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"email\":\"" + id + "@example.com\"}")
                .put("/executives/" + id).then().statusCode(200);
    }

    @Test
    void aCallMovesToAnotherExecutiveButNeverToTheAccountOwner() {
        executive("fay", "Fay Ortiz");
        executive("gus", "Gus Lind");
        executive("olga", "Olga Owner");
        CallAssignment a = Assignments.open(assignments, "fay", "cus_re_1", "olga@example.com", LocalDate.of(2031, 5, 15));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ops.anna")).body("{\"executiveId\":\"olga\"}")
                .post("/assignments/" + a.id() + "/reassign").then().statusCode(400)
                .body("violations[0].rule", equalTo("not-account-owner"));
        String moved = given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ops.anna"))
                .body("{\"executiveId\":\"gus\",\"reason\":\"Fay is travelling\"}")
                .post("/assignments/" + a.id() + "/reassign").then().statusCode(200)
                .body("executiveId", equalTo("gus")).body("reassignedFrom", equalTo(a.id().toString()))
                .extract().path("id");
        given().get("/assignments/" + a.id()).then().body("status", equalTo("REASSIGNED"));
        given().get("/assignments/" + moved).then().body("status", equalTo("ASSIGNED"));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ops.anna")).body("{\"executiveId\":\"fay\"}")
                .post("/assignments/" + a.id() + "/reassign").then().statusCode(409);
    }

    @Test
    void aReminderTwoBusinessDaysBeforeAndAnEscalationWhenOverdue() throws Exception {
        executive("hal", "Hal Berg");
        CallAssignment a = Assignments.open(assignments, "hal", "cus_rem_1", null, LocalDate.of(2030, 4, 18)); // a Thursday, before any other test's open call
        clock.set(Instant.parse("2030-04-15T09:00:00Z")); // Monday: 3 business days before
        assertEquals(0, reminders.run().reminders());
        clock.set(Instant.parse("2030-04-16T09:00:00Z")); // Tuesday: 2 business days before
        assertEquals(1, reminders.run().reminders());
        assertEquals(0, reminders.run().reminders(), "once only");
        SMTP.waitForIncomingEmail(5000, 1);
        MimeMessage reminder = SMTP.getReceivedMessages()[0];
        assertEquals("hal@example.com", reminder.getAllRecipients()[0].toString());
        assertTrue(reminder.getSubject().contains("Account cus_rem_1"), reminder.getSubject());

        clock.set(Instant.parse("2030-04-19T09:00:00Z")); // the day after it was due
        assertEquals(1, reminders.run().escalations());
        assertEquals(0, reminders.run().escalations(), "once only");
        SMTP.waitForIncomingEmail(5000, 2);
        MimeMessage escalation = SMTP.getReceivedMessages()[1];
        assertEquals("ops-lead@example.com", escalation.getAllRecipients()[0].toString());
        assertTrue(escalation.getContent().toString().contains(a.id().toString()));
    }
}
