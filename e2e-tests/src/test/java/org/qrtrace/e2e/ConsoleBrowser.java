package org.qrtrace.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qrtrace.testing.Chromium;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The console test's browser: test-support's {@link Chromium} at laptop size, with screenshots of each page at laptop
 * and tablet sizes ({@code console-NAME-laptop.png}, {@code console-NAME-tablet.png}).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension TABLET = new Dimension(768, 1024);

    private final Chromium chromium;

    ConsoleBrowser(Path screenshots) throws IOException {
        chromium = new Chromium(LAPTOP, screenshots);
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    void open(String url) {
        chromium.open(url);
    }

    /** Clicks and waits until the browser has replaced the page. */
    void clickAndWait(By target) {
        chromium.clickAndWaitForTheNextPage(target);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return chromium.waitUntil(Duration.ofSeconds(30), condition);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return chromium.waitUntil(timeout, condition);
    }

    void resize(Dimension viewport) {
        chromium.resize(viewport);
    }

    /** The page at laptop and tablet size. */
    void screenshots(String name) throws IOException {
        screenshots(name, null);
    }

    /** The same with the element {@code anchorId} scrolled to the top of the viewport. */
    void screenshots(String name, String anchorId) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("laptop", LAPTOP, "tablet", TABLET).entrySet()) {
            resize(size.getValue());
            int width = size.getValue().getWidth();
            // Charts redrawn at once (no animation), so the screenshot can be taken as soon as each has its new width.
            js("window.dispatchEvent(new Event('resize'));"
                    + "if (window.echarts) { document.querySelectorAll('[_echarts_instance_]').forEach(function (e) {"
                    + " var c = echarts.getInstanceByDom(e); if (c) { c.resize({animation: {duration: 0}}); } }); }");
            if (anchorId != null) {
                js("var e = document.getElementById(arguments[0]); if (e) { e.scrollIntoView(true); }", anchorId);
            } else {
                js("window.scrollTo(0, 0)");
            }
            waitUntil(d -> Boolean.TRUE.equals(js("return window.innerWidth === arguments[0] && (!window.echarts || "
                    + "Array.prototype.every.call(document.querySelectorAll('[_echarts_instance_]'), function (e) {"
                    + " var c = echarts.getInstanceByDom(e); return !c || c.getWidth() === e.clientWidth; }));", width)));
            chromium.screenshot("console-" + name + "-" + size.getKey() + ".png");
        }
        resize(LAPTOP);
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
