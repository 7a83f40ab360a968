package org.rishe.common.batch;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encoding of a batch's files: UTF-8 (the contract's, and the default) or Windows-1256,
 * which Persian Windows and older Excel versions write when they save CSV. Every file of a batch is
 * read in the one encoding given; a file that is not valid in it fails as a whole, naming the fix.
 */
public enum BatchEncoding {
  UTF_8("utf-8", StandardCharsets.UTF_8),
  WINDOWS_1256("windows-1256", Charset.forName("windows-1256"));

  private final String code;
  private final Charset charset;

  BatchEncoding(String code, Charset charset) {
    this.code = code;
    this.charset = charset;
  }

  /** The option's spelling: {@code utf-8} or {@code windows-1256}. */
  public String code() {
    return code;
  }

  public Charset charset() {
    return charset;
  }

  /** A reader of text in this encoding that fails on bytes not valid in it. */
  Reader reader(InputStream input) {
    return new InputStreamReader(
        input,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * The encoding an option names ({@code utf-8}/{@code utf8}, {@code windows-1256}/{@code cp1256}).
   */
  public static Optional<BatchEncoding> parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "utf-8", "utf8" -> Optional.of(UTF_8);
      case "windows-1256", "cp1256" -> Optional.of(WINDOWS_1256);
      default -> Optional.empty();
    };
  }

  /**
   * Whether the start of a file that is not UTF-8 reads as Persian or Arabic text in Windows-1256:
   * its bytes above 127 decode there mostly to Arabic-script letters, where a Latin single-byte
   * encoding (Windows-1252, say) would give accented Latin letters instead.
   */
  public static boolean looksLikeWindows1256(byte[] start) {
    if (isUtf8(start)) {
      return false;
    }
    String text = new String(start, WINDOWS_1256.charset);
    int arabic = 0;
    int other = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        continue;
      }
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
        arabic++;
      } else {
        other++;
      }
    }
    return arabic > 0 && arabic >= 4 * other;
  }

  /**
   * Whether the bytes are UTF-8, allowing the sample to end inside a letter (decoding as if more
   * input followed leaves an incomplete last sequence unread instead of calling it malformed).
   */
  private static boolean isUtf8(byte[] bytes) {
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), false);
    return !result.isError();
  }
}
