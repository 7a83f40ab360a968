package org.rishe.notebooks;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rishe.client.CausalGraph;

/**
 * The causal graph around one problem, causes to the left of what they lead to: arrows for directed
 * edges, grey lines for edges whose direction the data could not settle, thicker the more stable.
 * Only the variables with a path to the problem are drawn.
 */
final class GraphPlot {
  private static final int SPACING = 240;
  private static final int ROW = 48;
  private static final int TOP = 50;

  private final CausalGraph graph;
  private final String focus;
  private final Map<String, int[]> positions = new HashMap<>();
  private final Map<String, Integer> halfWidths = new HashMap<>();

  GraphPlot(CausalGraph graph, String focus) {
    this.graph = graph;
    this.focus = focus;
  }

  /**
   * The focus (layer 0) and every node from which an edge path (undirected edges either way)
   * reaches it, with the number of edges on its shortest such path as its layer: causes stand to
   * the left of what they lead to, however the graph's edges loop.
   */
  Map<String, Integer> layers() {
    Map<String, Integer> layers = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(focus));
    layers.put(focus, 0);
    while (!queue.isEmpty()) {
      String node = queue.pop();
      for (CausalGraph.Edge edge : graph.edges()) {
        String other = null;
        if (edge.to().equals(node)) {
          other = edge.from();
        } else if (!edge.directed() && edge.from().equals(node)) {
          other = edge.to();
        }
        if (other != null && !layers.containsKey(other)) {
          layers.put(other, layers.get(node) + 1);
          queue.add(other);
        }
      }
    }
    return layers;
  }

  BufferedImage draw() {
    Map<String, Integer> layers = layers();
    int deepest = layers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<List<String>> columns = new ArrayList<>();
    for (int layer = deepest; layer >= 0; layer--) {
      int wanted = layer;
      columns.add(
          graph.nodes().stream()
              .map(CausalGraph.Node::id)
              .filter(id -> layers.getOrDefault(id, -1) == wanted)
              .toList());
    }
    int tallest = columns.stream().mapToInt(List::size).max().orElse(1);
    int width = Math.max(700, 280 + deepest * SPACING);
    int height = TOP + tallest * ROW + 30;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = Charts.canvas(image);
    FontMetrics metrics = g.getFontMetrics();
    for (int c = 0; c < columns.size(); c++) {
      List<String> column = columns.get(c);
      int x = 140 + c * (deepest == 0 ? 0 : (width - 280) / deepest);
      int offset = (tallest - column.size()) * ROW / 2;
      for (int i = 0; i < column.size(); i++) {
        positions.put(column.get(i), new int[] {x, TOP + offset + i * ROW + ROW / 2});
      }
    }
    for (String id : positions.keySet()) {
      halfWidths.put(id, (metrics.stringWidth(boxText(id)) + 14) / 2);
    }
    g.setFont(Charts.TITLE);
    g.setColor(Color.BLACK);
    g.drawString("What leads to " + label(focus) + " (causal graph)", 20, 28);
    g.setFont(Charts.FONT);
    for (CausalGraph.Edge edge : graph.edges()) {
      if (positions.containsKey(edge.from()) && positions.containsKey(edge.to())) {
        edge(g, edge);
      }
    }
    for (Map.Entry<String, int[]> entry : positions.entrySet()) {
      int[] p = entry.getValue();
      String text = boxText(entry.getKey());
      int w = halfWidths.get(entry.getKey()) * 2;
      g.setColor(entry.getKey().equals(focus) ? new Color(0xfde2e2) : new Color(0xe8eef7));
      g.fillRoundRect(p[0] - w / 2, p[1] - 11, w, 22, 10, 10);
      g.setColor(Color.DARK_GRAY);
      g.drawRoundRect(p[0] - w / 2, p[1] - 11, w, 22, 10, 10);
      g.setColor(Color.BLACK);
      g.drawString(text, p[0] - w / 2 + 7, p[1] + 5);
    }
    g.dispose();
    return image;
  }

  private void edge(Graphics2D g, CausalGraph.Edge edge) {
    int[] from = positions.get(edge.from());
    int[] to = positions.get(edge.to());
    boolean intoFocus = edge.to().equals(focus) || edge.from().equals(focus);
    g.setColor(
        !edge.directed()
            ? new Color(150, 150, 150, 170)
            : intoFocus ? new Color(0xd62728) : new Color(31, 119, 180, 190));
    Charts.stroke(g, (float) (0.8 + 2.5 * edge.stability()));
    double controlX = (from[0] + to[0]) / 2.0;
    double controlY = (from[1] + to[1]) / 2.0;
    if (from[0] == to[0]) {
      // same column: bow out to the right so the edge does not run through the boxes between
      controlX += 40 + Math.abs(to[1] - from[1]) * 0.35;
    }
    g.draw(new QuadCurve2D.Double(from[0], from[1], controlX, controlY, to[0], to[1]));
    if (edge.directed()) {
      arrowHead(g, controlX, controlY, to[0], to[1], halfWidths.get(edge.to()) + 2, 13);
    }
  }

  private static void arrowHead(
      Graphics2D g, double fromX, double fromY, int toX, int toY, int halfWidth, int halfHeight) {
    double dx = toX - fromX;
    double dy = toY - fromY;
    double angle = Math.atan2(dy, dx);
    // the tip touches the target's box, where the incoming line crosses its border
    double scale =
        Math.min(
            dx == 0 ? Double.MAX_VALUE : halfWidth / Math.abs(dx),
            dy == 0 ? Double.MAX_VALUE : halfHeight / Math.abs(dy));
    double tipX = toX - dx * scale;
    double tipY = toY - dy * scale;
    Path2D head = new Path2D.Double();
    head.moveTo(tipX, tipY);
    head.lineTo(tipX - 10 * Math.cos(angle - 0.4), tipY - 10 * Math.sin(angle - 0.4));
    head.lineTo(tipX - 10 * Math.cos(angle + 0.4), tipY - 10 * Math.sin(angle + 0.4));
    head.closePath();
    g.fill(head);
  }

  private String boxText(String id) {
    String text = label(id);
    return text.length() <= 28 ? text : text.substring(0, 27) + "…";
  }

  private String label(String id) {
    return graph.nodes().stream()
        .filter(node -> node.id().equals(id))
        .map(node -> node.label() == null ? id : node.label())
        .findFirst()
        .orElse(id);
  }
}
