package org.rishe.generator;

import java.util.SplittableRandom;

/**
 * Independent random streams keyed by (seed, unit, purpose). Each family draws from its own
 * streams, so a family's rows depend only on the seed and its number, never on how many families
 * came before or whether dirty rows or outbreaks are switched on.
 */
final class Seeds {
  static final long FAMILY = 0x46414d494c59L;
  static final long DIRTY = 0x4449525459L;
  static final long OUTBREAK = 0x4f55544252L;
  static final long DONATION = 0x444f4e4154L;
  static final long VOLUNTEER = 0x564f4c554eL;
  static final long NEED = 0x4e454544L;
  static final long NEED_GIFT = 0x4e45454447L;
  static final long TRAPS = 0x5452415053L;

  /** The truth's own population (and its traps and onsets at {@code TRUTH + 1}). */
  static final long TRUTH = 0x5452555448L;

  private Seeds() {}

  static SplittableRandom stream(long seed, long unit, long purpose) {
    return new SplittableRandom(mix(mix(seed ^ purpose) + unit));
  }

  /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit range. */
  static long mix(long value) {
    long z = value + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
