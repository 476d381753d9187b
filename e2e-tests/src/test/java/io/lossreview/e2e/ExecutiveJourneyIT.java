package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An executive in a real Chromium: signs in with a token, reads the month's dashboard (the figures
 * the API gives, charts drawn), opens the packet and its PDF, and records the outcome of a call,
 * first forgetting the outcome (the form says so) and then properly.
 */
class ExecutiveJourneyIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void signsInReadsTheDashboardOpensThePacketAndRecordsAnOutcome() {
        JsonNode summary = Platform.get(Platform.EXECUTIVE, "/api/v1/months/" + Platform.MONTH + "/summary");
        JsonNode causes = Platform.get(Platform.EXECUTIVE, "/api/v1/months/" + Platform.MONTH + "/causes?rankBy=arr");

        browser.open("/app/my-calls");
        assertTrue(browser.onLoginPage(), "no session: the identity provider's login page first");
        browser.signIn(Platform.EXECUTIVE_SIGNIN);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/app/my-calls"), "back to the page asked for");

        browser.driver.findElement(By.linkText("Dashboard")).click();
        assertEquals(Platform.MONTH, browser.text(By.id("month")), "opens the newest month with losses");
        assertEquals(summary.path("customers").asText(), browser.text(By.id("kpi-customers")));
        JsonNode base = summary.path("base").path("base");
        assertTrue(base.path("known").asBoolean(), "the simulated year has a customer base: " + summary.path("base"));
        assertEquals(percent(summary.path("base").path("rates").path("customerChurn").asText()), browser.text(By.id("kpi-churn-rate")),
                "the customer churn rate on the dashboard");
        assertEquals(grouped(base.path("customers").path("lostFromStart").asInt()) + " of "
                + grouped(base.path("customers").path("atStart").asInt()) + " at the start", browser.text(By.id("kpi-churn-base")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#causes tbody tr"));
        assertEquals(causes.path("causes").size(), rows.size(), "one row per ranked cause");
        assertEquals(causes.path("causes").path(0).path("label").asText(),
                rows.get(0).findElements(By.tagName("td")).get(1).getText().replace("emerging", "").strip());
        browser.chartDrawn("pareto-chart");
        browser.chartDrawn("trend-chart");
        browser.chartDrawn("rate-chart");
        Map<String, String> dashboardColors = paretoColors(browser.driver.findElement(By.id("pareto-chart")).getAttribute("data-chart"));
        browser.screenshot("dashboard");

        browser.driver.findElement(By.linkText("Packet")).click();
        JsonNode revisions = Platform.get(Platform.EXECUTIVE, "/api/v1/packets/" + Platform.MONTH + "/revisions");
        assertEquals("Revision " + revisions.get(revisions.size() - 1).path("revision").asText(),
                browser.text(By.id("revision")));
        browser.driver.switchTo().frame(browser.visible(By.id("packet-frame")));
        String packet = browser.text(By.tagName("body"));
        @SuppressWarnings("unchecked")
        Map<String, String> packetColors = (Map<String, String>) browser.driver.executeScript("const found = {};"
                + "document.querySelectorAll('#causes span.swatch').forEach(s => {"
                + " found[s.parentElement.textContent.trim()] = s.style.backgroundColor; }); return found;");
        assertFalse(packetColors.isEmpty(), "the packet's causes have swatches");
        packetColors.forEach((label, rgb) -> assertEquals(dashboardColors.get(label), rgb,
                label + ": the same color on the dashboard and in the packet"));
        JsonNode frozen = Platform.get(Platform.EXECUTIVE, "/api/v1/packets/" + Platform.MONTH);
        assertTrue(packet.contains("Customers lost") && packet.contains(frozen.path("summary").path("customers").asText()),
                "the frame shows the packet's own (frozen) customer count");
        assertTrue(packet.contains("customers at the start of") && packet.contains("a customer churn rate of")
                && packet.contains("Gross MRR churn"), "page 1 says out of how many");
        browser.driver.switchTo().defaultContent();
        Object pdf = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('pdf-a4').href).then(r => r.arrayBuffer().then(b =>"
                + " done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)));");
        assertTrue(String.valueOf(pdf).startsWith("200 application/pdf"), "the PDF downloads: " + pdf);
        String pageOne = pdfPageOne(Platform.bytes(Platform.EXECUTIVE, "/api/v1/packets/" + Platform.MONTH + ".pdf"));
        JsonNode frozenBase = frozen.path("summary").path("base").path("base").path("customers");
        assertTrue(pageOne.contains(grouped(frozenBase.path("lostFromStart").asInt()) + " of the " + grouped(frozenBase.path("atStart").asInt())
                + " customers at the start of") && pageOne.contains("a customer churn rate of")
                && pageOne.contains("Gross MRR churn"), "the PDF's page 1 says out of how many: " + pageOne);
        browser.screenshot("packet");

        browser.driver.findElement(By.linkText("My calls")).click();
        WebElement call = browser.visible(By.cssSelector("section.call[data-status='ASSIGNED']"));
        String callId = call.getDomAttribute("id").substring("call-".length());
        browser.screenshot("my-calls");
        // The browser would refuse an empty outcome; without that guard the server's answer shows.
        browser.driver.executeScript("document.getElementById(arguments[0]).removeAttribute('required')", "outcome-" + callId);
        browser.driver.findElement(By.cssSelector("#call-" + callId + " form button[type=submit]")).click();
        assertTrue(browser.text(By.id("outcome-error")).contains("outcome"), "the form names the missing field");

        new Select(browser.visible(By.id("outcome-" + callId))).selectByValue("REACHED");
        new Select(browser.driver.findElement(By.id("chance-" + callId))).selectByValue("MEDIUM");
        browser.driver.findElement(By.id("notes-" + callId)).sendKeys("Budget returns in Q3; wants a smaller plan.");
        browser.driver.findElement(By.cssSelector("#call-" + callId + " form button[type=submit]")).click();
        browser.flash("Outcome saved");
        WebElement done = browser.visible(By.id("call-" + callId));
        assertEquals("COMPLETED", done.getDomAttribute("data-status"));
        assertEquals("Reached", done.findElement(By.cssSelector(".recorded-outcome")).getText());
        JsonNode stored = Platform.get(Platform.EXECUTIVE, "/api/v1/assignments/" + callId);
        assertEquals("REACHED", stored.path("outcome").asText());
        assertEquals("Budget returns in Q3; wants a smaller plan.", stored.path("notes").asText());

        browser.open("/app/review-queue");
        assertTrue(browser.text(By.id("forbidden")).contains("executive"), "ops pages are not for executives");
        browser.open("/app/packets/2025-13/document");
        assertTrue(browser.text(By.id("page-error")).contains("month"), "a bad month is a page naming it, not JSON");
    }

    /** A rate as the web app shows it: 0.0234 → "2.3%", below 1% with two decimals. */
    private static String percent(String fraction) {
        java.math.BigDecimal p = new java.math.BigDecimal(fraction).movePointRight(2);
        return p.setScale(p.abs().compareTo(java.math.BigDecimal.ONE) < 0 ? 2 : 1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The text of a PDF's first page, whitespace folded (lines break anywhere in a sentence). */
    private static String pdfPageOne(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            return text.getText(doc).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a PDF", e);
        }
    }

    private static String grouped(int n) {
        return String.format(java.util.Locale.US, "%,d", n);
    }

    /** Label → color ("rgb(r, g, b)", as the browser reports a style) of the dashboard's Pareto bars. */
    private static Map<String, String> paretoColors(String chartJson) {
        try {
            JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(chartJson).path("data");
            Map<String, String> colors = new java.util.HashMap<>();
            for (JsonNode d : data.path("datasets")) {
                if (d.path("type").asText().equals("bar")) {
                    for (int i = 0; i < data.path("labels").size(); i++) {
                        java.awt.Color c = java.awt.Color.decode(d.path("backgroundColor").path(i).asText());
                        colors.put(data.path("labels").path(i).asText(),
                                "rgb(" + c.getRed() + ", " + c.getGreen() + ", " + c.getBlue() + ")");
                    }
                }
            }
            return colors;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the Pareto chart's configuration is no JSON", e);
        }
    }
}
