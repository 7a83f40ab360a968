package org.rishe.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchEncodingTest {
  private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
  private static final String PERSIAN = "family_id,region\nF1,تهران\nF2,شیراز\n";

  @Test
  void persianTextSavedByPersianWindowsIsRecognisedAndUtf8OrLatinTextIsNot() {
    assertThat(BatchEncoding.looksLikeWindows1256(PERSIAN.getBytes(WINDOWS_1256))).isTrue();
    assertThat(BatchEncoding.looksLikeWindows1256(PERSIAN.getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    // French saved as Windows-1252: its accented letters are Latin in Windows-1256 too
    assertThat(
            BatchEncoding.looksLikeWindows1256(
                "name\ncafé,été,garçon\n".getBytes(Charset.forName("windows-1252"))))
        .isFalse();
    // a UTF-8 sample cut inside a two-byte letter is still UTF-8
    byte[] utf8 = PERSIAN.getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 2);
    assertThat(BatchEncoding.looksLikeWindows1256(cut)).isFalse();
  }

  @Test
  void aWindows1256FileReadsInThatEncodingAndTheOptionIsParsed() {
    SourceRow row =
        BatchFileReader.open(
                "families.csv",
                new ByteArrayInputStream(PERSIAN.getBytes(WINDOWS_1256)),
                BatchEncoding.WINDOWS_1256)
            .next()
            .orElseThrow();

    assertThat(row.values()).containsEntry("region", "تهران");
    assertThat(BatchEncoding.parse("Windows-1256")).contains(BatchEncoding.WINDOWS_1256);
    assertThat(BatchEncoding.parse("cp1256")).contains(BatchEncoding.WINDOWS_1256);
    assertThat(BatchEncoding.parse("UTF8")).contains(BatchEncoding.UTF_8);
    assertThat(BatchEncoding.parse("latin-1")).isEmpty();
  }
}
