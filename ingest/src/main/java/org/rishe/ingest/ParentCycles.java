package org.rishe.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the regions of a batch whose chain of parents loops (R01 in R02 in R01). A region lies in
 * its parent, so such a chain has no outermost region and every reader walking it up (a map's zoom,
 * a roll-up by province) would never stop.
 *
 * <p>Works on the driver over maps of region to parent: the regions are a catalogue of places (a
 * country's provinces and counties, thousands at most), not rows about people.
 */
final class ParentCycles {
  private ParentCycles() {}

  /**
   * Where a region's chain loops: {@code message} says why, naming the loop by region codes only
   * (place codes, no personal data); {@code loop} is the loop written from its smallest code.
   */
  record Looping(String message, String loop) {
    boolean onLoop() {
      return message.startsWith(ON_LOOP);
    }
  }

  private static final String ON_LOOP = "parent chain loops: ";
  private static final String INTO_LOOP = "parent chain runs into the loop ";

  /**
   * The batch's regions to quarantine, with their messages. {@code stored} holds the stored regions
   * the batch leaves (without those it deletes), which never loop; {@code batch} the batch's live
   * regions that passed the other checks, replacing stored ones of the same code. Over the two
   * merged, each batch region on a loop is quarantined and the stored version of its code, if any,
   * comes back; a batch region whose parent was quarantined and is stored nowhere is quarantined
   * too, as running into that loop. Both steps repeat until neither finds a region, as a stored
   * version coming back can close another loop. A batch region running into a loop whose regions
   * come back stored is kept: its chain then ends.
   */
  static Map<String, String> quarantined(Map<String, String> stored, Map<String, String> batch) {
    Map<String, String> parentOf = new HashMap<>(stored);
    parentOf.putAll(batch);
    Map<String, Looping> quarantined = new TreeMap<>();
    boolean found = true;
    while (found) {
      found = false;
      for (Map.Entry<String, Looping> entry : looping(parentOf).entrySet()) {
        // a loop always has a batch region not yet quarantined: the stored regions never loop
        if (entry.getValue().onLoop()
            && batch.containsKey(entry.getKey())
            && !quarantined.containsKey(entry.getKey())) {
          quarantined.put(entry.getKey(), entry.getValue());
          found = true;
        }
      }
      for (String region : new TreeSet<>(batch.keySet())) {
        String parent = batch.get(region);
        if (parent != null
            && !quarantined.containsKey(region)
            && quarantined.containsKey(parent)
            && !stored.containsKey(parent)) {
          String loop = quarantined.get(parent).loop();
          quarantined.put(region, new Looping(INTO_LOOP + loop, loop));
          found = true;
        }
      }
      for (String region : quarantined.keySet()) {
        parentOf.remove(region);
        if (stored.containsKey(region)) {
          parentOf.put(region, stored.get(region));
        }
      }
    }
    Map<String, String> messages = new TreeMap<>();
    quarantined.forEach((region, looping) -> messages.put(region, looping.message()));
    return messages;
  }

  /**
   * Every region whose chain loops: those on a loop and those whose chain runs into one. A parent
   * that is no key of {@code parentOf} ends the chain, as a region without a parent does. Each
   * region is walked once, so the cost is linear in the number of regions.
   */
  static Map<String, Looping> looping(Map<String, String> parentOf) {
    Map<String, Looping> looping = new TreeMap<>();
    Set<String> walked = new HashSet<>();
    for (String start : new TreeSet<>(parentOf.keySet())) {
      List<String> path = new ArrayList<>();
      Map<String, Integer> onPath = new HashMap<>();
      String node = start;
      while (node != null
          && parentOf.containsKey(node)
          && !walked.contains(node)
          && !onPath.containsKey(node)) {
        onPath.put(node, path.size());
        path.add(node);
        node = parentOf.get(node);
      }
      int tail = path.size();
      String loop = null;
      if (node != null && onPath.containsKey(node)) {
        tail = onPath.get(node);
        List<String> cycle = path.subList(tail, path.size());
        loop = chain(cycle, cycle.indexOf(Collections.min(cycle)));
        for (int i = 0; i < cycle.size(); i++) {
          looping.put(cycle.get(i), new Looping(ON_LOOP + chain(cycle, i), loop));
        }
      } else if (node != null && looping.containsKey(node)) {
        loop = looping.get(node).loop();
      }
      if (loop != null) {
        for (String region : path.subList(0, tail)) {
          looping.put(region, new Looping(INTO_LOOP + loop, loop));
        }
      }
      walked.addAll(path);
    }
    return looping;
  }

  /** The loop written from its {@code from}-th region round to it again: R02 -> R01 -> R02. */
  private static String chain(List<String> cycle, int from) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= cycle.size(); i++) {
      text.append(i == 0 ? "" : " -> ").append(cycle.get((from + i) % cycle.size()));
    }
    return text.toString();
  }
}
