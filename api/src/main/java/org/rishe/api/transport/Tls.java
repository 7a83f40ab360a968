package org.rishe.api.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for {@code rishe serve}: a PKCS#12 keystore holding the server's private key and
 * certificate chain (what {@code openssl pkcs12 -export -in fullchain.pem -inkey privkey.pem}
 * writes from a certificate authority's PEM files). The keystore is read and checked once at start,
 * so a wrong path or password stops the server with the reason instead of failing every handshake.
 * The password comes from an environment variable, never from the command line, where other users
 * of the machine could read it in the process list.
 */
public final class Tls {
  /** The environment variable holding the keystore's password. */
  public static final String PASSWORD_VARIABLE = "RISHE_TLS_PASSWORD";

  private final KeyStore keyStore;
  private final String password;
  private final Path file;

  private Tls(KeyStore keyStore, String password, Path file) {
    this.keyStore = keyStore;
    this.password = password;
    this.file = file;
  }

  /**
   * Reads {@code file} with {@code password} (null or empty: none); a clear error when it cannot be
   * read, is not PKCS#12, has the wrong password or holds no private key.
   */
  public static Tls fromKeyStore(Path file, String password) {
    requireNonNull(file, "file is null");
    String secret = password == null ? "" : password;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the TLS keystore " + file + " is not a readable file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret.toCharArray());
      boolean hasKey = false;
      for (String alias : Collections.list(store.aliases())) {
        hasKey |= store.isKeyEntry(alias);
      }
      if (!hasKey) {
        throw new IllegalArgumentException(
            "the TLS keystore "
                + file
                + " holds no private key: export the key with its certificate chain"
                + " (openssl pkcs12 -export -in fullchain.pem -inkey privkey.pem -out FILE)");
      }
      return new Tls(store, secret, file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot open the TLS keystore "
              + file
              + ": not a PKCS#12 file, or the password in $"
              + PASSWORD_VARIABLE
              + " is wrong ("
              + e.getMessage()
              + ")",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot open the TLS keystore " + file + ": " + e.getMessage(), e);
    }
  }

  /** The keystore file, for the start-up line. */
  public Path file() {
    return file;
  }

  /**
   * An HTTPS connector on {@code host}:{@code port} for {@code server}: TLS 1.2 and 1.3 only
   * (Jetty's defaults exclude the weak suites), HTTP/1.1 inside, requests marked secure.
   */
  public Connector connector(Server server, HttpConfiguration http, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore);
    ssl.setKeyStorePassword(password);
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    // a certificate for a public name need not match the address a client used on the way in
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
