package org.qrtrace.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one headless Debian Chromium of the browser tests (checkin-service's pages, the officer console's end-to-end
 * test): set to Vietnamese, a fresh profile (so no cookie and an empty localStorage) per instance, a viewport of the
 * size asked for (a phone, 390×844, by default). The constructor skips the test (an assumption) only when chromium or
 * chromium-driver is not installed. Screenshots go to {@code target/screenshots/} unless another folder is given.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension LAPTOP = new Dimension(1366, 900);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    public Chromium() throws IOException {
        this(PHONE, SCREENSHOTS);
    }

    /** A browser whose viewport is {@code viewport}, writing screenshots into {@code screenshots}. */
    public Chromium(Dimension viewport, Path screenshots) throws IOException {
        String chromium = binary("chromium", "chromium-browser");
        String chromedriver = binary("chromedriver");
        assumeTrue(chromium != null && chromedriver != null, "Debian's chromium and chromium-driver are not installed");
        System.setProperty("SE_OFFLINE", "true");
        this.screenshots = screenshots;
        profile = Files.createTempDirectory("browser-test-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + viewport.getWidth() + "," + viewport.getHeight(), "--lang=vi");
        // set to Vietnamese, as most visitors' phones and officers' computers are
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        resize(viewport);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(screenshots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Clicks a submit button or a link and waits until the browser has replaced the page (else the old page's h1 is
     * read). The old page is marked and the wait asks the browser, not an old element handle: during navigation Chrome
     * may answer a question about an old element with "Node ... does not belong to the document" instead of "stale"
     * (seen in a clean-clone run), which the staleness check did not expect.
     */
    public void clickAndWaitForTheNextPage(By target) {
        js("document.documentElement.setAttribute('data-left', '1')");
        driver.findElement(target).click();
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-left')")));
    }

    /** Opens a page and waits until it has loaded. */
    public void open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    public <T> T waitUntil(Function<org.openqa.selenium.WebDriver, T> condition) {
        return waitUntil(Duration.ofSeconds(20), condition);
    }

    public <T> T waitUntil(Duration timeout, Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(WebDriverException.class).until(condition);
    }

    /** Makes the page's viewport (what a screenshot shows) this size: the window is that plus the browser's frame. */
    public void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        Number w = (Number) js("return window.innerWidth");
        Number h = (Number) js("return window.innerHeight");
        if (w.intValue() != viewport.getWidth() || h.intValue() != viewport.getHeight()) {
            driver.manage().window().setSize(new Dimension(2 * viewport.getWidth() - w.intValue(),
                    2 * viewport.getHeight() - h.intValue()));
        }
    }

    public void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of the whole page, however long, at the window's width (Chrome's own capture beyond the viewport). */
    public void fullPageScreenshot(String name) throws IOException {
        Number width = (Number) js("return window.innerWidth");
        Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight)");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(screenshots.resolve(name), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static String binary(String... candidates) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String c : candidates) {
                File f = new File(dir, c);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return Arrays.stream(candidates).map(c -> new File("/usr/bin", c)).filter(File::canExecute)
                .map(File::getAbsolutePath).findFirst().orElse(null);
    }
}
