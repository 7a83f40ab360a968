package org.rishe.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rishe.generator.CausalNode.Cause;
import org.rishe.generator.CausalNode.Level;
import org.rishe.generator.GroundTruth.Edge;
import org.rishe.generator.GroundTruth.IndirectRoot;
import org.rishe.generator.GroundTruth.OutbreakTruth;
import org.rishe.generator.GroundTruth.ProgramEffect;

/**
 * Derives the truth JSON from the causal model's table and the run's outbreaks and dirt. Region,
 * age and sex also shift some nodes (see data-samples/README.md); they are demographics, not
 * catalogue codes, so the edges and the confounded-only lists leave them out.
 */
public final class TruthBuilder {
  private TruthBuilder() {}

  /** The truth of a batch without traps, without total effects. */
  public static GroundTruth build(List<Outbreak> outbreaks, Map<DirtyReason, Long> dirty) {
    return build(outbreaks, dirty, Traps.NONE, List.of());
  }

  /**
   * The truth of a batch drawn with {@code traps}. With a consequence on, it has an edge from its
   * problem, is listed under {@code recordedAfterOnset}, and leaves the unrelated and
   * confounded-only lists (it shares causes with other problems, but its only role is that of a
   * factor recorded after the problem it follows).
   */
  static GroundTruth build(
      List<Outbreak> outbreaks,
      Map<DirtyReason, Long> dirty,
      Traps traps,
      List<GroundTruth.TotalEffect> totalEffects) {
    List<Edge> edges = new ArrayList<>();
    Map<String, List<String>> children = new HashMap<>();
    for (CausalNode node : CausalModel.nodes()) {
      for (Cause cause : node.causes()) {
        edges.add(new Edge(cause.code(), node.code(), cause.logOdds()));
        children.computeIfAbsent(cause.code(), code -> new ArrayList<>()).add(node.code());
      }
    }
    Map<String, List<String>> direct = new TreeMap<>();
    Map<String, List<IndirectRoot>> indirect = new TreeMap<>();
    Map<String, List<String>> confounded = new TreeMap<>();
    List<String> unrelated = new ArrayList<>();
    for (CausalNode node : CausalModel.nodes()) {
      if (node.level() != Level.PROBLEM) {
        if (node.causes().isEmpty() && !children.containsKey(node.code())) {
          unrelated.add(node.code());
        }
        continue;
      }
      List<String> causes = node.causes().stream().map(Cause::code).sorted().toList();
      direct.put(node.code(), causes);
      Set<String> ancestors = ancestors(node.code());
      List<IndirectRoot> roots = new ArrayList<>();
      List<String> sharing = new ArrayList<>();
      for (CausalNode factor : CausalModel.nodes()) {
        if (factor.level() == Level.PROBLEM) {
          continue;
        }
        if (ancestors.contains(factor.code())) {
          if (!causes.contains(factor.code())) {
            for (List<String> path : paths(factor.code(), node.code(), children)) {
              roots.add(new IndirectRoot(factor.code(), path.subList(1, path.size() - 1)));
            }
          }
        } else if (!disjoint(ancestors(factor.code()), ancestors)) {
          sharing.add(factor.code());
        }
      }
      indirect.put(node.code(), roots);
      confounded.put(node.code(), sharing);
    }
    List<OutbreakTruth> planted =
        outbreaks.stream()
            .map(
                o ->
                    new OutbreakTruth(
                        o.region(), o.problem(), o.month().toString(), o.multiplier()))
            .toList();
    Map<String, Long> dirtyRows = new TreeMap<>();
    dirty.forEach((reason, count) -> dirtyRows.put(reason.code(), count));
    Map<String, List<String>> afterOnset = new TreeMap<>();
    if (traps.consequence()) {
      edges.add(new Edge(Traps.CONSEQUENCE_OF, Traps.CONSEQUENCE, Traps.CONSEQUENCE_LOG_ODDS));
      afterOnset.put(Traps.CONSEQUENCE_OF, List.of(Traps.CONSEQUENCE));
      unrelated.remove(Traps.CONSEQUENCE);
      confounded.replaceAll(
          (problem, factors) ->
              factors.stream().filter(factor -> !factor.equals(Traps.CONSEQUENCE)).toList());
    }
    return new GroundTruth(
        edges,
        direct,
        indirect,
        confounded,
        unrelated,
        programEffects(),
        planted,
        dirtyRows,
        traps,
        afterOnset,
        totalEffects);
  }

  /** Writes the truth as indented JSON with map keys sorted, so equal truths give equal bytes. */
  public static void write(GroundTruth truth, Path path) {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      mapper.writeValue(path.toFile(), truth);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truth file " + path, e);
    }
  }

  private static List<ProgramEffect> programEffects() {
    return List.of(
        new ProgramEffect(
            ProgramCatalogue.EDUCATION,
            "school_enrolled",
            ProgramCatalogue.EDUCATION_ENROLLED_EFFECT,
            "risk_difference",
            "education_support"),
        new ProgramEffect(
            ProgramCatalogue.EDUCATION,
            "reading_score",
            ProgramCatalogue.EDUCATION_READING_EFFECT,
            "mean_difference",
            "education_support"),
        new ProgramEffect(
            ProgramCatalogue.COUNSELLING,
            "wellbeing_score",
            ProgramCatalogue.COUNSELLING_WELLBEING_EFFECT,
            "mean_difference",
            "psychosocial"));
  }

  /** Every node with a directed path into {@code code}, itself excluded. */
  static Set<String> ancestors(String code) {
    Set<String> found = new HashSet<>();
    List<String> pending = new ArrayList<>(List.of(code));
    while (!pending.isEmpty()) {
      String current = pending.remove(pending.size() - 1);
      for (Cause cause : CausalModel.nodes().get(CausalModel.index(current)).causes()) {
        if (found.add(cause.code())) {
          pending.add(cause.code());
        }
      }
    }
    return found;
  }

  private static boolean disjoint(Set<String> first, Set<String> second) {
    for (String code : first) {
      if (second.contains(code)) {
        return false;
      }
    }
    return true;
  }

  /** Every directed path from one node to another, both ends included; the graph is acyclic. */
  private static List<List<String>> paths(
      String from, String to, Map<String, List<String>> children) {
    List<List<String>> found = new ArrayList<>();
    extend(new ArrayList<>(List.of(from)), to, children, found);
    return found;
  }

  private static void extend(
      List<String> path, String to, Map<String, List<String>> children, List<List<String>> found) {
    String last = path.get(path.size() - 1);
    if (last.equals(to)) {
      found.add(List.copyOf(path));
      return;
    }
    for (String next : children.getOrDefault(last, List.of())) {
      path.add(next);
      extend(path, to, children, found);
      path.remove(path.size() - 1);
    }
  }
}
