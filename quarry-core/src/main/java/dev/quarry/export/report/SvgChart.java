package dev.quarry.export.report;

import dev.quarry.io.HtmlText;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG bar charts: horizontal bars (one row per label, an optional target tick) and a vertical
 * histogram. Text is escaped; coordinates are formatted with {@link Locale#ROOT} so the markup never
 * depends on the machine's locale.
 */
final class SvgChart {
  private static final int WIDTH = 640;
  private static final int LABEL = 170;
  private static final int ROW = 22;

  private SvgChart() {}

  /** Horizontal bars of {@code counts}; a dark tick marks {@code targets.get(label)} when present and > 0. */
  static String bars(String title, Map<String, Long> counts, Map<String, Long> targets) {
    if (counts.isEmpty()) {
      return "<p class=\"na\">n/a</p>";
    }
    long max = 1;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      max = Math.max(max, Math.max(e.getValue(), targets.getOrDefault(e.getKey(), 0L)));
    }
    int plot = WIDTH - LABEL - 60;
    int height = counts.size() * ROW + 10;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\"><title>")
        .append(HtmlText.esc(title)).append("</title>");
    int y = 5;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      double w = plot * (double) e.getValue() / max;
      s.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15)
          .append("\" text-anchor=\"end\" class=\"lbl\">").append(HtmlText.esc(e.getKey())).append("</text>");
      s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w))
          .append("\" height=\"").append(ROW - 6).append("\" class=\"bar\"/>");
      long target = targets.getOrDefault(e.getKey(), 0L);
      String value = e.getValue() + (target > 0 ? " / " + target : "");
      if (target > 0) {
        double tx = LABEL + plot * (double) target / max;
        s.append("<line x1=\"").append(fmt(tx)).append("\" x2=\"").append(fmt(tx)).append("\" y1=\"").append(y)
            .append("\" y2=\"").append(y + ROW).append("\" class=\"target\"/>");
      }
      s.append("<text x=\"").append(fmt(LABEL + Math.max(w, target > 0 ? plot * (double) target / max : 0) + 6))
          .append("\" y=\"").append(y + 15).append("\" class=\"val\">").append(value).append("</text>");
      y += ROW;
    }
    return s.append("</svg>").toString();
  }

  /** Vertical bars of {@code buckets} in order, for a histogram. */
  static String histogram(String title, Map<String, Long> buckets) {
    if (buckets.isEmpty()) {
      return "<p class=\"na\">n/a</p>";
    }
    long max = Math.max(1, buckets.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int top = 18;
    int plotH = 170;
    int height = top + plotH + 70;
    double col = (WIDTH - 20.0) / buckets.size();
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\"><title>")
        .append(HtmlText.esc(title)).append("</title>");
    int i = 0;
    for (Map.Entry<String, Long> e : buckets.entrySet()) {
      double h = plotH * (double) e.getValue() / max;
      double x = 10 + i * col;
      s.append("<rect x=\"").append(fmt(x + 2)).append("\" y=\"").append(fmt(top + plotH - h)).append("\" width=\"")
          .append(fmt(Math.max(1, col - 4))).append("\" height=\"").append(fmt(h)).append("\" class=\"bar\"/>");
      s.append("<text x=\"").append(fmt(x + col / 2)).append("\" y=\"").append(fmt(top - 4 + plotH - h))
          .append("\" text-anchor=\"middle\" class=\"val\">").append(e.getValue()).append("</text>");
      s.append("<text x=\"").append(fmt(x + col / 2)).append("\" y=\"").append(top + plotH + 18)
          .append("\" text-anchor=\"end\" transform=\"rotate(-35 ").append(fmt(x + col / 2)).append(' ')
          .append(top + plotH + 18).append(")\" class=\"lbl\">").append(HtmlText.esc(e.getKey())).append("</text>");
      i++;
    }
    return s.append("</svg>").toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
