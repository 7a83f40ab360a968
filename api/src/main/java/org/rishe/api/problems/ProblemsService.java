package org.rishe.api.problems;

import java.util.List;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.results.PublishedRun;

/** The problems as a caller may see them: each with its cases and people, labelled. */
public final class ProblemsService {
  private ProblemsService() {}

  /** One problem as served; a count is null where it is suppressed. */
  public record ProblemView(String code, String label, Long cases, Long people) {}

  /**
   * Every problem of the run. A researcher sees its cases only as the protected cases lattice
   * serves the problem's total, and its people only beside them and as {@link #people} allows:
   * people with the problem are at most its cases, and usually as many.
   */
  public static List<ProblemView> problems(PublishedRun run, boolean persian, SmallCells rule) {
    return run.problems().stream()
        .map(
            p ->
                new ProblemView(
                    p.code(),
                    persian ? p.labelFa() : p.labelEn(),
                    rule.cases(p.cases(), p.code(), null, null),
                    people(p, rule)))
        .toList();
  }

  /**
   * The people with the problem as served: only beside its cases, not from 1 to k-1, and not when
   * the cases a person had after their first (cases minus people) are 1 to k-1.
   */
  public static Long people(PublishedRun.ProblemRow problem, SmallCells rule) {
    return rule.cases(problem.cases(), problem.code(), null, null) == null
            || rule.isSmall(problem.cases() - problem.people())
        ? null
        : rule.count(problem.people());
  }
}
