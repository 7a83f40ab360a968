package org.rishe.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalPathTest {
  @Test
  void plainPathsAreCanonical() {
    for (String path :
        List.of("/", "/api/v1/problems", "/api/v1/programs/p-1/impact", "/metrics")) {
      assertThat(CanonicalPath.problem(path)).as(path).isEmpty();
    }
  }

  @Test
  void everyAliasingSpellingIsRefusedWithAReason() {
    for (String path :
        List.of(
            "//api/v1/problems",
            "/api/v1//problems",
            "/api/v1/./problems",
            "/api/v1/x/../problems",
            "/api/v1/%2e/problems",
            "/api/v1/%2E%2E/problems",
            "/api%2Fv1/problems",
            "/api%5cv1/problems",
            "/api\\v1/problems",
            "/api/v1/problems/",
            "/api/v1/problems.",
            "/api/v1/problems;a=b",
            "/api/v1/problems%00",
            "/api/v1/%2570roblems",
            "/api/v1/problems%3Bx",
            "/api/v1/pro blems",
            "/api/v1/problems%",
            "/api/v1/problems%zz",
            "api/v1/problems")) {
      assertThat(CanonicalPath.problem(path)).as(path).isPresent();
    }
  }

  @Test
  void escapedOrdinaryCharactersDecodeToThePathJavalinMatches() {
    assertThat(CanonicalPath.decode("/api/v1/%70roblems")).isEqualTo("/api/v1/problems");
    assertThat(CanonicalPath.decode("/api/v1/donations/%D8%B1")).isEqualTo("/api/v1/donations/ر");
  }

  @Test
  void aQueryStringIsReadableWhenEveryPercentStartsAnEscape() {
    assertThat(CanonicalPath.queryProblem(null)).isEmpty();
    assertThat(CanonicalPath.queryProblem("lang=fa&region=R01")).isEmpty();
    assertThat(CanonicalPath.queryProblem("q=%D8%B1%25")).isEmpty();
    assertThat(CanonicalPath.queryProblem("lang=%ZZ")).isPresent();
    assertThat(CanonicalPath.queryProblem("lang=fa%")).isPresent();
    assertThat(CanonicalPath.queryProblem("lang=fa%2")).isPresent();
  }
}
