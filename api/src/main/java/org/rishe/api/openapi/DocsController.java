package org.rishe.api.openapi;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.routing.Endpoint;

/**
 * The OpenAPI document and Swagger UI, served from the {@code org.webjars:swagger-ui} jar on the
 * classpath (nothing from a CDN). Only the UI's own file names are served, so no request can name
 * another classpath resource.
 */
public final class DocsController {
  /**
   * The dashboard's policy ({@code WebController}), except that Swagger UI sets inline styles: no
   * inline script, nothing from elsewhere, no framing.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css",
          "index.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "swagger-ui-standalone-preset.js", "text/javascript",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");
  private static final Set<String> NAMES = ASSETS.keySet();

  private final Supplier<String> documentSource;
  private final String version;
  private volatile String document;

  public final Endpoint openapi = Endpoint.of("this OpenAPI document", this::openapi);

  public final Endpoint index = Endpoint.of("Swagger UI", this::index).undocumented();

  public final Endpoint asset = Endpoint.of("Swagger UI files", this::asset).undocumented();

  /** {@code document} is asked once, on first use: the registry it describes includes this page. */
  public DocsController(Supplier<String> document) {
    this.documentSource = document;
    this.version = webjarVersion();
  }

  private void openapi(Context ctx) {
    if (document == null) {
      document = documentSource.get();
    }
    ctx.contentType("application/json").result(document);
  }

  /** The UI page: the webjar's bundle pointed at our document. */
  private void index(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-cache")
        .contentType("text/html; charset=utf-8")
        .result(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Rishe API</title>
            <link rel="stylesheet" href="docs/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="docs/swagger-ui-bundle.js"></script>
            <script src="docs/swagger-ui-standalone-preset.js"></script>
            <script src="docs/rishe-init.js"></script>
            </body></html>
            """);
  }

  private void asset(Context ctx) {
    String name = ctx.pathParam("file");
    if (name.equals("rishe-init.js")) {
      // a file of its own: the page's Content-Security-Policy forbids inline scripts
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .header("X-Content-Type-Options", "nosniff")
          .contentType("text/javascript")
          .result(
              "window.ui = SwaggerUIBundle({url: '/api/v1/openapi.json', dom_id: '#swagger-ui',"
                  + " presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],"
                  + " layout: 'BaseLayout'});\n");
      return;
    }
    if (!NAMES.contains(name)) {
      throw ApiProblem.notFound("no documentation file '" + name + "'");
    }
    InputStream file =
        DocsController.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + name);
    if (file == null) {
      throw ApiProblem.notFound("no documentation file '" + name + "'");
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "max-age=86400")
        .contentType(ASSETS.get(name))
        .result(file);
  }

  private static String webjarVersion() {
    try (InputStream in =
        DocsController.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui WebJar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the swagger-ui WebJar's version", e);
    }
  }
}
