package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.testing.Chromium;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;

import java.io.IOException;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visitor on a phone-sized headless Chromium opens the QR URL, fills the form, sees the success page and checks
 * out. Screenshots go to {@code target/screenshots/}. Skipped only when Debian's chromium is not installed
 * ({@link Chromium}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class CheckinBrowserTest {

    @TestHTTPResource("/")
    URL base;

    Chromium browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Chromium();
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
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

    private void submitAndWaitForTheNextPage(By button) {
        browser.clickAndWaitForTheNextPage(button);
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
