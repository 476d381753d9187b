package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Single sign-on through the real identity provider (Keycloak's login page): roles come from it,
 * signing out ends the session there too, and the app works under its Content-Security-Policy.
 */
class SignInIT {

    @Test
    void anExecutiveSignsInSeesTheirPagesAndSignsOut() {
        try (Browser browser = new Browser()) {
            browser.open("/app/dashboard");
            assertTrue(browser.onLoginPage(), "no session: the identity provider's login page");
            browser.signIn(Platform.EXECUTIVE_SIGNIN);
            assertTrue(browser.driver.getCurrentUrl().endsWith("/app/dashboard"), browser.driver.getCurrentUrl());
            assertTrue(browser.text(By.id("signed-in-as")).startsWith(Platform.EXECUTIVE_SIGNIN.user() + " · executive"),
                    browser.text(By.id("signed-in-as")));
            List<String> pages = links(browser);
            assertTrue(pages.contains("My calls"), pages.toString());
            assertFalse(pages.contains("Review queue"), "an executive's navigation: " + pages);
            browser.chartDrawn("pareto-chart");
            assertEquals(List.of(), browser.policyViolations(), "the page works under its CSP");

            browser.driver.findElement(By.id("sign-out")).click();
            browser.visible(By.id("signed-out"));
            browser.open("/app/dashboard");
            assertTrue(browser.onLoginPage(), "after signing out, the identity provider asks again");
        }
    }

    @Test
    void opsSignsInWithTheirRole() {
        try (Browser browser = new Browser()) {
            browser.open("/app/review-queue?month=" + Platform.MONTH);
            browser.signIn(Platform.OPS_SIGNIN);
            assertTrue(browser.driver.getCurrentUrl().contains("/app/review-queue"), "back to the page asked for");
            assertTrue(browser.text(By.id("signed-in-as")).contains("ops"), browser.text(By.id("signed-in-as")));
            assertTrue(links(browser).contains("Review queue"));
            assertEquals(List.of(), browser.policyViolations(), "the page works under its CSP");
        }
    }

    private static List<String> links(Browser browser) {
        return browser.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }
}
