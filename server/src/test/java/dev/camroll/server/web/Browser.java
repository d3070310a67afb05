package dev.camroll.server.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh
 * profile, at a desktop's or a phone's size. Where either program is missing the test is skipped
 * with a message saying so; with the environment variable {@code CI} set it fails instead, since
 * CI installs them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The window the page is seen in. */
    enum Screen {
        DESKTOP(1280, 800),
        PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Held, since a logger nobody holds can be collected with its level. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        // Selenium warns on every start that it has no DevTools binding for this Chromium; none is used.
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    }

    final ChromeDriver driver;
    final Screen screen;
    private final Path profile;

    private Browser(ChromeDriver driver, Screen screen, Path profile) {
        this.driver = driver;
        this.screen = screen;
        this.profile = profile;
    }

    /** Skips the calling test where Chromium is missing, or fails it in CI. */
    static void assumeChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Browser tests skipped: " + CHROMIUM + " or " + DRIVER
                + " is missing (apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            fail(message + "; CI must run them (.ci/run installs both)");
        }
        System.err.println("*** " + message);
        Assumptions.abort(message);
    }

    static Browser open(Screen screen) {
        assumeChromium();
        try {
            Path profile = Files.createTempDirectory("camroll-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--autoplay-policy=no-user-gesture-required",
                    "--lang=en-US",
                    "--user-data-dir=" + profile,
                    "--window-size=" + Math.max(screen.width, 800) + "," + screen.height);
            if (screen == Screen.PHONE) {
                // A desktop window cannot be narrower than 500 px: a phone's screen is emulated.
                options.setExperimentalOption(
                        "mobileEmulation",
                        Map.of(
                                "deviceMetrics",
                                Map.of(
                                        "width",
                                        screen.width,
                                        "height",
                                        screen.height,
                                        "pixelRatio",
                                        2.0,
                                        "touch",
                                        true)));
            }
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, screen, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(URI uri) {
        driver.get(uri.toString());
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs a script that calls its last argument (the callback) when done. */
    Object jsAsync(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (10 s at most) for the condition to give something other than null or false. */
    <T> T await(String what, Supplier<T> condition) {
        return await(what, Duration.ofSeconds(10), condition);
    }

    <T> T await(String what, Duration timeout, Supplier<T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(25))
                    .withMessage(what)
                    .until(driver -> {
                        T value = condition.get();
                        return Boolean.FALSE.equals(value) ? null : value;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page said is most often why.
            throw new AssertionError("waited in vain for " + what + "; the page's console:\n" + console(), e);
        }
    }

    WebElement awaitVisible(String css) {
        return await(css + " to be shown", () -> {
            try {
                List<WebElement> found = all(css);
                return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
            } catch (org.openqa.selenium.StaleElementReferenceException drawnAnew) {
                return null;
            }
        });
    }

    /** The element's text, or "" while it is missing or being drawn anew. */
    String text(String css) {
        try {
            return find(css).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    /** Clicks the element, found again if the page drew it anew in between (a live change may). */
    void click(String css) {
        await("a click on " + css, () -> {
            try {
                WebElement element = find(css);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    /** Keeps a picture of the page as test output: target/screenshots/NAME-desktop.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(
                    shot,
                    SCREENSHOTS.resolve(name + "-" + screen.name().toLowerCase(java.util.Locale.ROOT) + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to its console, for a failure's message. */
    String console() {
        StringBuilder text = new StringBuilder();
        driver.manage().logs().get("browser").forEach(entry -> text.append(entry)
                .append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in the temporary folder is harmless.
            }
        }
    }
}
