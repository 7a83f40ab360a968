/**
 * Causal structure discovery on discrete data, PC-stable family, pure Java (no Spark).
 *
 * <p>Typical use from a Spark job: aggregate the curated table to distinct rows with counts ({@code
 * groupBy(columns).count()}), collect those (bounded by the product of cardinalities, not by the
 * row count) and build {@link org.rishe.analytics.causal.DiscreteData#fromPatternCounts}. Then run
 * {@link org.rishe.analytics.causal.PcStable#discover} with a {@link
 * org.rishe.analytics.causal.ChiSquareTest} or {@link org.rishe.analytics.causal.GSquareTest},
 * optional {@link org.rishe.analytics.causal.BackgroundKnowledge} (temporal tiers, forbidden and
 * required edges), and score edges with {@link org.rishe.analytics.causal.EdgeStability}.
 */
package org.rishe.analytics.causal;
