package org.rishe.api.problems;

import io.javalin.http.Context;
import org.rishe.api.error.ApiProblem;

/** The label language a request asks for: {@code ?lang=en} (default) or {@code ?lang=fa}. */
public final class Language {
  private Language() {}

  public static String of(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null || lang.isBlank() || lang.equals("en")) {
      return "en";
    }
    if (lang.equals("fa")) {
      return "fa";
    }
    throw ApiProblem.badRequest("lang must be en or fa");
  }
}
