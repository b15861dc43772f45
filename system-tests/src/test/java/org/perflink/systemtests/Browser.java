package org.perflink.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven over WebDriver by its chromedriver (both from the machine's packages:
 * {@code chromium}, {@code chromium-driver}; {@code .ci/run} installs them, nothing is downloaded), in a fresh
 * profile of its own, with the flags this closed network needs (no background connections to the outside).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("perflink.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("perflink.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("perflink.systemtests.screenshots", "target/screenshots"))
            .toAbsolutePath().normalize();
    /** Where the screenshots the README shows are kept (committed): the repository's {@code docs/screenshots/}. */
    static final Path DOCS_SCREENSHOTS = Path.of(System.getProperty("perflink.docs.screenshots", "../docs/screenshots"))
            .toAbsolutePath().normalize();

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser. Without Chromium and its driver the test is skipped on a developer's machine, but fails
     * in CI ({@code CI} set), where {@code .ci/run} must have installed them.
     */
    static Browser start(Path profile, Path log) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("no " + CHROMIUM + " or " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        Files.createDirectories(profile);
        // chromedriver exits at once when its log's folder is missing (a clean clone, this test the first to run)
        Files.createDirectories(log.toAbsolutePath().getParent());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=zh-CN",
                "--user-data-dir=" + profile, "--window-size=1500,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(log.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits (bounded) until {@code condition} returns something other than null or false. An element the page
     * re-rendered while the condition read it (stale) means "not yet", as a missing one does: the next poll reads the
     * new one.
     */
    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Downloads {@code url} as the page would (same origin, its login), through the page's own {@code fetch}; the bytes,
     * or an AssertionError naming the HTTP status.
     */
    byte[] download(String url) {
        Object got = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {"
                + "  if (!r.ok) { done('HTTP ' + r.status); return; }"
                + "  return r.arrayBuffer().then(function (b) {"
                + "    var u = new Uint8Array(b), s = '';"
                + "    for (var i = 0; i < u.length; i += 8192) { s += String.fromCharCode.apply(null, u.subarray(i, i + 8192)); }"
                + "    done({base64: btoa(s)});"
                + "  });"
                + "}).catch(function (e) { done('failed: ' + e); });", url);
        if (!(got instanceof java.util.Map<?, ?> m)) {
            throw new AssertionError("download of " + url + ": " + got);
        }
        return java.util.Base64.getDecoder().decode((String) m.get("base64"));
    }

    /** The whole page as {@code target/screenshots/NAME.png} (the window grown to the page's height first). */
    Path screenshot(String name) throws IOException {
        return screenshot(name, true);
    }

    /** {@code target/screenshots/NAME.png}: the whole page, or what the window shows. */
    Path screenshot(String name, boolean wholePage) throws IOException {
        if (!wholePage) {
            return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE));
        }
        Dimension size = driver.manage().window().getSize();
        long height = ((Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
                .longValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(700, height + 140))));
        try {
            return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE));
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private static Path save(String name, File shot) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    /** Copies a screenshot to {@link #DOCS_SCREENSHOTS} (the README's images). */
    static Path keep(Path shot) throws IOException {
        Files.createDirectories(DOCS_SCREENSHOTS);
        return Files.copy(shot, DOCS_SCREENSHOTS.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the test's temporary directory is removed with it
        }
    }
}
