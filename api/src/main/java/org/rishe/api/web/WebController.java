package org.rishe.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.routing.Endpoint;

/**
 * The dashboard: a single page with its script and style from this jar, and the ECharts library
 * from the {@code org.mvnpm:echarts} jar, the npm package as published on Maven Central (nothing
 * from a CDN). Only the file names listed here are served, so no request can name another classpath
 * resource, and every page carries a Content-Security-Policy that allows scripts, styles and
 * requests to this server only.
 */
public final class WebController {
  /**
   * No inline script or style may run: the page's own files and the API are all it needs. ECharts
   * draws on a canvas and sets element styles through the DOM, which the policy does not restrict.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final String OWN = "org/rishe/api/web/";
  private static final String ECHARTS = "META-INF/resources/_static/echarts/";

  private record Asset(String resource, String contentType, String cacheControl) {}

  private final Map<String, Asset> assets;

  public final Endpoint index = Endpoint.of("the dashboard", this::index).undocumented();

  public final Endpoint asset = Endpoint.of("the dashboard's files", this::asset).undocumented();

  public WebController() {
    // the page's own files change with every release and carry no version in their names
    this.assets =
        Map.of(
            "app.js",
            new Asset(OWN + "app.js", "text/javascript; charset=utf-8", "no-cache"),
            "app.css",
            new Asset(OWN + "app.css", "text/css; charset=utf-8", "no-cache"),
            "echarts.min.js",
            new Asset(
                ECHARTS + echartsVersion() + "/dist/echarts.min.js",
                "text/javascript; charset=utf-8",
                "public, max-age=86400"));
  }

  /** The dashboard page; the pages inside it are chosen by the URL's fragment. */
  private void index(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-cache")
        .contentType("text/html; charset=utf-8")
        .result(open(OWN + "index.html", "index.html"));
  }

  /** One of the dashboard's files, by its name in the allow-list. */
  private void asset(Context ctx) {
    String name = ctx.pathParam("file");
    Asset asset = assets.get(name);
    if (asset == null) {
      throw ApiProblem.notFound(
          "no dashboard file '" + name + "'; the dashboard is at / and loads its own files");
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", asset.cacheControl())
        .contentType(asset.contentType())
        .result(open(asset.resource(), name));
  }

  private static InputStream open(String resource, String name) {
    InputStream file = WebController.class.getClassLoader().getResourceAsStream(resource);
    if (file == null) {
      throw new IllegalStateException(
          "the dashboard file " + name + " is missing from the classpath (" + resource + ")");
    }
    return file;
  }

  private static String echartsVersion() {
    try (InputStream in =
        WebController.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.mvnpm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the org.mvnpm:echarts jar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the echarts jar's version", e);
    }
  }
}
