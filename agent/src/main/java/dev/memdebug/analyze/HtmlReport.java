package dev.memdebug.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page (no external script, style sheet or font): an SVG chart of memory over
 * time against the limit and the HIGH/CRITICAL lines, with alarms, limits and spikes marked and restarts
 * drawn as breaks, and the findings beside it.
 */
public final class HtmlReport {

    /** The colour of the memory line; the browser test looks for it in the rendered page. */
    public static final String LINE_COLOUR = "#1f6fd1";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private HtmlReport() {
    }

    public static String render(Analysis a) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>memdebug report</title>\n<style>")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1b1f24;background:#fff}")
                .append("h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 8px}")
                .append(".wrap{display:flex;gap:24px;flex-wrap:wrap}.chart{flex:0 0 auto}.side{flex:1 1 320px;min-width:300px}")
                .append(".finding{border-left:4px solid #d73a49;padding:6px 10px;margin:0 0 12px;background:#fafbfc}")
                .append(".finding h3{font-size:14px;margin:0 0 4px}.finding p{margin:4px 0;font-size:13px}")
                .append("pre{font-size:11px;white-space:pre-wrap;margin:4px 0;color:#444}.run{font-size:13px;margin:2px 0}")
                .append(".legend span{display:inline-block;margin-right:14px;font-size:12px}")
                .append("</style></head><body>\n");
        h.append("<h1>memdebug report</h1><div class=\"run\">").append(esc(String.join(", ", a.files()))).append("</div>\n");
        h.append("<div class=\"wrap\"><div class=\"chart\">").append(chart(a)).append(legend()).append("</div>\n<div class=\"side\">");
        h.append("<h2>Runs</h2>");
        for (int i = 0; i < a.runs().size(); i++) {
            RunRecord r = a.runs().get(i);
            h.append("<div class=\"run\"><b>Run ").append(i + 1).append("</b> ").append(esc(r.app()))
                    .append(r.started() != null ? ", started " + esc(r.started()) : "").append(": ").append(esc(r.ending().words()))
                    .append(r.peakMb() >= 0 ? "; peak " + Analyzer.fmt(r.peakMb()) + " MB" : "").append("</div>");
            if (!r.journalOperations().isEmpty()) {
                h.append("<pre>last operations: ").append(esc(String.join("\n", r.journalOperations()))).append("</pre>");
            }
        }
        h.append("<h2>Findings</h2>");
        if (a.findings().isEmpty()) {
            h.append("<p>No finding: nothing in this log points at a cause.</p>");
        }
        for (int i = 0; i < a.findings().size(); i++) {
            Finding f = a.findings().get(i);
            h.append("<div class=\"finding\"><h3>").append(i + 1).append(". ").append(esc(f.title())).append("</h3><p>")
                    .append(esc(f.detail())).append("</p><p><b>Fix:</b> ").append(esc(f.advice())).append("</p><pre>");
            for (String e : f.evidence()) {
                h.append(esc(e)).append('\n');
            }
            h.append("</pre></div>");
        }
        h.append("</div></div>\n</body></html>\n");
        return h.toString();
    }

    private static String chart(Analysis a) {
        List<LogEventRecord> all = new ArrayList<>();
        double maxMb = 0;
        double limit = -1;
        double high = -1;
        double critical = -1;
        for (RunRecord r : a.runs()) {
            for (LogEventRecord e : r.events()) {
                if (e.mb >= 0) {
                    all.add(e);
                    maxMb = Math.max(maxMb, e.mb);
                }
            }
            limit = Math.max(limit, Analyzer.limitOf(r));
            high = Math.max(high, r.highMb);
            critical = Math.max(critical, r.criticalMb);
        }
        if (limit > 0 && high < 0) {
            high = limit * 0.8;
            critical = limit * 0.94;
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"memory over time\">");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>");
        if (all.isEmpty()) {
            s.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2).append("\" text-anchor=\"middle\">no memory figures in this log</text></svg>");
            return s.toString();
        }
        long t0 = all.stream().mapToLong(LogEventRecord::epochSecond).min().orElse(0);
        long t1 = Math.max(t0 + 1, all.stream().mapToLong(LogEventRecord::epochSecond).max().orElse(1));
        double top = Math.max(maxMb, limit) * 1.08;
        Scale x = v -> LEFT + (v - t0) * (WIDTH - LEFT - RIGHT) / (double) (t1 - t0);
        Scale y = v -> HEIGHT - BOTTOM - v * (HEIGHT - TOP - BOTTOM) / top;
        for (int k = 0; k <= 4; k++) {
            double mb = top * k / 4;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eaecef\"/>", LEFT, WIDTH - RIGHT, y.at(mb), y.at(mb)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#586069\">%.0f MB</text>", LEFT - 6, y.at(mb) + 4, mb));
        }
        threshold(s, y, limit, "#d73a49", "limit", false);
        threshold(s, y, critical, "#d73a49", "CRITICAL", true);
        threshold(s, y, high, "#e36209", "HIGH", true);
        for (int r = 0; r < a.runs().size(); r++) {
            RunRecord run = a.runs().get(r);
            StringBuilder points = new StringBuilder();
            for (LogEventRecord e : run.events()) {
                if (e.mb >= 0) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(e.epochSecond), y.at(e.mb)));
                }
            }
            if (r > 0 && !run.events().isEmpty()) {
                double rx = x.at(run.events().get(0).epochSecond);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#6a737d\" stroke-dasharray=\"2,3\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#6a737d\">restart</text>", rx, rx, TOP, HEIGHT - BOTTOM, rx + 3, TOP + 10));
            }
            if (points.length() > 0) {
                s.append("<polyline fill=\"none\" stroke=\"").append(LINE_COLOUR).append("\" stroke-width=\"3\" points=\"").append(points).append("\"/>");
            }
            for (LogEventRecord e : run.events()) {
                String colour = switch (e.kind) {
                    case CRITICAL -> "#d73a49";
                    case HIGH -> "#e36209";
                    case SPIKE -> "#6f42c1";
                    default -> null;
                };
                if (colour != null && e.mb >= 0) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s</title></circle>",
                            x.at(e.epochSecond), y.at(e.mb), colour, esc(e.head)));
                }
                if (e.kind == LogEventRecord.Kind.LIMIT) {
                    double lx = x.at(e.epochSecond);
                    s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l-5 -9 h10 z\" fill=\"#b08800\"><title>%s</title></path>",
                            lx, HEIGHT - BOTTOM, esc(e.head)));
                }
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#586069\">%s</text>", LEFT, HEIGHT - 12, esc(all.get(0).stamp)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#586069\">%s</text>",
                WIDTH - RIGHT, HEIGHT - 12, esc(all.get(all.size() - 1).stamp)));
        s.append("</svg>");
        return s.toString();
    }

    private static void threshold(StringBuilder s, Scale y, double mb, String colour, String label, boolean dashed) {
        if (mb <= 0) {
            return;
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"%s/>"
                        + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"%s\">%s %.0f MB</text>",
                LEFT, WIDTH - RIGHT, y.at(mb), y.at(mb), colour, dashed ? " stroke-dasharray=\"6,4\"" : "",
                WIDTH - RIGHT - 4, y.at(mb) - 3, colour, label, mb));
    }

    private static String legend() {
        return "<div class=\"legend\"><span style=\"color:" + LINE_COLOUR + "\">&#9644; memory</span><span style=\"color:#d73a49\">&#9679; CRITICAL</span>"
                + "<span style=\"color:#e36209\">&#9679; HIGH</span><span style=\"color:#6f42c1\">&#9679; spike</span>"
                + "<span style=\"color:#b08800\">&#9650; limit exceeded</span></div>";
    }

    private interface Scale {
        double at(double v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
