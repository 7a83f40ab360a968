package org.rishe.generator;

import java.util.List;
import java.util.Objects;

/**
 * One binary variable of the generator's causal DAG, drawn from a logistic model: log-odds = {@code
 * intercept + regionWeight * regionShift + ageSlope * (age - 11) + femaleShift * female + sum of
 * parent log-odds over the parents that are true}.
 *
 * @param level whether it is drawn once per family, once per child, or is a problem (a case)
 */
public record CausalNode(
    String code,
    Level level,
    double intercept,
    double regionWeight,
    double ageSlope,
    double femaleShift,
    List<Cause> causes) {

  public CausalNode {
    Objects.requireNonNull(code, "code is null");
    Objects.requireNonNull(level, "level is null");
    causes = List.copyOf(causes);
  }

  /** One true edge into this node, with its effect as a log odds ratio. */
  public record Cause(String code, double logOdds) {
    public Cause {
      Objects.requireNonNull(code, "code is null");
    }
  }

  /** Where a node lives and is observed. */
  public enum Level {
    FAMILY,
    PERSON,
    PROBLEM
  }
}
