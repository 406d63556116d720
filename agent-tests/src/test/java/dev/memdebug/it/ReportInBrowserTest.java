package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.HtmlReport;
import dev.memdebug.it.support.AgentJvm;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --html} renders in a real headless Chromium: the page is drawn to a PNG and the memory
 * line and the threshold lines must be there in pixels, not just in the file.
 */
class ReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void theChartIsDrawn() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            if ("true".equals(System.getenv("MEMDEBUG_REQUIRE_CHROMIUM"))) {
                throw new AssertionError("MEMDEBUG_REQUIRE_CHROMIUM=true but /usr/bin/chromium is missing (apt-get install chromium)");
            }
            Assumptions.abort("no /usr/bin/chromium; install Debian's chromium to render the report (apt-get install chromium)");
        }
        Path log = dir.resolve("memory_debug.log");
        Files.copy(AgentJvm.PROJECT.resolve("agent/src/test/resources/logs/seed-crash.log"), log);
        Path html = dir.resolve("report.html");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                AgentJvm.AGENT_JAR.toString(), "analyze", log.toString(), "--html", html.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("analyze.txt").toFile());
        assertEquals(1, pb.start().waitFor(), Files.readString(dir.resolve("analyze.txt")));
        Path png = dir.resolve("report.png");
        Process browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--hide-scrollbars",
                "--window-size=1400,1000", "--screenshot=" + png, html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.txt").toFile()).start();
        assertTrue(browser.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.size(png) > 1000, Files.readString(dir.resolve("chromium.txt")));
        BufferedImage image = ImageIO.read(png.toFile());
        int line = count(image, HtmlReport.LINE_COLOUR);
        int red = count(image, "#d73a49");
        assertTrue(line > 400, "the memory line is drawn: " + line + " pixels");
        assertTrue(red > 200, "the limit and CRITICAL lines are drawn: " + red + " pixels");
    }

    private static int count(BufferedImage image, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (Math.abs(((rgb >> 16) & 255) - ((want >> 16) & 255)) < 12 && Math.abs(((rgb >> 8) & 255) - ((want >> 8) & 255)) < 12
                        && Math.abs((rgb & 255) - (want & 255)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
