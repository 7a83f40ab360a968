package org.rishe.generator;

/**
 * The features of real follow-up data that a naive root-cause analysis gets wrong, switched on
 * together by {@link #STANDARD} and off by {@link #NONE} (the default, which keeps default batches
 * byte-identical to those the recorded figures in docs/methods.md were measured on). Their draws
 * come from a stream of their own ({@link Seeds#TRAPS}), so switching them off changes nothing
 * else. data-samples/README.md documents each.
 *
 * @param frailtySd standard deviation of a normal family random effect added to the log-odds of
 *     every problem of every child of the family: siblings' problems are correlated beyond the
 *     measured family factors
 * @param incomeRecoveryRate share of the families with low income at baseline whose income rises
 *     above the poverty line later (a factor that changes over time); the direct effect of income
 *     on a problem uses its status on the problem's onset day
 * @param consequence whether disability is a consequence of domestic violence, recorded only after
 *     the violence starts (never at the first assessment), instead of a baseline factor
 * @param lossRate share of families who stop being followed on a day drawn after their first
 *     assessment: no observations, cases or enrolments after it
 */
public record Traps(
    double frailtySd, double incomeRecoveryRate, boolean consequence, double lossRate) {
  public static final Traps NONE = new Traps(0.0, 0.0, false, 0.0);
  public static final Traps STANDARD = new Traps(0.6, 0.25, true, 0.15);

  /** The consequence's log-odds without domestic violence, and the violence's log odds ratio. */
  static final double CONSEQUENCE_INTERCEPT = -4.0;

  static final double CONSEQUENCE_LOG_ODDS = 3.5;
  static final String CONSEQUENCE = "disability";
  static final String CONSEQUENCE_OF = "domestic_violence";

  /** Recovery starts 60 to 540 days after the first assessment. */
  static final int RECOVERY_FROM = 60;

  static final int RECOVERY_SPREAD = 481;

  /** A family lost to follow-up is lost 1 to 1,095 days after its first assessment. */
  static final int LOSS_SPREAD = 1095;

  public Traps {
    if (!(frailtySd >= 0.0 && frailtySd <= 3.0)) {
      throw new IllegalArgumentException("frailty sd must be between 0 and 3, was " + frailtySd);
    }
    checkShare("income recovery rate", incomeRecoveryRate);
    checkShare("loss rate", lossRate);
  }

  /** Whether any trap is on; when none is, the generator draws exactly as it did without them. */
  public boolean active() {
    return frailtySd > 0.0 || incomeRecoveryRate > 0.0 || consequence || lossRate > 0.0;
  }

  private static void checkShare(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }
}
