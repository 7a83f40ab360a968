package org.rishe.api;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium the dashboard is tested and benchmarked in (Debian's chromium and
 * chromium-driver, found on the PATH): one set of options, so that bench/dashboard times the page
 * DashboardBrowserTest checks.
 */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  /** The first executable of that name in a folder of the PATH, or null. */
  public static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
        return Path.of(folder, name);
      }
    }
    return null;
  }

  /** Headless, sandbox and background traffic off, a 1280×1100 window, {@code profile} its own. */
  public static ChromeOptions options(Path chromium, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1100",
        "--user-data-dir=" + profile);
    return options;
  }

  /** The chromedriver at {@code chromedriver}, on a free port. */
  public static ChromeDriverService service(Path chromedriver) {
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver.toString()))
        .usingAnyFreePort()
        .build();
  }
}
