package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A visitor on a phone-sized headless Chromium opens the QR URL, fills the form, sees the success page and checks
 * out. Screenshots go to {@code target/screenshots/}. Skipped only when Debian's chromium is not installed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class CheckinBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    WebDriver driver;
    Path profile;

    static String binary(String... candidates) {
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

    @BeforeEach
    void startBrowser() throws IOException {
        String chromium = binary("chromium", "chromium-browser");
        String chromedriver = binary("chromedriver");
        assumeTrue(chromium != null && chromedriver != null, "Debian's chromium and chromium-driver are not installed");
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("checkin-browser-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=390,844", "--lang=vi");
        // a phone set to Vietnamese, as most visitors' are
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aVisitorChecksInAndOutOnAPhone() throws IOException {
        TestVenues.Venue venue = TestVenues.register("Bệnh viện Đa khoa tỉnh Hải Dương", "HOSPITAL");
        driver.get(base + "c/" + venue.entranceToken());
        assertEquals("vi", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(driver.findElement(By.className("venue")).getText().contains("Bệnh viện Đa khoa tỉnh Hải Dương"));
        screenshot("1-form.png");

        // a mistyped phone comes back on the form, marked, with what was typed kept
        driver.findElement(By.id("phone")).sendKeys("0912 888");
        driver.findElement(By.id("name")).sendKeys("Phạm Thị Hoa");
        driver.findElement(By.id("consent")).click();
        submitAndWaitForTheNextPage(By.cssSelector("button[type=submit]"));
        assertEquals("true", driver.findElement(By.id("phone")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("phone-error")).getText().contains("Số điện thoại không hợp lệ"));
        assertEquals("Phạm Thị Hoa", driver.findElement(By.id("name")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("consent")).isSelected(), "consent stays given");
        screenshot("1b-form-phone-error.png");
        driver.findElement(By.id("phone")).clear();
        driver.findElement(By.id("phone")).sendKeys("0912 888 777");
        driver.findElement(By.tagName("summary")).click();
        driver.findElement(By.id("sym-COUGH")).click();
        driver.findElement(By.id("contact-no")).click();
        driver.findElement(By.id("remember")).click();
        screenshot("2-form-filled.png");
        submitAndWaitForTheNextPage(By.cssSelector("button[type=submit]"));

        assertEquals("Đã khai báo thành công", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.getPageSource().contains("Cổng chính"));
        screenshot("3-success.png");
        String checkinId = driver.findElement(By.cssSelector("form[action^='/c/out/']")).getAttribute("action")
                .replaceAll(".*/c/out/", "");
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c
                && c.checkinId().toString().equals(checkinId)).get(0).event().payload();
        assertEquals(CheckedIn.Source.WEB, in.source());
        assertEquals(java.util.List.of("COUGH"), in.declaration().symptoms());

        submitAndWaitForTheNextPage(By.cssSelector("form[action^='/c/out/'] button"));
        assertEquals("Đã check-out", driver.findElement(By.tagName("h1")).getText());
        screenshot("5-checked-out.png");
        assertEquals(1, CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o
                && o.checkinId().toString().equals(checkinId)).size());

        // "remember on this device" was ticked: the next scan pre-fills phone and name
        driver.get(base + "c/" + venue.token() + "?lang=en");
        assertEquals("0912 888 777", driver.findElement(By.id("phone")).getAttribute("value"));
        assertEquals("Phạm Thị Hoa", driver.findElement(By.id("name")).getAttribute("value"));
        screenshot("4-form-english-remembered.png");
    }

    @Test
    void aBadCodeShowsAFriendlyPage() throws IOException {
        driver.get(base + "c/this-is-not-a-code");
        assertEquals("Không thể khai báo", driver.findElement(By.tagName("h1")).getText());
        screenshot("6-bad-code.png");
    }

    /**
     * Clicks a submit button and waits until the browser has replaced the page (else the old page's h1 is read). The
     * old page is marked and the wait asks the browser, not an old element handle: during navigation Chrome may answer
     * a question about an old element with "Node ... does not belong to the document" instead of "stale" (seen in a
     * clean-clone run), which the staleness check did not expect.
     */
    private void submitAndWaitForTheNextPage(By button) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("document.documentElement.setAttribute('data-left', '1')");
        driver.findElement(button).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-left')")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
