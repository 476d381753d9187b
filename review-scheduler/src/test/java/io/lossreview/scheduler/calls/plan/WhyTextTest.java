package io.lossreview.scheduler.calls.plan;

import static io.lossreview.scheduler.calls.plan.CandidateBuilder.customer;
import static io.lossreview.scheduler.calls.plan.CandidateBuilder.pendingValue;
import static io.lossreview.scheduler.calls.plan.PlanChecks.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.packet.render.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Why you, why this call" in a sentence the executive reads in their brief and the packet's section 9. */
class WhyTextTest {

    /** The packet's words: labels from the month's ranking, money in dollars (as PacketService supplies them). */
    private static final Wording WORDS = new Wording() {
        private final Map<String, String> labels = Map.of("PRODUCT_QUALITY", "Product quality", "PRICE", "Price");

        @Override
        public String cause(String code) {
            return labels.getOrDefault(code, Formats.humanize(code));
        }

        @Override
        public String money(BigDecimal amount) {
            return Formats.money(amount, "USD");
        }

        @Override
        public String bucket(String name) {
            return Formats.bucket(name);
        }

        @Override
        public String when(Instant instant) {
            return Formats.when(instant, ZoneOffset.UTC);
        }
    };

    private static final Executive AVA = exec("ava", 3, Set.of("ENTERPRISE"), Set.of("EMEA"));

    @Test
    void aCoveredCauseSaysWhyThisCustomerAndWhyYou() {
        Candidate acme = customer("acme", 424_587).named("Acme Corp").in("ENTERPRISE", "NA").cause("PRODUCT_QUALITY").build();
        PlannedCall call = new PlannedCall(acme, AVA, new Reason("PRODUCT_QUALITY", 1, 4, Reason.Match.SEGMENT));
        assertEquals("You know the Enterprise segment, and Acme Corp was worth $424,587 a year; they left over Product"
                + " quality, this month's costliest cause.", WhyText.of(call, WORDS));
        PlannedCall third = new PlannedCall(acme, AVA, new Reason("PRODUCT_QUALITY", 3, 4, Reason.Match.SEGMENT));
        assertEquals("You know the Enterprise segment, and Acme Corp was worth $424,587 a year; they left over Product"
                + " quality, this month's 3rd costliest cause.", WhyText.of(third, WORDS));
    }

    @Test
    void aCallPickedByValueSaysWhereItRanks() {
        Candidate globex = customer("globex", 120_000).named("Globex").in("ENTERPRISE", "EMEA").build();
        assertEquals("You know the Enterprise segment and EMEA, and Globex was worth $120,000 a year, the largest loss"
                        + " we can call this month; they left over Price.",
                WhyText.of(new PlannedCall(globex, AVA, new Reason(null, 0, 1, Reason.Match.SEGMENT_AND_REGION)), WORDS));
        assertEquals("You know EMEA, and Globex was worth $120,000 a year, the 2nd largest loss we can call this month;"
                        + " they left over Price.",
                WhyText.of(new PlannedCall(globex, AVA, new Reason(null, 0, 2, Reason.Match.REGION)), WORDS));
    }

    @Test
    void withoutAValueNameOrMatchItStillReadsAsASentence() {
        Candidate unknown = pendingValue("x").named(null).cause("SECURITY_REVIEW").build();
        assertEquals("You had room for another call, and this customer's value is not known yet; they left over"
                + " Security review.", WhyText.of(new PlannedCall(unknown, AVA, new Reason(null, 0, 9, Reason.Match.NONE)), WORDS));
    }

    @Test
    void ordinals() {
        assertEquals("2nd", WhyText.ordinal(2));
        assertEquals("11th", WhyText.ordinal(11));
        assertEquals("13th", WhyText.ordinal(13));
        assertEquals("21st", WhyText.ordinal(21));
        assertEquals("103rd", WhyText.ordinal(103));
    }
}
