package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.NotableLoss;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Story;
import io.lossreview.scheduler.packet.render.PacketRenderer.PaperSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketPdfTest {

    private static final PacketRenderer RENDERER = new PacketRenderer();

    @Test
    void a4PacketHasTheSummaryAloneOnPageOneAndEverySectionAfter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(PacketSamples.full(), PaperSize.A4))) {
            assertPageSize(pdf, 595.3f, 841.9f);
            assertTrue(pdf.getNumberOfPages() >= 4, "a real packet spans several pages");

            String pageOne = text(pdf, 1, 1);
            assertTrue(pageOne.contains("Customer loss review \u2014 March 2026"), pageOne);
            assertTrue(pageOne.contains("412"), "customers lost");
            assertTrue(pageOne.contains("$4,812,300"), "ARR lost");
            String words = pageOne.replaceAll("\\s+", " ");
            assertTrue(words.contains("398 of the 16,950 customers at the start of March 2026 were lost: a customer churn rate of 2.3%"),
                    "the losses out of how many");
            assertTrue(words.contains("Gross MRR churn 4.2%, net of expansion and reactivation 2.7%"), "MRR churn rates");
            assertTrue(pageOne.contains("What changed since revision 2"));
            assertTrue(pageOne.contains("1 / " + pdf.getNumberOfPages()), "page numbers in the footer");
            assertFalse(pageOne.contains("Why customers left"), "section 2 starts on page 2");

            String all = text(pdf, 1, pdf.getNumberOfPages());
            for (String heading : PacketHtmlTest.HEADINGS) {
                assertTrue(all.contains(heading), heading);
            }
            assertTrue(all.contains("Price / budget"), "the top cause");
            assertTrue(all.contains("budget cut 40% for FY26"), "a stated reason, verbatim");
            assertTrue(all.contains("<script>alert(1)</script>"), "hostile text is shown as text, not run");
            assertTrue(all.contains("M\u00FCller & S\u00F6hne GmbH"), "accents and ampersands survive");
            assertTrue(all.contains("\u2192"), "arrows come from the fallback font");
            assertSummaryFitsPageOne(pdf);
        }
    }

    @Test
    void letterPacketUsesLetterPaper() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(PacketSamples.full(), PaperSize.LETTER))) {
            assertPageSize(pdf, 612f, 792f);
            assertFalse(text(pdf, 1, 1).contains("Why customers left"));
            assertSummaryFitsPageOne(pdf);
        }
    }

    @Test
    void emptyPacketStillRendersEveryEmptyState() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(PacketSamples.empty(), PaperSize.A4))) {
            String all = text(pdf, 1, pdf.getNumberOfPages());
            assertTrue(all.contains("No executive calls were assigned for 2026-02."));
            assertTrue(all.contains("No open action items."));
            assertTrue(all.contains("\u20AC0"));
            assertFalse(text(pdf, 1, 1).contains("Why customers left"));
        }
    }

    @Test
    void reportsRenderTimesForTheFullPacket() throws IOException {
        Packet packet = PacketSamples.full();
        for (int i = 0; i < 2; i++) {
            RENDERER.pdf(packet, PaperSize.A4); // warm-up: class loading, fonts, Batik, JIT
        }
        int runs = 3;
        long htmlNanos = 0;
        long pdfNanos = 0;
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            RENDERER.html(packet);
            long afterHtml = System.nanoTime();
            bytes = RENDERER.pdf(packet, PaperSize.A4).length;
            pdfNanos += System.nanoTime() - afterHtml;
            htmlNanos += afterHtml - start;
        }
        System.out.printf("Packet render (full sample, warm, mean of %d): html %.1f ms, "
                        + "pdf %.1f ms (html included), %,d bytes%n",
                runs, htmlNanos / 1e6 / runs, pdfNanos / 1e6 / runs, bytes);
        assertTrue(bytes > 10_000);
    }

    /** Page 2 starts with section 2: nothing of the summary spilled over. */
    private static void assertSummaryFitsPageOne(PDDocument pdf) throws IOException {
        String pageOne = text(pdf, 1, 1).replaceAll("\\s+", " ");
        assertTrue(pageOne.contains("In March 2026 we lost 412 customers") && pageOne.contains("This month 4 executives call 12"),
                "the summary sentences, first thing on page 1");
        assertTrue(pageOne.contains("Top causes by ARR lost"), "the summary's last block");
        String pageTwo = text(pdf, 2, 2);
        assertTrue(pageTwo.contains("Why customers left"), () -> "page 2 starts with: " + pageTwo.substring(0, Math.min(400, pageTwo.length())));
        assertFalse(pageTwo.contains("Top causes by ARR lost"));
    }

    private static void assertPageSize(PDDocument pdf, float width, float height) {
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            PDRectangle box = pdf.getPage(i).getMediaBox();
            assertEquals(width, box.getWidth(), 1.5f, "page width");
            assertEquals(height, box.getHeight(), 1.5f, "page height");
        }
    }

    @Test
    void everyFontIsEmbeddedAndHeadingsUseTheRealBoldFace() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(PacketSamples.full(), PaperSize.A4))) {
            Set<String> faces = new TreeSet<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded, so every viewer shows the same glyphs");
                    faces.add(font.getName().substring(font.getName().indexOf('+') + 1)); // subset tag aside
                }
            }
            assertTrue(faces.containsAll(Set.of("LiberationSans", "LiberationSans-Bold")), faces.toString());
        }
    }

    @Test
    void noPageEndsWithATableHeader() throws IOException {
        // Fewer notable losses and stories shift every later table up the pages: eight layouts per paper size.
        for (PaperSize paper : PaperSize.values()) {
            for (int dropped = 0; dropped < 8; dropped++) {
                Packet packet = withoutNotableLosses(PacketSamples.full(), dropped);
                Set<String> headers = new TreeSet<>();
                Matcher head = Pattern.compile("<thead>\\s*<tr>(.*?)</tr>", Pattern.DOTALL).matcher(RENDERER.html(packet));
                while (head.find()) {
                    headers.add(words(head.group(1).replaceAll("<[^>]+>", " ").replace("&amp;", "&")));
                }
                assertFalse(headers.isEmpty());
                try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(packet, paper))) {
                    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                        List<String> lines = text(pdf, page, page).lines().map(PacketPdfTest::words)
                                .filter(l -> !l.isEmpty() && !l.contains("Confidential")).toList();
                        String last = lines.get(lines.size() - 1);
                        assertFalse(headers.contains(last), paper + " page " + page + " (" + dropped
                                + " losses fewer) ends with a table header: " + last);
                    }
                }
            }
        }
    }

    @Test
    void noTableRowIsSplitAcrossPages() throws IOException {
        // Tall rows (long reasons, reasons for calls, call notes), each marked at its start and its end; fewer stories
        // shift them across the page ends. A row split by a page would put its two marks on different pages.
        for (PaperSize paper : PaperSize.values()) {
            for (int dropped = 0; dropped < 4; dropped++) {
                Packet packet = withoutNotableLosses(withTallRows(PacketSamples.full()), dropped * 2);
                try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(packet, paper))) {
                    List<String> pages = new java.util.ArrayList<>();
                    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                        pages.add(text(pdf, page, page));
                    }
                    Matcher begins = Pattern.compile("rowbegins(\\d+)").matcher(String.join("\n", pages));
                    int rows = 0;
                    while (begins.find()) {
                        String row = begins.group(1);
                        rows++;
                        int first = pageWith(pages, "rowbegins" + row + " ");
                        assertEquals(first, pageWith(pages, "rowends" + row + "."), paper + ", " + dropped * 2
                                + " losses fewer: row " + row + " starts on page " + first + " and ends on another");
                    }
                    assertEquals(packet.notableLosses().size() + packet.assignments().size(), rows, "every tall row is in the PDF");
                }
            }
        }
    }

    @Test
    void thePageOneSentencesAndACallCorrectionAreInThePdfText() throws IOException {
        Packet packet = PacketSamples.full();
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(packet, PaperSize.A4))) {
            String pageOne = words(text(pdf, 1, 1));
            List<String> sentences = RENDERER.narrative(packet);
            assertEquals(6, sentences.size());
            for (String sentence : sentences) {
                assertTrue(pageOne.contains(words(sentence)), "on page 1: " + sentence);
            }
            String all = words(text(pdf, 1, pdf.getNumberOfPages()));
            assertTrue(all.contains("Cause corrected on a call by Raj Patel (CFO): Price / budget (was Other) \u2014 learned:"
                    + " \u201CFinance froze every tool over $100k"), "the correction next to Globex's words");
            assertTrue(all.contains("Re-caused by ops (dana.ops): Poor support experience"), "ops' decision next to Umbrella's");
            assertTrue(all.contains("corrected on the call, was Other"), "section 9: Globex under its corrected cause");
            assertTrue(all.contains("Reassigned to Marcus Lee (CPO)"), "section 9: a call that moved");
        }
    }

    @Test
    void aLongChangeListLeavesPageOneToTheSummary() throws IOException {
        List<String> changes = new java.util.ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            changes.add("Change number " + i + ": Switched to a competitor: ARR lost $1,102,500 \u2192 $1,841,500 (+$739K);"
                    + " customers 74 \u2192 75 (+1)");
        }
        Packet packet = PacketSamples.full().withChanges(changes);
        for (PaperSize paper : PaperSize.values()) {
            try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(packet, paper))) {
                assertSummaryFitsPageOne(pdf);
                String pageOne = words(text(pdf, 1, 1));
                assertTrue(pageOne.contains("Change number 2:") && !pageOne.contains("Change number 3:"), "the first two");
                assertTrue(pageOne.contains("the first 2 of 18; all in full at the end of the packet"), pageOne);
                String last = words(text(pdf, pdf.getNumberOfPages() - 1, pdf.getNumberOfPages()));
                assertTrue(last.contains("What changed since revision 2") && last.contains("Change number 18:")
                        && last.contains("customers 74 \u2192 75 (+1)"), "the whole list, each change whole, at the end");
            }
        }
    }

    /** Long words in the tallest cells, marked where each row begins and ends. */
    private static Packet withTallRows(Packet p) {
        String filler = " the customer explained at length what happened over the last two renewals and why the numbers"
                + " no longer worked for their finance team, their users and their own customers";
        List<NotableLoss> notable = new java.util.ArrayList<>();
        for (int i = 0; i < p.notableLosses().size(); i++) {
            NotableLoss n = p.notableLosses().get(i);
            notable.add(new NotableLoss(n.customerId(), n.accountName(), n.segment(), n.arrLost(), n.cause(), n.causeLabel(),
                    "rowbegins" + i + " " + filler + filler + " rowends" + i + ".", n.decision()));
        }
        List<AssignmentLine> calls = new java.util.ArrayList<>();
        for (int i = 0; i < p.assignments().size(); i++) {
            AssignmentLine a = p.assignments().get(i);
            calls.add(new AssignmentLine(a.executive(), a.accountName(), a.segment(), a.region(), a.arrLost(), a.cause(),
                    "rowbegins" + (100 + i) + " " + filler + " rowends" + (100 + i) + ".", a.dueDate(), a.defectionId(),
                    a.status(), a.outcome(), a.classifiedCause(), a.learnedCause(), a.notes(), a.reassignedTo()));
        }
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(), p.causes(),
                p.emerging(), p.trend(), p.bySegment(), p.byRegion(), notable, p.stories(), p.lastMonthCalls(), p.actions(),
                calls, p.changes(), p.narrative());
    }

    /** The 1-based page whose text holds the mark; a mark the stripper split over lines is searched without breaks. */
    private static int pageWith(List<String> pages, String mark) {
        for (int i = 0; i < pages.size(); i++) {
            if (words(pages.get(i)).contains(mark)) {
                return i + 1;
            }
        }
        throw new AssertionError("no page holds " + mark);
    }

    private static Packet withoutNotableLosses(Packet p, int dropped) {
        List<NotableLoss> kept = p.notableLosses().subList(0, Math.max(0, p.notableLosses().size() - dropped));
        List<Story> stories = p.stories().subList(0, Math.max(0, p.stories().size() - dropped % 4));
        return new Packet(p.month(), p.revision(), p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(), p.causes(),
                p.emerging(), p.trend(), p.bySegment(), p.byRegion(), kept, stories, p.lastMonthCalls(), p.actions(),
                p.assignments(), p.changes(), p.narrative());
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String text(PDDocument pdf, int fromPage, int toPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(fromPage);
        stripper.setEndPage(toPage);
        return stripper.getText(pdf);
    }
}
