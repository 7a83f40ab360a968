package org.rishe.client;

import java.util.Map;

/**
 * One region of {@code GET /regions}, the run's regions catalogue: place names and outlines, and
 * whether the run has cases recorded in the region. A name is null where the catalogue gives none
 * (show the code).
 *
 * @param code the region code the other routes use (e.g. {@code R01})
 * @param nameEn its name in English
 * @param nameFa its name in Persian
 * @param parent the code of the region it lies in; null at the top
 * @param geometry its GeoJSON Polygon or MultiPolygon (longitude, latitude); null without one
 * @param hasData whether the run has a case recorded in the region itself (not in the regions
 *     within it); null when the key may not know (a researcher's, the region's count of cases
 *     withheld as small) or the run was published without its cases cube
 */
public record Region(
    String code,
    String nameEn,
    String nameFa,
    String parent,
    Map<String, Object> geometry,
    Boolean hasData) {
  /** The name in Persian when {@code persian}, else English; the other where missing; else code. */
  public String name(boolean persian) {
    String first = persian ? nameFa : nameEn;
    String second = persian ? nameEn : nameFa;
    return first != null ? first : second != null ? second : code;
  }
}
