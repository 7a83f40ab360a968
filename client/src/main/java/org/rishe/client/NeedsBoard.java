package org.rishe.client;

import java.util.List;

/**
 * {@code GET /needs}: the needs board of the served run, every page joined; {@code rule} says when
 * a need's age band and sex are shown, {@code minGroupSize} is its k.
 */
public record NeedsBoard(String run, String rule, int minGroupSize, List<Need> needs) {
  public NeedsBoard {
    needs = needs == null ? List.of() : List.copyOf(needs);
  }
}
