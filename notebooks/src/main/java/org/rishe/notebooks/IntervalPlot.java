package org.rishe.notebooks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.rishe.client.Estimate;

/** A forest plot drawn with Java2D: dots with whiskers, one line per row and series. */
final class IntervalPlot {
  private static final int WIDTH = 900;
  private static final int LINE = 16;
  private static final int TOP = 60;
  private static final int BOTTOM = 60;
  private static final int RIGHT = 40;

  /** Ratios beyond this factor from 1 are drawn at the edge: one tiny cell must not flatten all. */
  private static final double RATIO_LIMIT = 50;

  private final String title;
  private final String axisTitle;
  private final double reference;
  private final boolean logScale;
  private final List<String> seriesNames;
  private final List<Charts.Row> rows;
  private double low;
  private double high;
  private int left;

  IntervalPlot(
      String title,
      String axisTitle,
      double reference,
      boolean logScale,
      List<String> seriesNames,
      List<Charts.Row> rows) {
    this.title = title;
    this.axisTitle = axisTitle;
    this.reference = reference;
    this.logScale = logScale;
    this.seriesNames = List.copyOf(seriesNames);
    this.rows = List.copyOf(rows);
  }

  BufferedImage draw() {
    int rowHeight = LINE * seriesNames.size() + 10;
    int height = TOP + Math.max(1, rows.size()) * rowHeight + BOTTOM;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = Charts.canvas(image);
    FontMetrics metrics = g.getFontMetrics();
    left = 20 + rows.stream().mapToInt(row -> metrics.stringWidth(label(row))).max().orElse(80);
    left = Math.min(left, 330);
    domain();

    g.setFont(Charts.TITLE);
    g.setColor(Color.BLACK);
    g.drawString(title, 20, 28);
    g.setFont(Charts.FONT);
    legend(g, metrics);

    int plotBottom = height - BOTTOM;
    axis(g, metrics, plotBottom);
    for (int r = 0; r < rows.size(); r++) {
      Charts.Row row = rows.get(r);
      int y0 = TOP + r * rowHeight;
      if (r % 2 == 1) {
        g.setColor(new Color(0xf4f6f8));
        g.fillRect(left, y0, WIDTH - RIGHT - left, rowHeight);
      }
      g.setColor(Color.BLACK);
      g.drawString(label(row), 10, y0 + rowHeight / 2 + 5);
      for (int s = 0; s < row.estimates().size() && s < seriesNames.size(); s++) {
        Estimate estimate = row.estimates().get(s);
        if (estimate == null) {
          continue;
        }
        int y = y0 + 5 + s * LINE + LINE / 2;
        Color color = Charts.PALETTE[s % Charts.PALETTE.length];
        g.setColor(color);
        Charts.stroke(g, 2f);
        if (estimate.low() != null && estimate.high() != null) {
          g.drawLine(x(estimate.low()), y, x(estimate.high()), y);
          g.drawLine(x(estimate.low()), y - 4, x(estimate.low()), y + 4);
          g.drawLine(x(estimate.high()), y - 4, x(estimate.high()), y + 4);
        }
        if (estimate.estimate() != null) {
          int x = x(estimate.estimate());
          g.fillOval(x - 5, y - 5, 10, 10);
        }
      }
    }
    g.dispose();
    return image;
  }

  private String label(Charts.Row row) {
    return row.label().length() <= 40 ? row.label() : row.label().substring(0, 39) + "…";
  }

  private void legend(Graphics2D g, FontMetrics metrics) {
    if (seriesNames.size() < 2) {
      return;
    }
    int x = WIDTH - RIGHT;
    for (int s = seriesNames.size() - 1; s >= 0; s--) {
      x -= metrics.stringWidth(seriesNames.get(s)) + 34;
      g.setColor(Charts.PALETTE[s % Charts.PALETTE.length]);
      g.fillOval(x, 37, 10, 10);
      g.setColor(Color.BLACK);
      g.drawString(seriesNames.get(s), x + 16, 47);
    }
  }

  private void axis(Graphics2D g, FontMetrics metrics, int plotBottom) {
    g.setColor(Color.GRAY);
    Charts.stroke(g, 1f);
    g.drawLine(left, plotBottom, WIDTH - RIGHT, plotBottom);
    for (double tick : ticks()) {
      int x = x(tick);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, TOP, x, plotBottom);
      g.setColor(Color.DARK_GRAY);
      String text = Charts.format(tick);
      g.drawString(text, x - metrics.stringWidth(text) / 2, plotBottom + 18);
    }
    g.setColor(Color.BLACK);
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
    g.drawLine(x(reference), TOP - 4, x(reference), plotBottom);
    g.drawString(
        axisTitle,
        left + (WIDTH - RIGHT - left - metrics.stringWidth(axisTitle)) / 2,
        plotBottom + 42);
  }

  private void domain() {
    List<Double> values = new ArrayList<>();
    values.add(reference);
    for (Charts.Row row : rows) {
      for (Estimate estimate : row.estimates()) {
        if (estimate != null) {
          for (Double value : new Double[] {estimate.estimate(), estimate.low(), estimate.high()}) {
            if (value != null && Double.isFinite(value) && (!logScale || value > 0)) {
              values.add(logScale ? clamp(value) : value);
            }
          }
        }
      }
    }
    low = scale(values.stream().mapToDouble(Double::doubleValue).min().orElse(reference));
    high = scale(values.stream().mapToDouble(Double::doubleValue).max().orElse(reference));
    double pad = Math.max((high - low) * 0.05, logScale ? 0.05 : 0.01);
    low -= pad;
    high += pad;
  }

  private List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    if (logScale) {
      for (double decade = 0.01; decade <= 1000; decade *= 10) {
        for (double step : new double[] {1, 2, 5}) {
          double tick = decade * step;
          if (scale(tick) >= low && scale(tick) <= high) {
            ticks.add(tick);
          }
        }
      }
      return ticks;
    }
    double raw = (high - low) / 6;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw / magnitude >= 5 ? 5 * magnitude : raw / magnitude >= 2 ? 2 * magnitude : magnitude;
    for (double tick = Math.ceil(low / step) * step; tick <= high; tick += step) {
      ticks.add(Math.abs(tick) < step / 1e6 ? 0 : tick);
    }
    return ticks;
  }

  private double clamp(double ratio) {
    return Math.max(1 / RATIO_LIMIT, Math.min(RATIO_LIMIT, ratio));
  }

  private double scale(double value) {
    return logScale ? Math.log10(value) : value;
  }

  private int x(double value) {
    double scaled = logScale ? scale(clamp(Math.max(value, 1e-9))) : value;
    double share = (scaled - low) / (high - low);
    share = Math.max(0, Math.min(1, share));
    return (int) Math.round(left + share * (WIDTH - RIGHT - left));
  }
}
