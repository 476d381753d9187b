package io.lossreview.scheduler.packet.render;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketHtmlTest {

    /** The nine section headings, in the order the packet must present them. */
    static final List<String> HEADINGS = List.of(
            "At a glance",
            "Why customers left",
            "Trend of the top causes",
            "By segment and region",
            "Notable losses",
            "In their own words",
            "Last month's executive calls",
            "Action items",
            "Calls to make this month");

    private static final PacketRenderer RENDERER = new PacketRenderer();
    private final String full = RENDERER.html(PacketSamples.full());
    private final String empty = RENDERER.html(PacketSamples.empty());

    @Test
    void sectionsComeInTheRequiredOrderAfterTheHeader() {
        int previous = full.indexOf("<h1>Customer loss review \u2014 March 2026</h1>");
        assertTrue(previous >= 0, "title");
        for (String heading : HEADINGS) {
            int at = full.indexOf(heading + "</h2>");
            assertTrue(at > previous, heading + " must follow the previous section");
            previous = at;
        }
        assertTrue(full.contains("Revision 3") && full.contains("Built 2 Apr 2026, 06:00 UTC")
                && full.contains("Taxonomy v4"), "header meta");
    }

    @Test
    void pageOneSaysOutOfHowManyOrThatNoBaseIsKnown() {
        assertTrue(full.contains("398 of the 16,950 customers at the start of March 2026 were lost: a customer churn rate of 2.3%."),
                "the sentence");
        assertTrue(full.contains("voluntary 2.1%, involuntary (e.g. a failed payment) 0.27%"), "small rates with two decimals");
        assertTrue(full.contains("14 losses were of customers the subscription ledger does not know"), "what the rates leave out");
        assertTrue(empty.contains("No churn rate: no customer base is known for March 2026."), "no made-up rate");
        assertFalse(empty.contains("churn rate of"));
    }

    @Test
    void customerTextIsEscapedEverywhere() {
        assertFalse(full.contains("<script"), "no markup from the data");
        assertTrue(full.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "stated reason kept, escaped");
        assertTrue(full.contains("&quot;all-in&quot; pricing &amp; SSO"), "quotes and ampersand escaped");
        assertTrue(full.contains("Northwind Logistics &amp; Co."), "account names escaped");
        assertTrue(full.contains("budget cut 40% for FY26 \u2014 CFO said &#39;no new spend&#39;"), "apostrophes");
        assertTrue(full.contains("nobody could raise them for us") && full.contains("2am &amp; nobody"), "stories");
        assertTrue(full.contains("Support &amp; CS hand-off failed."), "call notes");
        assertFalse(full.contains("\u0007"), "control characters XML cannot carry are dropped");
    }

    @Test
    void outputIsWellFormedXhtmlForThePdfRenderer() throws Exception {
        for (String html : List.of(full, empty)) {
            Document doc = parse(html);
            assertEquals("html", doc.getDocumentElement().getLocalName());
        }
    }

    @Test
    void fullPacketHasBothChartsInline() {
        assertEquals(2, count(full, "<svg "), "Pareto and trend");
        assertTrue(full.contains("id='pareto-chart'") && full.contains("id='trend-chart'"));
        assertFalse(full.contains("chart-placeholder"));
        assertTrue(full.indexOf("id='pareto-chart'") < full.indexOf("Trend of the top causes</h2>"),
                "the Pareto chart belongs to section 2");
    }

    @Test
    void whatChangedBoxOnlyWhenSomethingChanged() {
        assertTrue(full.contains("What changed since revision 2"));
        assertTrue(full.contains("Added 5 late cancellations from the billing system (ARR +$41,200)."));
        assertFalse(empty.contains("What changed"));
    }

    @Test
    void emptyPacketRendersClearEmptyStates() {
        for (String heading : HEADINGS) {
            assertTrue(empty.contains(heading + "</h2>"), heading);
        }
        assertTrue(empty.contains("No executive calls were assigned for 2026-02."));
        assertTrue(empty.contains("No open action items."));
        assertTrue(empty.contains("No executive calls are assigned for 2026-03."));
        assertTrue(empty.contains("No customer quotes this month."));
        assertTrue(empty.contains("No emerging or growing causes this month."));
        assertTrue(empty.contains(ParetoChart.EMPTY) && empty.contains(TrendChart.EMPTY), "chart placeholders");
        assertEquals(2, count(empty, "chart-placeholder"));
        assertTrue(empty.contains("\u20AC0"), "amounts in the packet's currency");
        assertTrue(empty.contains("n/a"), "no percentage against a zero reference");
        assertTrue(empty.contains("<p class=\"narrative\" id=\"narrative\">No customer was lost in March 2026.</p>"),
                "a month without losses says so in words");
        assertFalse(empty.contains("Pareto of causes") || empty.contains("top 0 causes"), "no captions for no chart");
    }

    @Test
    void equalPacketsRenderIdenticalHtml() {
        assertEquals(full, RENDERER.html(PacketSamples.full()));
        assertEquals(full, new PacketRenderer().html(PacketSamples.full()), "independent of the instance");
        assertEquals(empty, RENDERER.html(PacketSamples.empty()));
    }

    @Test
    void figuresAreFormattedForReading() {
        assertTrue(full.contains(">412<") && full.contains("$4,812,300") && full.contains("$401,025"));
        assertTrue(full.contains("+12.4%"), "ARR vs prior month");
        assertTrue(full.contains("30.8%"), "share of the top cause");
        assertTrue(full.contains("\u2212$235,200"), "a cause that shrank since its action was opened");
        assertTrue(full.contains("class=\"r worse\">+38<"), "more customers lost is worse");
        assertTrue(full.contains("$240,000"), "win-backs credited in total");
        assertTrue(full.contains("No reason given"), "a notable loss without a stated reason");
        assertTrue(full.contains("1 action item is overdue: \u201CShip SCIM provisioning\u201D"), "the story on the summary page");
    }

    @Test
    void oneRendererServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> renders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean even = i % 2 == 0;
                renders.add(pool.submit(() -> RENDERER.html(even ? PacketSamples.full() : PacketSamples.empty())));
            }
            for (int i = 0; i < renders.size(); i++) {
                assertEquals(i % 2 == 0 ? full : empty, renders.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCauseAPersonDecidedSaysWhoNextToTheCustomersWords() {
        String corrected = "Cause corrected on a call by Raj Patel (CFO): Price / budget (was Other) \u2014 learned:"
                + " \u201CFinance froze every tool over $100k; they would come back on an annual plan.\u201D";
        String notable = section(full, "notable");
        assertTrue(notable.contains("<div class=\"decision\">" + escape(corrected) + "</div>"), "Globex's loss");
        assertTrue(notable.contains("<div class=\"decision\">Re-caused by ops (dana.ops): Poor support experience</div>"),
                "Umbrella Health's loss");
        assertEquals(2, count(notable, "class=\"decision\""), "only where a person decided");
        assertTrue(section(full, "stories").contains(escape(corrected)), "Globex's story");
    }

    @Test
    void eachOfThisMonthsCallsShowsWhereItStandsUnderItsCurrentCause() {
        String calls = section(full, "assignments");
        assertTrue(calls.contains("<span class=\"tag good\">Completed</span> Reached"), "a completed call and its outcome");
        assertTrue(calls.contains("Price / budget<br /><span class=\"small muted\">corrected on the call, was Other</span>"),
                "Globex under the cause its call found, not its old one");
        assertTrue(calls.contains("Switched to a competitor<br /><span class=\"small muted\">confirmed on the call</span>"));
        assertTrue(calls.contains("<span class=\"tag neutral\">Reassigned to Marcus Lee (CPO)</span>"), "a call that moved");
        assertTrue(calls.contains("<span class=\"tag neutral\">Assigned</span>"), "an open call");
        assertTrue(calls.contains("\u201CRivalSoft bundled SSO and audit logs; we charge for each.\u201D"), "what was learned");
    }

    @Test
    void aRevisionBuiltBeforeCallsAndDecisionsWereFrozenStillRenders() {
        var p = PacketSamples.full();
        var old = new io.lossreview.scheduler.packet.model.Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(),
                p.reportingCurrency(), p.summary(), p.causes(), p.emerging(), p.trend(), p.bySegment(), p.byRegion(),
                p.notableLosses().stream().map(n -> new io.lossreview.scheduler.packet.model.NotableLoss(n.customerId(),
                        n.accountName(), n.segment(), n.arrLost(), n.cause(), n.causeLabel(), n.statedReason(), null)).toList(),
                p.stories(), p.lastMonthCalls(), p.actions(), p.assignments().stream().map(a ->
                        new io.lossreview.scheduler.packet.model.AssignmentLine(a.executive(), a.accountName(), a.segment(),
                                a.region(), a.arrLost(), a.cause(), a.why(), a.dueDate(), null, null, null, null, null, null,
                                null)).toList(), p.changes(), null);
        String html = RENDERER.html(old);
        assertFalse(html.contains("null"), "nothing unknown is printed as null");
        assertFalse(section(html, "notable").contains("class=\"decision\""));
        assertTrue(section(html, "assignments").contains("due 10 Apr 2026"), "the calls without a status");
    }

    @Test
    void theBrowserGetsNoPaperSize() {
        assertFalse(full.contains("size: A4") || full.contains("size: letter"));
    }

    /** The HTML of the section with this id. */
    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        assertNotNull(doc);
        return doc;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
