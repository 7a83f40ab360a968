package org.rishe.analytics.causal;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys (e.g. mixed-radix codes of a few variables) by open addressing
 * over primitive arrays: a boxed map would allocate per key, and this runs over millions.
 */
public final class KeyNumbering {
  private static final long EMPTY_SLOT = -1;

  private KeyNumbering() {}

  /**
   * Numbers the distinct keys 0, 1, ... in the order of their first occurrence, writes each key's
   * number into {@code ids} and returns how many there are. Keys must not be -1.
   */
  public static int number(long[] keys, int[] ids) {
    int capacity = 2;
    while (capacity < 2 * keys.length) {
      capacity <<= 1;
    }
    int mask = capacity - 1;
    long[] slots = new long[capacity];
    int[] slotIds = new int[capacity];
    Arrays.fill(slots, EMPTY_SLOT);
    int count = 0;
    for (int position = 0; position < keys.length; position++) {
      long key = keys[position];
      int slot = spread(key) & mask;
      while (slots[slot] != EMPTY_SLOT && slots[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (slots[slot] == EMPTY_SLOT) {
        slots[slot] = key;
        slotIds[slot] = count++;
      }
      ids[position] = slotIds[slot];
    }
    return count;
  }

  /** MurmurHash3's 64-bit finaliser: mixed-radix keys differ in their low bits mostly. */
  private static int spread(long key) {
    long mixed = key;
    mixed ^= mixed >>> 33;
    mixed *= 0xff51afd7ed558ccdL;
    mixed ^= mixed >>> 33;
    mixed *= 0xc4ceb9fe1a85ec53L;
    mixed ^= mixed >>> 33;
    return (int) mixed;
  }
}
