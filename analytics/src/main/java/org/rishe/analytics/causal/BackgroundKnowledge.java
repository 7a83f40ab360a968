package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is known before looking at data: temporal tiers (a node in a later tier never causes one in
 * an earlier tier), tiers whose members cannot cause each other, and explicitly forbidden or
 * required directed edges. Nodes outside every tier are unconstrained by tiers.
 *
 * @param tierOfNode tier per node index, {@code -1} for none
 * @param tiersForbiddenWithin tiers whose members may not be adjacent
 * @param forbidden directed edges that may not appear
 * @param required directed edges that must appear
 */
public record BackgroundKnowledge(
    List<Integer> tierOfNode,
    Set<Integer> tiersForbiddenWithin,
    Set<Edge> forbidden,
    Set<Edge> required) {
  public BackgroundKnowledge {
    tierOfNode = List.copyOf(requireNonNull(tierOfNode, "tierOfNode is null"));
    tiersForbiddenWithin =
        Set.copyOf(requireNonNull(tiersForbiddenWithin, "tiersForbiddenWithin is null"));
    forbidden = Set.copyOf(requireNonNull(forbidden, "forbidden is null"));
    required = Set.copyOf(requireNonNull(required, "required is null"));
    for (Edge edge : required) {
      if (isForbiddenByRules(tierOfNode, tiersForbiddenWithin, forbidden, edge.from(), edge.to())) {
        throw new IllegalArgumentException(
            "edge %d -> %d is both required and forbidden: drop one of the two statements"
                .formatted(edge.from(), edge.to()));
      }
    }
  }

  /** No knowledge at all for a graph of the given size. */
  public static BackgroundKnowledge none(int nodeCount) {
    return new BackgroundKnowledge(
        Collections.nCopies(nodeCount, -1), Set.of(), Set.of(), Set.of());
  }

  public static Builder builder(List<String> nodes) {
    return new Builder(nodes);
  }

  public boolean isEmpty() {
    return tierOfNode.stream().allMatch(tier -> tier < 0)
        && forbidden.isEmpty()
        && required.isEmpty();
  }

  /** Whether the directed edge from -> to is ruled out. */
  public boolean isForbidden(int from, int to) {
    return isForbiddenByRules(tierOfNode, tiersForbiddenWithin, forbidden, from, to);
  }

  public boolean isRequired(int from, int to) {
    return required.contains(Edge.directed(from, to));
  }

  private static boolean isForbiddenByRules(
      List<Integer> tiers, Set<Integer> forbiddenWithin, Set<Edge> forbidden, int from, int to) {
    if (forbidden.contains(Edge.directed(from, to))) {
      return true;
    }
    int tierFrom = tiers.get(from);
    int tierTo = tiers.get(to);
    if (tierFrom < 0 || tierTo < 0) {
      return false;
    }
    return tierFrom > tierTo || (tierFrom == tierTo && forbiddenWithin.contains(tierFrom));
  }

  /** Collects knowledge by node name. */
  public static final class Builder {
    private final List<String> nodes;
    private final List<Integer> tiers;
    private final Set<Integer> forbiddenWithin = new HashSet<>();
    private final Set<Edge> forbidden = new HashSet<>();
    private final Set<Edge> required = new HashSet<>();

    private Builder(List<String> nodes) {
      this.nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
      this.tiers = new ArrayList<>(Collections.nCopies(nodes.size(), -1));
    }

    /** Puts the named nodes in a tier; lower tiers come earlier in time. */
    public Builder tier(int tier, String... names) {
      if (tier < 0) {
        throw new IllegalArgumentException("tier must be 0 or more, got %d".formatted(tier));
      }
      for (String name : names) {
        tiers.set(index(name), tier);
      }
      return this;
    }

    public Builder forbidWithinTier(int tier) {
      forbiddenWithin.add(tier);
      return this;
    }

    public Builder forbid(String from, String to) {
      forbidden.add(Edge.directed(index(from), index(to)));
      return this;
    }

    public Builder require(String from, String to) {
      required.add(Edge.directed(index(from), index(to)));
      return this;
    }

    public BackgroundKnowledge build() {
      return new BackgroundKnowledge(tiers, forbiddenWithin, forbidden, required);
    }

    private int index(String name) {
      int index = nodes.indexOf(requireNonNull(name, "name is null"));
      if (index < 0) {
        throw new IllegalArgumentException(
            "unknown variable %s in background knowledge: use one of %s".formatted(name, nodes));
      }
      return index;
    }
  }
}
