package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.transport.Tls;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe serve --tls-keystore}: HTTPS only, over a real TLS handshake with a certificate made
 * by the JDK's keytool for 127.0.0.1, and the clear errors for a keystore that cannot be used.
 */
class TlsServeTest {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
  private static final String PASSWORD = "changeit-test";

  @TempDir static Path folder;
  private static Path keystore;

  @BeforeAll
  static void makeAKeystore() throws Exception {
    keystore = folder.resolve("rishe.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "rishe",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }

  @Test
  void servesHttpsOnlyWithTheKeystoresCertificate() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(folder.resolve("warehouse").toString());
    Javalin app =
        ServeCommand.start(
            layout,
            ServeSettings.local(0, 11).withTls(Tls.fromKeyStore(keystore, PASSWORD)),
            QUIET);
    try {
      HttpResponse<String> health =
          trustingTheKeystore()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://127.0.0.1:" + app.port() + "/api/v1/health"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();
      // the same port does not answer plain HTTP with data
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpRequest clear =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/health"))
              .timeout(Duration.ofSeconds(10))
              .build();
      boolean answered;
      try {
        answered = plain.send(clear, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException e) {
        answered = false;
      }
      assertThat(answered).isFalse();
    } finally {
      app.stop();
    }
  }

  @Test
  void aWrongPasswordOrAMissingFileStopsTheServerWithTheReason() throws Exception {
    assertThatThrownBy(() -> Tls.fromKeyStore(keystore, "wrong"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RISHE_TLS_PASSWORD")
        .hasMessageContaining(keystore.toString());
    assertThatThrownBy(() -> Tls.fromKeyStore(folder.resolve("absent.p12"), PASSWORD))
        .hasMessageContaining("is not a readable file");
    Path notAKeystore =
        Files.writeString(folder.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----");
    assertThatThrownBy(() -> Tls.fromKeyStore(notAKeystore, PASSWORD))
        .hasMessageContaining("not a PKCS#12 file");
  }

  private static HttpClient trustingTheKeystore() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }
}
