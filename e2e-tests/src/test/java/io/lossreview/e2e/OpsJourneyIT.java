package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An ops user in a real Chromium: re-causes a review-queue item and sees the dashboard count it,
 * corrects and replays a rejected event, and moves an action item from open to done.
 */
class OpsJourneyIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
        browser.signIn(Platform.OPS_SIGNIN);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void reCausingAReviewQueueItemChangesTheDashboard() {
        Platform.QueuePage queue = Platform.reviewQueue(1);
        String month = queue.month();
        browser.open(queue.path());
        Select cause = new Select(browser.visible(By.cssSelector("#review-queue tbody tr select[name=cause]")));
        String current = cause.getFirstSelectedOption().getDomAttribute("value");
        String target = cause.getOptions().stream().map(o -> o.getDomAttribute("value"))
                .filter(v -> !v.isEmpty() && !v.equals(current) && !v.equals("OTHER")).findFirst().orElseThrow();
        int before = customersOf(target, month);

        browser.open(queue.path());
        WebElement item = browser.visible(By.cssSelector("#review-queue tbody tr"));
        String defection = item.getDomAttribute("id").substring("item-".length());
        cause = new Select(item.findElement(By.name("cause")));
        assertEquals(current, cause.getFirstSelectedOption().getDomAttribute("value"), "the same item heads the queue");
        browser.screenshot("review-queue");
        cause.selectByValue(target);
        item.findElement(By.cssSelector("button[type=submit]")).click();
        browser.flash("Cause saved");

        assertEquals(before + 1, customersOf(target, month), target + " counts the re-caused customer");
        boolean audited = false;
        for (var entry : Platform.get(Platform.ADMIN, "/api/v1/audit?principal=" + Platform.OPS_SIGNIN.user() + "&size=50")) {
            audited |= "set-cause".equals(entry.path("action").asText()) && defection.equals(entry.path("target").asText())
                    && entry.path("status").asInt() == 200;
        }
        assertTrue(audited, "the change is in the audit log with who, what and the outcome");
    }

    @Test
    void aRejectedEventIsCorrectedAndReplayed() {
        String customer = "cus_browser_" + System.currentTimeMillis();
        String event = """
                {"specversion":"1.0","id":"%s-1","source":"/e2e/billing","type":"billing.subscription-cancelled",
                 "datacontenttype":"application/json","data":{"customerId":"%s","subscriptionId":"sub_1","seats":3,
                 "mrr":{"amount":"120.00","currency":"XYZ"},"cancelledAt":"%sT10:00:00Z"}}"""
                .formatted(customer, customer, Platform.MONTH + "-15");
        var answer = Platform.send(Platform.SOURCE_SYSTEM, java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Platform.GATEWAY + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(event)));
        assertEquals(400, answer.statusCode(), "the unknown currency is refused: " + answer.body());

        browser.open("/app/rejected-events");
        WebElement card = browser.visible(By.xpath("//section[contains(@class,'rejected')][.//h2[contains(., '" + customer + "')]]"));
        String id = card.getDomAttribute("id").substring("rejected-".length());
        assertTrue(card.getText().contains("/data/mrr/currency"), "the card names the field");
        browser.screenshot("rejected-events");

        card.findElement(By.tagName("summary")).click();
        card.findElement(By.cssSelector("button[type=submit]")).click();
        assertTrue(browser.text(By.id("replay-error")).contains("currency"), "replayed unchanged, it is refused again");

        WebElement draft = browser.visible(By.id("event-" + id));
        String corrected = draft.getDomProperty("value").replace("XYZ", "USD");
        draft.clear();
        draft.sendKeys(corrected);
        browser.driver.findElement(By.cssSelector("#rejected-" + id + " button[type=submit]")).click();
        browser.flash("The corrected event was accepted");
        assertTrue(browser.driver.findElements(By.id("rejected-" + id)).isEmpty(), "replayed events leave the list");
    }

    @Test
    void anActionItemIsOpenedAndMovedToDone() {
        String description = "Publish a cheaper seat tier " + System.currentTimeMillis();
        browser.open("/app/actions");
        new Select(browser.visible(By.id("action-cause"))).selectByValue("PRICE");
        browser.driver.findElement(By.id("action-description")).sendKeys(description);
        browser.driver.findElement(By.id("action-owner")).sendKeys("Dana (pricing)");
        String due = LocalDate.now().plusDays(30).toString();
        browser.driver.executeScript("document.getElementById('action-due').value = arguments[0]", due);
        browser.driver.findElement(By.cssSelector("#new-action button[type=submit]")).click();
        browser.flash("Action item opened");

        WebElement opened = actionCard(description);
        assertTrue(opened.findElement(By.xpath("ancestor::div[contains(@class,'column')]")).getDomAttribute("id")
                .equals("column-open"), "a new action is open");
        opened.findElement(By.cssSelector("button[value=DONE]")).click();
        browser.flash("Action item updated");
        WebElement done = actionCard(description);
        assertEquals("column-done", done.findElement(By.xpath("ancestor::div[contains(@class,'column')]")).getDomAttribute("id"));
        browser.screenshot("actions");
    }

    private WebElement actionCard(String description) {
        return browser.visible(By.xpath("//div[contains(@class,'action')][strong[text()='" + description + "']]"));
    }

    /** Customers of a cause in the dashboard's table (0 when the cause has none that month). */
    private int customersOf(String cause, String month) {
        browser.open("/app/dashboard?month=" + month);
        browser.visible(By.id("causes"));
        List<WebElement> row = browser.driver.findElements(By.cssSelector("#causes tr[data-cause='" + cause + "'] .cause-customers"));
        return row.isEmpty() ? 0 : Integer.parseInt(row.get(0).getText().strip());
    }

}
