package org.rishe.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeysTest {
  @TempDir Path temporary;

  @BeforeEach
  void keyComesFromTheWarehouse() {
    Assumptions.assumeTrue(
        PseudonymKeys.fromEnvironment().isEmpty(),
        PseudonymKeys.ENVIRONMENT_VARIABLE + " is set, so no key file is made");
  }

  private static void assumePosix() {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
  }

  @Test
  void aNewKeyIsOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
    assumePosix();
    Path warehouse = temporary.resolve("warehouse");

    PseudonymKeys.loadOrCreate(warehouse);

    Path key = PseudonymKeys.keyFile(warehouse);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aPrivateFolderAnEarlierVersionLeftOpenIsMadeOwnerOnlyWhenTheKeyIsMade() throws IOException {
    assumePosix();
    Path warehouse = temporary.resolve("warehouse");
    Path folder = PseudonymKeys.keyFile(warehouse).getParent();
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    PseudonymKeys.loadOrCreate(warehouse);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
  }

  @Test
  void theKeyIsWrittenWholeAndKeptAndNoTemporaryFileIsLeft() throws IOException {
    Path warehouse = temporary.resolve("warehouse");

    byte[] first = PseudonymKeys.loadOrCreate(warehouse);
    byte[] second = PseudonymKeys.loadOrCreate(warehouse);

    assertThat(first).hasSize(32).isEqualTo(second);
    Path key = PseudonymKeys.keyFile(warehouse);
    assertThat(Files.readString(key, StandardCharsets.UTF_8))
        .isEqualTo(HexFormat.of().formatHex(first) + "\n");
    assertThat(filesIn(key.getParent())).containsExactly("pseudonym.key");
  }

  @Test
  void aKeyThatIsThereAlreadyIsNeverReplaced() throws IOException {
    Path key = PseudonymKeys.keyFile(temporary.resolve("warehouse"));
    Files.createDirectories(key.getParent());
    String existing = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n";
    Files.writeString(key, existing, StandardCharsets.UTF_8);

    // what a second process does when it found no key a moment before the first one wrote it
    PseudonymKeys.create(key);

    assertThat(Files.readString(key, StandardCharsets.UTF_8)).isEqualTo(existing);
    assertThat(filesIn(key.getParent())).containsExactly("pseudonym.key");
  }

  private static List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }

  @Test
  void aKeyFileOutsideTheWarehouseIsMadeThereOnceAndItsFolderLeftAlone() throws IOException {
    assumePosix();
    Path home = temporary.resolve("home");
    Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = home.resolve("rishe.key");
    Path warehouse = temporary.resolve("warehouse");

    PseudonymKeys.Key first =
        PseudonymKeys.resolve(name -> null, Optional.of(file), Optional.of(warehouse));
    PseudonymKeys.Key second =
        PseudonymKeys.resolve(name -> null, Optional.of(file), Optional.of(warehouse));

    assertThat(first.insideWarehouse()).isFalse();
    assertThat(second.bytes()).isEqualTo(first.bytes()).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwxr-xr-x");
    assertThat(PseudonymKeys.keyFile(warehouse)).doesNotExist();
  }

  @Test
  void theKeyComesFromTheVariableThenTheOptionThenTheFileVariableThenTheWarehouse() {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    Path option = temporary.resolve("option.key");
    Path named = temporary.resolve("named.key");
    Path warehouse = temporary.resolve("warehouse");
    Map<String, String> all =
        Map.of(
            PseudonymKeys.ENVIRONMENT_VARIABLE,
            hex,
            PseudonymKeys.FILE_ENVIRONMENT_VARIABLE,
            named.toString());

    PseudonymKeys.Key fromVariable =
        PseudonymKeys.resolve(all::get, Optional.of(option), Optional.of(warehouse));
    PseudonymKeys.Key fromOption =
        PseudonymKeys.resolve(
            Map.of(PseudonymKeys.FILE_ENVIRONMENT_VARIABLE, named.toString())::get,
            Optional.of(option),
            Optional.of(warehouse));
    PseudonymKeys.Key fromNamedFile =
        PseudonymKeys.resolve(
            Map.of(PseudonymKeys.FILE_ENVIRONMENT_VARIABLE, named.toString())::get,
            Optional.empty(),
            Optional.of(warehouse));
    PseudonymKeys.Key fromWarehouse =
        PseudonymKeys.resolve(name -> null, Optional.empty(), Optional.of(warehouse));

    assertThat(fromVariable.bytes()).isEqualTo(HexFormat.of().parseHex(hex));
    assertThat(fromOption.source()).isEqualTo(option.toString());
    assertThat(fromNamedFile.source()).isEqualTo(named.toString());
    assertThat(fromWarehouse.source()).isEqualTo(PseudonymKeys.keyFile(warehouse).toString());
    assertThat(fromWarehouse.insideWarehouse()).isTrue();
    assertThat(List.of(fromOption.insideWarehouse(), fromNamedFile.insideWarehouse()))
        .containsOnly(false);
    assertThat(fromOption.bytes()).isNotEqualTo(fromNamedFile.bytes());
  }

  @Test
  void aWarehouseNotOnTheLocalDiskWithNoKeyGivenIsRefusedNamingTheWays() {
    assertThatThrownBy(
            () -> PseudonymKeys.resolve(name -> null, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--pseudonym-key FILE")
        .hasMessageContaining(PseudonymKeys.FILE_ENVIRONMENT_VARIABLE)
        .hasMessageContaining(PseudonymKeys.ENVIRONMENT_VARIABLE);
  }
}
