package io.lossreview.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver (Debian's chromium and chromium-driver; the
 * script passes their paths, so Selenium never tries to download a browser).
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("loss-review-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary(System.getProperty("browser.binary", "chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("browser.driver", "chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(Platform.GATEWAY + path);
    }

    /**
     * Signs in as a person would: a page of the app without a session goes to the identity
     * provider's login page (Keycloak's, the real one), which takes the user and password and comes
     * back to the page asked for.
     */
    void signIn(Platform.Person person) {
        if (!onLoginPage()) {
            open("/app/sign-in");
        }
        visible(By.id("username")).sendKeys(person.user());
        driver.findElement(By.id("password")).sendKeys(person.password());
        driver.findElement(By.id("kc-login")).click();
        visible(By.id("signed-in-as"));
    }

    /** The identity provider's login page is showing. */
    boolean onLoginPage() {
        return driver.getCurrentUrl().contains("/protocol/openid-connect/auth")
                || driver.getCurrentUrl().contains("/login-actions/");
    }

    /** What the browser's console said about content it refused to load or run (the CSP). */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return visible(by).getText().strip();
    }

    /**
     * The confirmation the page an action leads to shows, once it starts as expected. A form post
     * replaces the document: right after the click the old page (with its own flash) can still be
     * there, or be torn down between finding its flash and reading it, which ChromeDriver reports as a
     * stale element or as "node does not belong to the document". Both only mean "not yet".
     */
    String flash(String expectedStart) {
        String[] seen = {"(no flash yet)"};
        try {
            wait.until(d -> {
                try {
                    seen[0] = d.findElement(By.id("flash")).getText().strip();
                } catch (WebDriverException documentBeingReplaced) {
                    return false;
                }
                return seen[0].startsWith(expectedStart);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("expected a confirmation starting \"" + expectedStart + "\", the page shows \""
                    + seen[0] + "\"", e);
        }
        return seen[0];
    }

    /** Charts are drawn by app.js once Chart.js loaded; it marks each canvas it drew. */
    void chartDrawn(String canvasId) {
        wait.until(d -> "true".equals(d.findElement(By.id(canvasId)).getDomAttribute("data-drawn")));
    }

    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
