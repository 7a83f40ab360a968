package org.rishe.client;

import java.util.List;

/**
 * {@code GET /me/matches} (the calling volunteer's) and {@code GET /volunteers/{id}/matches}:
 * programmes ranked for a volunteer, best first, every page joined; {@code volunteerId} is the
 * volunteer as the warehouse stores it (a pseudonym).
 */
public record Matches(String run, String volunteerId, List<Match> matches) {
  public Matches {
    matches = matches == null ? List.of() : List.copyOf(matches);
  }

  /** One programme: its rank (1 first), score and the reasons, as sentences. */
  public record Match(String programId, int rank, double score, List<String> reasons) {
    public Match {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }
}
