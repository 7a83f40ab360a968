package org.rishe.common.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rishe.common.privacy.Pseudonymizer;

/**
 * The raw row as quarantine keeps it: only the contract's own columns (an unknown column might hold
 * anything, so it is never kept), identifiers replaced by their pseudonyms, as a JSON object.
 */
public final class RawRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RawRows() {}

  public static String sanitisedJson(
      Entity entity, Map<String, String> values, Pseudonymizer pseudonymizer) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Field field : entity.fields()) {
      if (!values.containsKey(field.name())) {
        continue;
      }
      String value = values.get(field.name());
      if (value != null && field.type() == FieldType.IDENTIFIER) {
        value = pseudonymizer.pseudonym(value);
      } else if (value != null
          && (field.type() == FieldType.DESIGNATION || field.type() == FieldType.SUBJECT)) {
        int colon = value.indexOf(':');
        if (colon > 0 && RowValidator.namesPersonOrFamily(value.substring(0, colon).trim())) {
          value =
              value.substring(0, colon + 1) + pseudonymizer.pseudonym(value.substring(colon + 1));
        }
      }
      kept.put(field.name(), value);
    }
    if (values.containsKey(Entity.DELETED_AT)) {
      kept.put(Entity.DELETED_AT, values.get(Entity.DELETED_AT));
    }
    try {
      return JSON.writeValueAsString(kept);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a map of strings as JSON", e);
    }
  }
}
