package org.rishe.generator;

import java.util.Locale;

/** Why an injected row breaks the data contract; the code is what the truth file counts. */
public enum DirtyReason {
  MISSING_REQUIRED,
  UNPARSEABLE_DATE,
  UNKNOWN_INDICATOR,
  UNKNOWN_REFERENCE,
  DUPLICATE_KEY,
  SHORT_ROW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
