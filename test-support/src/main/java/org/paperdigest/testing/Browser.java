package org.paperdigest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through its chromedriver, as a reader's browser: the machine's own binaries
 * ({@code CHROMIUM_BINARY}, default {@code /usr/bin/chromium}; {@code CHROMEDRIVER}, default
 * {@code /usr/bin/chromedriver}; Debian's {@code chromium} and {@code chromium-driver}), never a download.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        Path binary = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("the browser test needs " + binary + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver; or set CHROMIUM_BINARY and CHROMEDRIVER)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2400", "--lang=ja");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // A dialog a page opens stays open until asked about (openDialog), instead of being dismissed unseen.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement first(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** Opens a {@code <details>} the way a reader does: a click on its summary. */
    public void expand(WebElement details) {
        details.findElement(By.cssSelector("summary")).click();
    }

    /** What the page wrote to the console at level SEVERE (errors, refused scripts or styles, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The text of the alert, confirm or prompt dialog the page has open, if it has one. */
    public Optional<String> openDialog() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException none) {
            return Optional.empty();
        }
    }

    /** Runs {@code script} in the page as a function body and gives back what it returns. */
    public Object evaluate(String script) {
        return driver.executeScript(script);
    }

    public Path screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
