package org.qrtrace.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Debian Chromium with a fresh profile (so no cookie of another user), for the console test. Skips the test
 * (an assumption) when chromium or chromium-driver is not installed.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension TABLET = new Dimension(768, 1024);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    ConsoleBrowser(Path screenshots) throws IOException {
        File chromium = new File("/usr/bin/chromium");
        File chromedriver = new File("/usr/bin/chromedriver");
        assumeTrue(chromium.canExecute() && chromedriver.canExecute(), "Debian's chromium and chromium-driver are not installed");
        System.setProperty("SE_OFFLINE", "true");
        this.screenshots = screenshots;
        profile = Files.createTempDirectory("console-browser-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1366,768", "--lang=vi");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        resize(LAPTOP);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        Files.createDirectories(screenshots);
    }

    ChromeDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    /** Clicks and waits until the browser has replaced the page. */
    void clickAndWait(By target) {
        js("document.documentElement.setAttribute('data-left', '1')");
        driver.findElement(target).click();
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-left')")));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(Duration.ofSeconds(30), condition);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(WebDriverException.class).until(condition);
    }

    void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        Number w = (Number) js("return window.innerWidth");
        Number h = (Number) js("return window.innerHeight");
        if (w.intValue() != viewport.getWidth() || h.intValue() != viewport.getHeight()) {
            driver.manage().window().setSize(new Dimension(2 * viewport.getWidth() - w.intValue(),
                    2 * viewport.getHeight() - h.intValue()));
        }
    }

    /** The page at laptop and tablet size: {@code console-NAME-laptop.png} and {@code console-NAME-tablet.png}. */
    void screenshots(String name) throws IOException {
        screenshots(name, null);
    }

    /** The same with the element {@code anchorId} scrolled to the top of the viewport. */
    void screenshots(String name, String anchorId) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("laptop", LAPTOP, "tablet", TABLET).entrySet()) {
            resize(size.getValue());
            js("window.dispatchEvent(new Event('resize'));"
                    + "if (window.echarts) { document.querySelectorAll('[_echarts_instance_]').forEach(function (e) {"
                    + " var c = echarts.getInstanceByDom(e); if (c) { c.resize(); } }); }");
            if (anchorId != null) {
                js("var e = document.getElementById(arguments[0]); if (e) { e.scrollIntoView(true); }", anchorId);
            } else {
                js("window.scrollTo(0, 0)");
            }
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.write(screenshots.resolve("console-" + name + "-" + size.getKey() + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        resize(LAPTOP);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
