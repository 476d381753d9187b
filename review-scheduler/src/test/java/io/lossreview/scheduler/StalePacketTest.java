package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.analysis.CauseTotal;
import io.lossreview.contracts.analysis.MonthAnalyzed;
import io.lossreview.scheduler.packet.PacketService;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.support.AnalyzerUp;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * loss.analysis has its consumer: when the analyzer announces a month whose figures differ from its
 * newest packet revision (a late event after the build), the revision is marked stale, with what
 * changed, in the API the viewer reads; announced figures equal to the packet's, or a rebuild that
 * finds the packet current, clear the mark. January's packet comes from the recorded contract answer
 * (13 customers, 50,400 ARR: PRICE 8 / 38,400, SUPPORT 5 / 12,000).
 */
@QuarkusTest
@TestProfile(AnalyzerUp.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class StalePacketTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    /** Building a packet mails it; here it only needs somewhere to go. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    PacketService packets;
    @Inject
    PacketRepository store;
    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Test
    void aLateEventMarksTheNewestRevisionStaleAndARebuildClearsIt() throws Exception {
        int revision = packets.build(JANUARY, PacketService.Mode.ON_DEMAND).stored().packet().revision();
        TestKafka kafka = new TestKafka(prefix);

        // A late SUPPORT loss (2,400 ARR) arrived after the build.
        announce(kafka, 14, "52800.00", List.of(new CauseTotal("PRICE", 8, new BigDecimal("38400.00")),
                new CauseTotal("SUPPORT", 6, new BigDecimal("14400.00"))));
        JsonPath stale = awaitRevision(revision, true);
        String reason = stale.getString("staleReason");
        assertTrue(reason.contains("Customers lost: 13 → 14 (+1)"), reason);
        assertTrue(reason.contains("ARR lost: $50,400 → $52,800 (+$2.4K)"), reason);
        assertTrue(reason.contains("Support and service customers: 5 → 6 (+1)"), reason);
        assertTrue(reason.contains("Rebuild"), reason);

        // The rebuild reads the analyzer (here: the recorded answer, unchanged) and finds the packet current.
        PacketService.Built rebuilt = packets.build(JANUARY, PacketService.Mode.ON_DEMAND);
        assertEquals(revision, rebuilt.stored().packet().revision(), "same data: no new revision");
        assertNull(store.latest(JANUARY).orElseThrow().staleSince(), "a rebuild that finds the packet current clears it");

        // Stale again, then the analyzer's figures come back to the packet's (the late event was moved away).
        announce(kafka, 14, "52800.00", List.of());
        awaitRevision(revision, true);
        announce(kafka, 13, "50400.00", List.of(new CauseTotal("PRICE", 8, new BigDecimal("38400.00")),
                new CauseTotal("SUPPORT", 5, new BigDecimal("12000.00"))));
        assertNull(awaitRevision(revision, false).getString("staleReason"));
    }

    private JsonPath awaitRevision(int revision, boolean stale) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath list = given().get("/packets/" + JANUARY + "/revisions").then().statusCode(200).extract().jsonPath();
            return list.setRootPath("find { it.revision == " + revision + " }");
        }, r -> (r.getString("staleSince") != null) == stale);
    }

    /** January's figures as the analyzer announces them (lifetime value is 2 × ARR in the contract dataset). */
    private static void announce(TestKafka kafka, int customers, String arr, List<CauseTotal> top)
            throws JsonProcessingException {
        BigDecimal arrLost = new BigDecimal(arr);
        MonthAnalyzed data = new MonthAnalyzed(JANUARY, 1, customers, 3 * customers,
                arrLost.divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP), arrLost,
                arrLost.multiply(BigDecimal.valueOf(2)), 0, 0, top, List.of(), Instant.now());
        kafka.send(Topics.LOSS_ANALYSIS, JANUARY.toString(), CloudEventEnvelope.write(UUID.randomUUID().toString(),
                EventSources.DEFECTION_ANALYZER, EventTypes.MONTH_ANALYZED, JANUARY.toString(), Instant.now(), data,
                ContractJson.mapper()));
    }
}
