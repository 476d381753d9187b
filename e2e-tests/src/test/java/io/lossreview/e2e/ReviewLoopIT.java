package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The monthly loop as its three kinds of users walk it, in real Chromium sessions signed in at the identity
 * provider: the executive reads the month in words, finds a customer and records what the call taught; ops move a
 * call, accept two suggestions at once and export the causes; the admin rebuilds the packet, and its "what changed"
 * names the call and the ARR it moved. Every page visited is saved as a screenshot.
 */
class ReviewLoopIT {

    @Test
    void executiveOpsAndAdminWalkTheMonthlyLoop() throws Exception {
        JsonNode packet = Platform.get(Platform.EXECUTIVE, "/api/v1/packets/" + Platform.MONTH);
        int revisionBefore = packet.path("revision").asInt();
        JsonNode call = openCallOf(Platform.EXECUTIVE, "/api/v1/me/assignments");
        String callId = call.path("id").asText();
        String customerId = call.path("customerId").asText();
        String learned = "PRICE".equals(call.path("brief").path("classifiedCause").asText()) ? "COMPETITOR" : "PRICE";

        try (Browser ava = new Browser()) {
            ava.open("/app/dashboard?month=" + Platform.MONTH);
            ava.signIn(Platform.EXECUTIVE_SIGNIN);
            List<String> sentences = ava.driver.findElements(By.cssSelector("#month-story .story-sentence")).stream()
                    .map(e -> e.getText().strip()).toList();
            List<String> frozen = new ArrayList<>();
            packet.path("narrative").forEach(n -> frozen.add(n.asText()));
            assertTrue(sentences.size() >= 3, "three to six sentences up front: " + sentences);
            assertEquals(frozen, sentences, "the dashboard quotes the packet's own summary");
            ava.screenshot("dashboard-story");

            WebElement search = ava.visible(By.id("customer-search"));
            search.sendKeys(customerId, Keys.ENTER);
            ava.visible(By.cssSelector("#customer-name, #matches, #no-matches")); // the search answered
            if (!ava.driver.getCurrentUrl().contains("/app/customers/")) {
                ava.screenshot("customer-search");
                ava.visible(By.cssSelector("#matches a[href$='/" + customerId + "']")).click();
            }
            JsonNode story = Platform.get(Platform.EXECUTIVE, "/api/v1/customers/" + customerId);
            String name = story.path("accountName").asText("Customer " + customerId);
            assertEquals(name, ava.text(By.id("customer-name")));
            assertEquals(story.path("defections").size(), ava.driver.findElements(By.cssSelector("section.episode")).size());
            assertFalse(ava.driver.findElements(By.cssSelector("table.cause-history tbody tr")).isEmpty(), "the cause history");
            ava.visible(By.id("customer-call-" + callId));
            ava.screenshot("customer");

            ava.open("/app/my-calls");
            new Select(ava.visible(By.id("outcome-" + callId))).selectByValue("REACHED");
            new Select(ava.driver.findElement(By.id("cause-" + callId))).selectByValue(learned);
            ava.driver.findElement(By.id("notes-" + callId)).sendKeys("The renewal quote doubled; they would come back at last year's price.");
            ava.driver.findElement(By.cssSelector("#call-" + callId + " form button[type=submit]")).click();
            ava.flash("Outcome saved");
        }
        awaitCause(customerId, call.path("defectionId").asText(), learned);

        String moved;
        try (Browser ops = new Browser()) {
            ops.open("/app/calls?month=" + Platform.MONTH);
            ops.signIn(Platform.OPS_SIGNIN);
            // Not one of ava's: her open calls are the executive journey's.
            WebElement row = ops.visible(By.cssSelector("#open-calls tbody tr:not([data-executive='ava'])"));
            moved = row.getDomAttribute("id").substring("call-".length());
            String from = row.getDomAttribute("data-executive");
            ops.screenshot("calls-board");
            row.findElement(By.xpath(".//summary[text()='Reassign']")).click();
            Select to = new Select(row.findElement(By.name("executiveId")));
            String target = to.getOptions().stream().map(o -> o.getDomAttribute("value"))
                    .filter(v -> !v.isEmpty() && !v.equals("ava")).findFirst().orElseThrow();
            to.selectByValue(target);
            row.findElement(By.name("reason")).sendKeys("Away this week");
            row.findElement(By.cssSelector(".reassign-form button[type=submit]")).click();
            ops.flash("Call moved");
            assertEquals("REASSIGNED", Platform.get(Platform.OPS, "/api/v1/assignments/" + moved).path("status").asText());
            assertFalse(target.equals(from));

            Platform.QueuePage queue = Platform.reviewQueue(2);
            ops.open(queue.path());
            List<WebElement> ticks = ops.driver.findElements(By.cssSelector("#review-queue input[type=checkbox][name=id]"));
            assertTrue(ticks.size() >= 2, "two suggestions to accept on " + queue.path());
            List<String> accepted = List.of(ticks.get(0).getDomAttribute("value"), ticks.get(1).getDomAttribute("value"));
            ticks.get(0).click();
            ticks.get(1).click();
            ops.screenshot("review-queue-triage");
            ops.driver.findElement(By.id("accept-selected")).click();
            ops.flash("2 suggestions accepted");
            for (String id : accepted) {
                JsonNode d = Platform.get(Platform.OPS, "/api/v1/defections/" + id);
                assertEquals("MANUAL", d.path("causeSource").asText(), id + " is decided by a person now");
                assertEquals(Platform.OPS_SIGNIN.user(), d.path("decidedBy").asText());
            }

            ops.open("/app/dashboard?month=" + Platform.MONTH);
            Object csv = ops.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('causes-csv').href).then(r => r.text().then(t =>"
                    + " done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)));");
            String[] lines = String.valueOf(csv).split("\r?\n");
            assertTrue(lines[0].startsWith("200 text/csv"), "the causes download: " + lines[0]);
            assertTrue(lines[1].startsWith("rank,cause,label,customers"), "its header row: " + lines[1]);
            JsonNode causes = Platform.get(Platform.OPS, "/api/v1/months/" + Platform.MONTH + "/causes?rankBy=arr");
            assertEquals(causes.path("causes").size(), lines.length - 2, "one row per ranked cause");
            ops.open("/app/actions");
            ops.screenshot("actions-board");
            ops.open("/app/rejected-events");
            ops.screenshot("rejected-events-page");
        }

        try (Browser admin = new Browser()) {
            admin.open("/app/packets?month=" + Platform.MONTH);
            admin.signIn(Platform.ADMIN_SIGNIN);
            admin.screenshot("packets-admin");
            admin.visible(By.id("rebuild")).click();
            admin.flash("Packet built");
            JsonNode rebuilt = Platform.get(Platform.ADMIN, "/api/v1/packets/" + Platform.MONTH);
            assertTrue(rebuilt.path("revision").asInt() > revisionBefore, "a new revision");
            String executive = executiveName("ava");
            String account = Platform.get(Platform.OPS, "/api/v1/customers/" + customerId).path("accountName").asText(customerId);
            List<String> changes = new ArrayList<>();
            rebuilt.path("changes").forEach(c -> changes.add(c.asText()));
            String label = causeLabel(learned);
            assertTrue(changes.stream().anyMatch(c -> c.contains(executive) && c.contains(account) && c.contains(label)),
                    "what changed names the call, the customer and the cause it learned: " + changes);
            assertTrue(changes.stream().anyMatch(c -> c.contains(label) && c.contains("ARR") && c.matches(".*[+−]\\$.*")),
                    "what changed gives the ARR the correction moved: " + changes);
            admin.driver.switchTo().frame(admin.visible(By.id("packet-frame")));
            String document = admin.text(By.tagName("body"));
            assertTrue(document.contains(executive) && document.contains(account), "the packet shows the call by name");
            admin.driver.switchTo().defaultContent();
            admin.screenshot("packet-rebuilt");
        }
    }

    /** An open call of the caller's list, of the month under review. */
    private static JsonNode openCallOf(String token, String path) {
        JsonNode found = null;
        for (JsonNode a : Platform.get(token, path)) {
            if ("ASSIGNED".equals(a.path("status").asText()) && Platform.MONTH.equals(a.path("month").asText())) {
                found = a; // the last one: ExecutiveJourneyIT takes the first, soonest due
            }
        }
        assertTrue(found != null, "an open call of " + Platform.MONTH + " in " + path);
        return found;
    }

    /** Waits until the analyzer applied the cause the call taught (it travels through Kafka). */
    private static void awaitCause(String customerId, String defectionId, String cause) throws InterruptedException {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            for (JsonNode e : Platform.get(Platform.OPS, "/api/v1/customers/" + customerId).path("defections")) {
                JsonNode d = e.path("defection");
                if (defectionId.equals(d.path("id").asText())) {
                    seen = d.path("causeSource").asText() + " " + d.path("cause").asText();
                }
            }
            if (("CALL " + cause).equals(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the call's cause never reached the analyzer: " + seen);
    }

    private static String executiveName(String id) {
        for (JsonNode e : Platform.get(Platform.OPS, "/api/v1/executives")) {
            if (id.equals(e.path("id").asText())) {
                return e.path("name").asText();
            }
        }
        throw new AssertionError("no executive " + id + " on the roster");
    }

    private static String causeLabel(String code) {
        for (JsonNode c : Platform.get(Platform.OPS, "/api/v1/taxonomy").path("taxonomy").path("causes")) {
            if (code.equals(c.path("code").asText())) {
                return c.path("label").asText();
            }
        }
        throw new AssertionError("no cause " + code);
    }
}
