package io.tollgate.portal.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One system Chromium for the whole test JVM (nothing is downloaded); each test gets fresh browser contexts, closed
 * after it by {@link ClosesBrowserContexts}.
 */
public final class Browser {

    static final Path SCREENSHOTS = Paths.get("..", "docs", "screenshots");
    private static com.microsoft.playwright.Browser chromium;
    private static final List<BrowserContext> openContexts = new CopyOnWriteArrayList<>();

    private Browser() {
    }

    static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            // a loaded CI machine answers slower than Playwright's 5 s default; a real failure still fails, later
            PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            Playwright playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable())
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return chromium;
    }

    /** Chromium's headless shell when installed (see docs/benchmarks.md, "The test suite's time"), else Chromium. */
    private static Path executable() {
        Path shell = Paths.get("/usr/lib/chromium/chromium-headless-shell");
        return Files.isExecutable(shell) ? shell : Paths.get("/usr/bin/chromium");
    }

    public static Page desktop(String baseUrl) {
        return open(baseUrl, 1280, 800);
    }

    public static Page phone(String baseUrl) {
        return open(baseUrl, 390, 844);
    }

    private static Page open(String baseUrl, int width, int height) {
        BrowserContext context = chromium().newContext(new NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(width, height));
        openContexts.add(context);
        context.onClose(openContexts::remove);
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /**
     * Closes the contexts the test opened: a page left open keeps its renderer and its Vaadin UI (heartbeats,
     * polling) busy for the rest of the test JVM.
     */
    static void closeContexts() {
        openContexts.forEach(BrowserContext::close);
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // an overlay still fading in would be caught half drawn: its animation is finished first
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
                .setAnimations(ScreenshotAnimations.DISABLED));
    }
}
