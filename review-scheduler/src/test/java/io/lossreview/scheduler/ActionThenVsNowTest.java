package io.lossreview.scheduler;

import static io.lossreview.scheduler.support.Amounts.assertAmount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.scheduler.packet.PacketService;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.support.AnalyzerUp;
import io.lossreview.scheduler.support.TestClock;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Section 8: each action item with its targeted cause "then vs now", i.e. the cause's customers and
 * ARR lost in the month the action was opened against the packet's month, and the change the
 * packet prints between them. Figures come from the contract dataset (FakeAnalyzer, {@link AnalyzerUp}).
 */
@QuarkusTest
@TestProfile(AnalyzerUp.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ActionThenVsNowTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    /** Building a packet mails it; here it only needs somewhere to go. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    TestClock clock;
    @Inject
    PacketService packets;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachActionShowsItsCauseInTheMonthItWasOpenedAgainstThePacketsMonth() {
        clock.set(Instant.parse("2026-02-10T09:00:00Z"));
        open("support", "Staff a weekend support rota", "VP Support", "2025-12-31", "2025-07");
        String price = open("price", "Introduce a starter plan", "CFO", "2025-06-30", "2024-11");
        open("competitor", "Battle cards for sales", "CRO", "2026-03-31", "2026-02"); // after January: not in its packet
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("cfo")).body("{\"status\":\"DONE\"}")
                .put("/actions/" + price).then().statusCode(200);

        Packet p = packets.build(JANUARY, PacketService.Mode.ON_DEMAND).stored().packet();

        assertEquals(2, p.actions().size(), "the actions opened by January");
        // Oldest due first. PRICE was opened in Nov 2024, 14 months back: outside the 12-month trend, so
        // the build reads the trend from then. Nov 2024: 6 / 28,800; Jan 2026: 8 / 38,400.
        ActionLine starter = p.actions().get(0);
        assertEquals("Introduce a starter plan", starter.title());
        assertEquals("PRICE", starter.cause());
        assertEquals("DONE", starter.status());
        assertFalse(starter.overdue(), "done, so never overdue");
        assertEquals(YearMonth.of(2024, 11), starter.openedMonth());
        assertEquals(6, starter.causeCustomersWhenOpened());
        assertAmount("28800.00", starter.causeArrWhenOpened());
        assertEquals(8, starter.causeCustomersNow());
        assertAmount("38400.00", starter.causeArrNow());
        // SUPPORT, opened Jul 2025 (9 / 21,600), in January 5 / 12,000; still open past its due date.
        ActionLine rota = p.actions().get(1);
        assertEquals("SUPPORT", rota.cause());
        assertEquals("OPEN", rota.status());
        assertTrue(rota.overdue(), "due 31 Dec 2025, open on 10 Feb 2026");
        assertEquals(LocalDate.of(2025, 12, 31), rota.dueDate());
        assertEquals(YearMonth.of(2025, 7), rota.openedMonth());
        assertEquals(9, rota.causeCustomersWhenOpened());
        assertAmount("21600.00", rota.causeArrWhenOpened());
        assertEquals(5, rota.causeCustomersNow());
        assertAmount("12000.00", rota.causeArrNow());
        // The longer read does not stretch section 3: still the 12 months up to January.
        assertEquals(12, p.trend().months().size());
        assertEquals(YearMonth.of(2025, 2), p.trend().months().get(0));

        // The model carries then and now; the change is what the packet prints between them.
        String html = given().get("/packets/" + JANUARY + "/html").then().statusCode(200).extract().asString();
        String starterRow = row(html, "Introduce a starter plan");
        assertContains(starterRow, "6 → 8 customers");
        assertContains(starterRow, "(+2)");
        assertContains(starterRow, "$28,800 → $38,400");
        assertContains(starterRow, "(+$9,600)"); // 38,400 − 28,800
        String rotaRow = row(html, "Staff a weekend support rota");
        assertContains(rotaRow, "9 → 5 customers");
        assertContains(rotaRow, "(\u22124)");
        assertContains(rotaRow, "$21,600 → $12,000");
        assertContains(rotaRow, "(\u2212$9,600)"); // 12,000 − 21,600
        assertContains(rotaRow, "overdue");
        assertFalse(html.contains("Battle cards for sales"), "an action opened after the packet's month");
    }

    private static String open(String cause, String title, String owner, String due, String openedMonth) {
        return given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ceo.sam"))
                .body("{\"cause\":\"" + cause + "\",\"description\":\"" + title + "\",\"owner\":\"" + owner
                        + "\",\"dueDate\":\"" + due + "\",\"openedMonth\":\"" + openedMonth + "\"}")
                .post("/actions").then().statusCode(201).extract().path("id");
    }

    /** The table row of section 8 that holds this action (page 1's sentences may name it too). */
    private static String row(String html, String title) {
        int at = html.indexOf(title, html.indexOf("<section id=\"actions\""));
        assertTrue(at >= 0, "no row for " + title);
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected '" + expected + "' in: " + text);
    }
}
