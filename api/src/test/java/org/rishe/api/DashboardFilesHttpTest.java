package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page and files over HTTP: public, from the allow-list only, with the right
 * content types, caching and a Content-Security-Policy that forbids inline scripts.
 */
class DashboardFilesHttpTest extends OneServerPerClass {
  /** Jetty writes the header without the space before charset; compare without spaces. */
  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("content-type").orElseThrow().replace(" ", "");
  }

  @Test
  void theRootServesThePageWithAStrictContentSecurityPolicyAndNoKey() throws Exception {
    HttpResponse<String> page = server.getPublic("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(contentType(page)).isEqualTo("text/html;charset=utf-8");
    assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
    String policy = page.headers().firstValue("content-security-policy").orElseThrow();
    assertThat(policy).startsWith("default-src 'self';").doesNotContain("unsafe-inline");
    assertThat(page.body())
        .contains("<script src=\"/web/app.js\" defer></script>")
        .doesNotContain("<script>")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void theScriptStyleAndChartLibraryComeFromTheServerWithTheirTypes() throws Exception {
    HttpResponse<String> script = server.getPublic("/web/app.js");
    HttpResponse<String> style = server.getPublic("/web/app.css");
    HttpResponse<String> echarts = server.getPublic("/web/echarts.min.js");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(contentType(script)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(script.body()).contains("sessionStorage");
    assertThat(contentType(style)).isEqualTo("text/css;charset=utf-8");
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.headers().firstValue("cache-control")).hasValue("public, max-age=86400");
    assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
  }

  @Test
  void aFileOutsideTheAllowListIsAProblemJson404() throws Exception {
    HttpResponse<String> index = server.getPublic("/web/index.html");
    HttpResponse<String> classFile = server.getPublic("/web/WebController.class");

    assertThat(index.statusCode()).isEqualTo(404);
    assertThat(classFile.statusCode()).isEqualTo(404);
    assertThat(classFile.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(classFile.body())
        .contains("no dashboard file 'WebController.class'; the dashboard is at /");
  }
}
