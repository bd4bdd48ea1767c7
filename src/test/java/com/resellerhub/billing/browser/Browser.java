package com.resellerhub.billing.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}, nothing downloaded
 * (the driver path is explicit, so Selenium Manager is never asked). Missing browser = failed test, not a skipped
 * one: {@code .ci/run} installs both packages. Screenshots of every step go to
 * {@code target/screenshots/<test class>/NN-step.png}.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("billing.browser.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("billing.browser.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriverService service;
  private final WebDriver driver;
  private final Path profile;
  private final Path screenshots;
  private final String base;
  private int step;

  private Browser(String base, String name) throws IOException {
    this.base = base;
    this.screenshots = Path.of("target", "screenshots", name);
    Files.createDirectories(screenshots);
    try (Stream<Path> old = Files.list(screenshots)) {
      old.forEach(p -> p.toFile().delete());
    }
    this.profile = Files.createTempDirectory("chromium-profile-");
    this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogFile(Path.of("target", "chromedriver-" + name + ".log").toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
  }

  /** Starts Chromium, or fails the test saying how to install it. */
  public static Browser open(String base, String name) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("The real-browser tests need Debian's Chromium and its driver: " + CHROMIUM + " and " + CHROMEDRIVER
          + " were not found. Install them with `apt-get update && apt-get install -y chromium chromium-driver`"
          + " (.ci/run does), or point -Dbilling.browser.chromium / -Dbilling.browser.chromedriver at them.");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      return new Browser(base, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(base + path);
  }

  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(condition);
  }

  public WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  /**
   * Clicks an element. Through a DOM click, not ChromeDriver's native input: in headless Chromium 156 the native
   * mouse and key events of ChromeDriver never reach the pages of Camunda 7.24's webapps (not even a capturing
   * listener on {@code window} sees them; plain pages get them), so the tests act through the DOM, which is what
   * AngularJS and form-js listen to.
   */
  public void click(By by) {
    WebElement element = clickable(by);
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** Types a value into an input the way a user's typing ends: the value, then an input and a change event. */
  public void type(By by, String value) {
    WebElement element = visible(by);
    js("var e = arguments[0]; e.focus(); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        element, value);
  }

  public Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Logs in on the login page of a Camunda webapp (Tasklist, Cockpit, Admin). */
  public void loginToWebapp(String app, String user, String password) {
    go("/camunda/app/" + app + "/default/");
    By username = By.cssSelector("form.ng-scope[name='signinForm'] input[ng-model='username']");
    By secret = By.cssSelector("form.ng-scope[name='signinForm'] input[ng-model='password']");
    until(d -> {
      type(username, user);
      type(secret, password);
      return user.equals(d.findElement(username).getDomProperty("value"))
          && password.equals(d.findElement(secret).getDomProperty("value"));
    });
    screenshot(app + "-login-" + user);
    click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  /** Saves a screenshot as {@code NN-name.png}; returns its path. */
  public Path screenshot(String name) {
    step++;
    Path target = screenshots.resolve(String.format("%02d-%s.png", step, name));
    try {
      File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The page's HTML, saved next to the screenshots when a step fails. */
  public void dumpPage(String name) {
    try {
      Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
    } catch (RuntimeException | IOException e) {
      // best effort
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp directory; best effort
      }
    }
  }
}
