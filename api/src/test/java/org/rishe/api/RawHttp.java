package org.rishe.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as written, byte for byte: an HTTP client library would normalise the
 * very paths ({@code //}, {@code /./}, {@code %2e}) the security tests must send as they are.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers by lower-case name, body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isProblemJson() {
      String type = header("content-type");
      return type != null && type.startsWith("application/problem+json");
    }
  }

  static Response send(int port, String method, String target, Map<String, String> headers) {
    return send(port, method, target, headers, new byte[0]);
  }

  static Response send(
      int port, String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1\r\nConnection: close\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body.length > 0 && !headers.containsKey("Transfer-Encoding")) {
        request.append("Content-Length: ").append(body.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      try {
        out.write(body);
      } catch (IOException e) {
        // the server may answer and close before reading a body it refuses; read the answer
      }
      out.flush();
      return parse(socket.getInputStream(), method.equals("HEAD"));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target + " failed", e);
    }
  }

  /** Sends the body with chunked transfer encoding, in chunks of 8 KiB: no Content-Length. */
  static Response sendChunked(
      int port, String method, String target, Map<String, String> headers, byte[] body) {
    java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 8192) {
      int length = Math.min(8192, body.length - at);
      chunked.writeBytes(
          (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(body, at, length);
      chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    Map<String, String> withEncoding = new LinkedHashMap<>(headers);
    withEncoding.put("Transfer-Encoding", "chunked");
    return send(port, method, target, withEncoding, chunked.toByteArray());
  }

  private static Response parse(InputStream in, boolean head) throws IOException {
    byte[] bytes = in.readAllBytes();
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    String head0 = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.UTF_8);
    String[] lines = head0.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    if (end < 0 || head) {
      return new Response(status, headers, "");
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] newline = "\r\n".getBytes(StandardCharsets.US_ASCII);
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, newline, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
