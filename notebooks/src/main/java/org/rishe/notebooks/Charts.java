package org.rishe.notebooks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.rishe.client.CausalGraph;
import org.rishe.client.Estimate;

/**
 * The notebooks' charts, drawn offline into images (XChart for bars, Java2D for the interval and
 * graph plots), so an executed notebook holds plain PNGs and loads nothing from the network.
 */
public final class Charts {
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  private Charts() {}

  /** One row of an interval plot: its label and one estimate per series (null to leave out). */
  public record Row(String label, List<Estimate> estimates) {
    public Row {
      estimates = Collections.unmodifiableList(new ArrayList<>(estimates));
    }

    public static Row of(String label, Estimate... estimates) {
      return new Row(label, Arrays.asList(estimates));
    }
  }

  /** Vertical bars, one per label, in the given order. */
  public static BufferedImage bars(
      String title, String valueTitle, List<String> labels, List<? extends Number> values) {
    CategoryChart chart = categoryChart(title, valueTitle);
    chart.getStyler().setLegendVisible(false);
    chart.addSeries(valueTitle, labels, values);
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** Stacked vertical bars: each series is one part of every bar. */
  public static BufferedImage stackedBars(
      String title,
      String valueTitle,
      List<String> labels,
      List<String> seriesNames,
      List<List<? extends Number>> series) {
    CategoryChart chart = categoryChart(title, valueTitle);
    chart.getStyler().setStacked(true);
    for (int i = 0; i < seriesNames.size(); i++) {
      chart.addSeries(seriesNames.get(i), labels, series.get(i));
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * A forest plot: each row's estimates as dots with their 95% intervals as whiskers, against a
   * reference line (1 for ratios, 0 for differences); on a log scale for ratios.
   */
  public static BufferedImage intervals(
      String title,
      String axisTitle,
      double reference,
      boolean logScale,
      List<String> seriesNames,
      List<Row> rows) {
    return new IntervalPlot(title, axisTitle, reference, logScale, seriesNames, rows).draw();
  }

  /**
   * The causal graph around one problem: every variable with a path to it, arrows for directed
   * edges (red into the problem), grey lines where the direction is unknown; thicker is more
   * stable.
   */
  public static BufferedImage causalGraph(CausalGraph graph, String problem) {
    return new GraphPlot(graph, problem).draw();
  }

  private static CategoryChart categoryChart(String title, String valueTitle) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(900)
            .height(480)
            .title(title)
            .yAxisTitle(valueTitle)
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setBaseFont(FONT);
    styler.setSeriesColors(PALETTE);
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(35);
    chart.getStyler().setAvailableSpaceFill(0.7);
    return chart;
  }

  static Graphics2D canvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setFont(FONT);
    return g;
  }

  static String format(double value) {
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }

  static void stroke(Graphics2D g, float width) {
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }
}
