package io.lossreview.scheduler;

import static io.lossreview.scheduler.support.Amounts.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.packet.PacketSchedule;
import io.lossreview.scheduler.packet.PacketSchedule.Result;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Summary;
import io.lossreview.scheduler.support.AnalyzerUp;
import io.lossreview.scheduler.support.TestClock;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schedule's successful path, driven by the clock, with the analyzer up ({@link AnalyzerUp}):
 * the first business day builds last month's packet from the analyzer's figures, stores revision 1,
 * mails the PDF to the distribution list and announces it; later firings and a second instance
 * firing at the same moment build nothing more. Expected figures are worked out from FakeAnalyzer's table.
 */
@QuarkusTest
@TestProfile(AnalyzerUp.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class PacketScheduleBuildTest {

    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    PacketSchedule schedule;
    @Inject
    TestClock clock;
    @Inject
    PacketRepository packets;
    @Inject
    io.lossreview.scheduler.packet.render.PacketRenderer renderer;
    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theFirstBusinessDayBuildsMailsAndAnnouncesLastMonthsPacketOnce() throws Exception {
        Instant monday = Instant.parse("2026-03-02T06:00:00Z"); // the first business day of March
        clock.set(monday);
        assertEquals(Result.BUILT, schedule.runIfDue());

        assertEquals(1, packets.revisions(FEBRUARY).size());
        Packet p = packets.latest(FEBRUARY).orElseThrow().packet();
        assertEquals(1, p.revision());
        assertEquals(monday, p.builtAt());
        assertEquals(1, p.taxonomyVersion());
        assertEquals("USD", p.reportingCurrency());
        // The contract dataset (PacketInputsContractTest), February: PRICE 10 × 4,800 + COMPETITOR 5 × 6,000
        // + SUPPORT 4 × 2,400 + INVOLUNTARY 2 × 2,400 = 21 / 92,400; one PRICE customer (1,200) came back.
        Summary s = p.summary();
        assertEquals(21, s.customers());
        assertEquals(63, s.seats()); // 3 per customer
        assertAmount("92400.00", s.arrLost());
        assertAmount("7700.00", s.mrrLost()); // 92,400 / 12
        assertAmount("184800.00", s.lifetimeValueLost()); // 2 × ARR each
        assertEquals(1, s.wonBack());
        assertAmount("1200.00", s.wonBackArr());
        assertEquals(19, s.voluntaryCustomers());
        assertAmount("87600.00", s.voluntaryArrLost());
        assertEquals(2, s.involuntaryCustomers());
        assertAmount("4800.00", s.involuntaryArrLost());
        // January lost 13 / 50,400: +8, +42,000 = +83.3%.
        assertChange(s.vsPriorMonth(), "13", "50400.00", "8", "42000.00", "83.3");
        // Nov–Jan lost 9 / 36,000, 11 / 43,200, 13 / 50,400: mean 11 / 43,200; +10, +49,200 = +113.9%.
        assertChange(s.vsTrailing3Months(), "11.00", "43200.00", "10.00", "49200.00", "113.9");

        // Ranked by ARR; shares of 92,400 (4 decimals) and their running sum.
        assertEquals(List.of("PRICE", "COMPETITOR", "SUPPORT", "INVOLUNTARY"),
                p.causes().stream().map(CauseLine::cause).toList());
        assertCause(p.causes().get(0), 1, "Price", 10, "48000.00", "0.5195", "0.5195");
        assertCause(p.causes().get(1), 2, "Competitor", 5, "30000.00", "0.3247", "0.8442");
        assertCause(p.causes().get(2), 3, "Support and service", 4, "9600.00", "0.1039", "0.9481");
        assertCause(p.causes().get(3), 4, "Involuntary (payment)", 2, "4800.00", "0.0519", "1.0000");
        assertChange(p.causes().get(0).vsPriorMonth(), "8", "38400.00", "2", "9600.00", "25.0");
        assertNull(p.causes().get(1).vsPriorMonth().arrLostPercent(), "no percent against a month without losses");
        // COMPETITOR is new (5 against none); PRICE's 10 against 3.5/month over the prior 6 months.
        assertEquals(List.of("Competitor", "Price"), p.emerging().stream().map(e -> e.label()).toList());

        // Trend: Mar 2025–Feb 2026; PRICE lost nothing before November.
        assertEquals(YearMonth.of(2025, 3), p.trend().months().get(0));
        assertEquals(FEBRUARY, p.trend().months().get(11));
        var price = p.trend().series().get(0);
        assertEquals("PRICE", price.cause());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 6, 7, 8, 10), price.customers());
        assertAmount("38400.00", price.arrLost().get(10));
        // Largest single losses: COMPETITOR's five customers at 6,000 each, then PRICE's at 4,800.
        assertEquals(10, p.notableLosses().size());
        assertTrue(p.notableLosses().get(0).customerId().startsWith("cus_switched_service_2026-02_"));
        assertAmount("6000.00", p.notableLosses().get(0).arrLost());
        assertAmount("4800.00", p.notableLosses().get(5).arrLost());

        // Page 1's sentences are frozen with the revision; the JSON the web app reads carries them.
        assertEquals(renderer.narrative(p.withNarrative(null)), p.narrative());
        assertTrue(p.narrative().get(0).startsWith("In February 2026 we lost 21 customers"), p.narrative().get(0));
        assertEquals(p.narrative(), io.restassured.RestAssured.given().get("/packets/" + FEBRUARY).then().statusCode(200)
                .extract().jsonPath().getList("narrative", String.class));

        MimeMessage[] mail = mailed(2);
        assertEquals("Customer loss review 2026-02 (revision 1)", mail[0].getSubject());
        assertEquals(List.of("exec-team@example.com", "ceo@example.com"),
                Arrays.stream(mail[0].getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
        assertTrue(GreenMailUtil.getBody(mail[0]).contains("Customers lost: 21"), GreenMailUtil.getBody(mail[0]));
        assertTrue(GreenMailUtil.getBody(mail[0]).contains("ARR lost: 92400.00 USD"));
        String pdf = pdfText(mail[0], "loss-review-2026-02-r1.pdf");
        assertTrue(pdf.contains("Customer loss review"), "title in the PDF");
        assertTrue(pdf.contains("$92,400"), "ARR lost in the PDF");

        JsonNode published = new ObjectMapper().readTree(new TestKafka(prefix).await(Topics.LOSS_REVIEW, 1,
                r -> FEBRUARY.toString().equals(r.key()), Duration.ofSeconds(30)).get(0).value()).get("data");
        assertEquals(1, published.get("revision").asInt());
        assertEquals(21, published.get("customers").asInt());
        assertEquals("92400.00", published.get("arrLost").asText());

        // The cron fires again later that day (or another instance does): nothing new.
        clock.set(monday.plus(Duration.ofHours(8)));
        assertEquals(Result.ALREADY_BUILT, schedule.runIfDue());
        assertEquals(1, packets.revisions(FEBRUARY).size());
        assertEquals(2, SMTP.getReceivedMessages().length, "nothing new, nothing mailed");
    }

    @Test
    void twoInstancesFiringTogetherBuildOnePacket() throws Exception {
        clock.set(Instant.parse("2026-05-01T06:00:00Z")); // Friday 1 May: due, for April
        // FakeAnalyzer holds April's answer until both builds asked: both reach the month's lock together.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Result> results;
        try {
            List<Future<Result>> runs = instances.invokeAll(List.of(schedule::runIfDue, schedule::runIfDue));
            results = runs.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).sorted().toList();
        } finally {
            instances.shutdownNow();
        }
        assertEquals(List.of(Result.BUILT, Result.ALREADY_BUILT), results);
        assertEquals(1, packets.revisions(APRIL).size());
        Packet p = packets.latest(APRIL).orElseThrow().packet();
        assertEquals(1, p.revision());
        assertEquals(2, p.summary().customers()); // April: PRICE 2 × 4,800
        assertAmount("9600.00", p.summary().arrLost());
        assertEquals("Customer loss review 2026-04 (revision 1)", mailed(2)[0].getSubject());
    }

    /** Waits for the packet's e-mail: one delivery per address on the distribution list, and no more. */
    private static MimeMessage[] mailed(int expected) {
        assertTrue(SMTP.waitForIncomingEmail(10_000, expected), "e-mail delivered");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(expected, received.length);
        return received;
    }

    private static String pdfText(MimeMessage m, String fileName) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                assertEquals(fileName, part.getFileName());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(bytes);
                try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
                    return new PDFTextStripper().getText(doc);
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private static void assertCause(CauseLine c, int rank, String label, int customers, String arr, String share,
                                    String cumulative) {
        assertEquals(rank, c.rank(), c.cause());
        assertEquals(label, c.label());
        assertEquals(customers, c.customers(), c.cause());
        assertAmount(arr, c.arrLost());
        assertAmount(share, c.shareOfValue());
        assertAmount(cumulative, c.cumulativeShare());
    }

    private static void assertChange(Change c, String refCustomers, String refArr, String customers, String arr,
                                     String percent) {
        assertNotNull(c);
        assertAmount(refCustomers, c.referenceCustomers());
        assertAmount(refArr, c.referenceArrLost());
        assertAmount(customers, c.customers());
        assertAmount(arr, c.arrLost());
        assertAmount(percent, c.arrLostPercent());
    }
}
