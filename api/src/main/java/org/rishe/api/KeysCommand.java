package org.rishe.api;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rishe.api.auth.ApiKey;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.common.cli.Arguments;
import org.rishe.common.privacy.KeyCheck;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe keys create|demo|list|revoke|rotate}: makes, lists, revokes and replaces the API
 * keys of a warehouse. A key is printed once, when made; only its hash is stored.
 */
public final class KeysCommand {
  static final String USAGE =
      """
      Usage: rishe keys create --role ROLE [--donor DONOR_ID | --volunteer VOLUNTEER_ID]
                               [--expires DATE] [--pseudonym-key FILE] [--warehouse DIR]
             rishe keys demo [--donor DONOR_ID] [--volunteer VOLUNTEER_ID]
                             [--pseudonym-key FILE] [--warehouse DIR]
             rishe keys list [--warehouse DIR]
             rishe keys revoke ID [--warehouse DIR]
             rishe keys rotate ID [--warehouse DIR]

      create   makes an API key and prints it once, as the last word of the output: only its hash
               is stored (in <warehouse>/config/api-keys.json), so keep it safe
      demo     makes a key for each of leadership, planner, researcher and admin, and a donor
               and a volunteer key when --donor and --volunteer are given, in one go, and
               prints each once as a line "ROLE KEY" (what rishe demo prints and saves)
      list     one line per key: id, role, created, expires (never the key itself)
      revoke   removes the key with that id (the rk_<id>_ part of the key); a running server
               refuses it within two seconds
      rotate   replaces the key with that id by a new one with the same role, donor or
               volunteer and expiry, printed once; the old key stops working when the new one
               starts

        --role ROLE       leadership, planner, researcher, donor, volunteer or admin
        --donor ID        for a donor key: the donor_id (as in the donations file) it may see
        --volunteer ID    for a volunteer key: the volunteer_id (as in the volunteers file) whose
                          matches it sees and in whose name it registers interest
        --expires DATE    the key stops working at the start of this day (UTC), YYYY-MM-DD
        --pseudonym-key FILE
                          for --donor and --volunteer: the pseudonym key ingest used (as in
                          rishe ingest --help)
        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse)""";

  private KeysCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String action = args[0];
    if (!List.of("create", "demo", "list", "revoke", "rotate").contains(action)) {
      err.println(
          "rishe keys: unknown action '"
              + action
              + "'; the actions are create, demo, list, revoke and rotate (see --help)");
      return 2;
    }
    boolean needsId = action.equals("revoke") || action.equals("rotate");
    if (needsId && (args.length < 2 || args[1].startsWith("-"))) {
      err.println("rishe keys: " + action + " needs the key's id: rishe keys " + action + " ID");
      return 2;
    }
    String id = needsId ? args[1] : null;
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              Arrays.copyOfRange(args, needsId ? 2 : 1, args.length),
              switch (action) {
                case "create" ->
                    Set.of(
                        "--role",
                        "--donor",
                        "--volunteer",
                        "--expires",
                        "--pseudonym-key",
                        "--warehouse");
                case "demo" -> Set.of("--donor", "--volunteer", "--pseudonym-key", "--warehouse");
                default -> Set.of("--warehouse");
              },
              Set.of());
    } catch (IllegalArgumentException e) {
      err.println("rishe keys: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    try {
      ApiKeyStore store = new ApiKeyStore(layout.apiKeys());
      return switch (action) {
        case "create" -> create(arguments, layout, store, out, err);
        case "demo" -> demo(arguments, layout, store, out, err);
        case "list" -> list(store, out);
        case "revoke" -> revoke(store, id, out, err);
        default -> rotate(store, id, out, err);
      };
    } catch (RuntimeException e) {
      err.println("rishe keys: failed: " + e.getMessage());
      return 1;
    }
  }

  private static int create(
      Arguments arguments,
      WarehouseLayout layout,
      ApiKeyStore store,
      PrintStream out,
      PrintStream err) {
    Optional<Role> role = arguments.value("--role").flatMap(Role::parse);
    if (role.isEmpty()) {
      err.println(
          "rishe keys: --role must be one of "
              + Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", ")));
      return 2;
    }
    Optional<String> donor = arguments.value("--donor");
    if (role.get() == Role.DONOR && donor.isEmpty()) {
      err.println("rishe keys: a donor key needs --donor DONOR_ID");
      return 2;
    }
    if (role.get() != Role.DONOR && donor.isPresent()) {
      err.println("rishe keys: --donor is only for --role donor");
      return 2;
    }
    Optional<String> volunteer = arguments.value("--volunteer").map(String::trim);
    if (role.get() == Role.VOLUNTEER && volunteer.filter(v -> !v.isEmpty()).isEmpty()) {
      err.println("rishe keys: a volunteer key needs --volunteer VOLUNTEER_ID");
      return 2;
    }
    if (role.get() != Role.VOLUNTEER && volunteer.isPresent()) {
      err.println("rishe keys: --volunteer is only for --role volunteer");
      return 2;
    }
    Instant expires = null;
    if (arguments.value("--expires").isPresent()) {
      String date = arguments.value("--expires").get();
      try {
        expires = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        err.println("rishe keys: --expires must be a date written YYYY-MM-DD, got '" + date + "'");
        return 2;
      }
      if (!expires.isAfter(Instant.now())) {
        err.println("rishe keys: --expires " + date + " is not in the future");
        return 2;
      }
    }
    String subject =
        donor
            .or(() -> volunteer)
            .map(id -> pseudonymizer(arguments, layout).pseudonym(id))
            .orElse(null);
    String key = store.create(role.get(), subject, expires);
    out.println(
        "Created a "
            + role.get().code()
            + " key"
            + (expires == null ? "" : " expiring " + expires)
            + " (shown once, store it safely): "
            + key);
    return 0;
  }

  /**
   * One key per staff role, then a donor and a volunteer key when their ids are given: what {@code
   * rishe demo} prints, in one JVM instead of one per key.
   */
  private static int demo(
      Arguments arguments,
      WarehouseLayout layout,
      ApiKeyStore store,
      PrintStream out,
      PrintStream err) {
    Map<Role, String> subjects = new LinkedHashMap<>();
    for (Map.Entry<Role, String> option :
        Map.of(Role.DONOR, "--donor", Role.VOLUNTEER, "--volunteer").entrySet()) {
      Optional<String> id = arguments.value(option.getValue()).map(String::trim);
      if (id.isPresent() && id.get().isEmpty()) {
        err.println("rishe keys: --donor and --volunteer need an id when given");
        return 2;
      }
      id.ifPresent(value -> subjects.put(option.getKey(), value));
    }
    // the pseudonym key first: a key that is not the warehouse's stops the command before any key
    Pseudonymizer pseudonyms = subjects.isEmpty() ? null : pseudonymizer(arguments, layout);
    for (Role role : List.of(Role.LEADERSHIP, Role.PLANNER, Role.RESEARCHER, Role.ADMIN)) {
      out.println(role.code() + " " + store.create(role, null, null));
    }
    for (Role role : List.of(Role.DONOR, Role.VOLUNTEER)) {
      if (subjects.containsKey(role)) {
        String subject = pseudonyms.pseudonym(subjects.get(role));
        out.println(role.code() + " " + store.create(role, subject, null));
      }
    }
    return 0;
  }

  /**
   * What turns a donor or volunteer id into the warehouse's pseudonym for it: the key ingest used.
   */
  private static Pseudonymizer pseudonymizer(Arguments arguments, WarehouseLayout layout) {
    // the key of the warehouse's stored rows, never a new one beside them: a donor or volunteer
    // named under another key would be nobody the warehouse knows
    Optional<KeyCheck.Recorded> stored = KeyCheck.storedIn(layout.localRoot());
    PseudonymKeys.Key key =
        PseudonymKeys.resolve(
            System::getenv,
            arguments.value("--pseudonym-key").map(Path::of),
            Optional.of(layout.localRoot()),
            stored.isEmpty());
    Pseudonymizer pseudonymizer = new Pseudonymizer(key.bytes());
    KeyCheck.requireMatches(
        stored,
        pseudonymizer,
        "from " + key.source(),
        "the key would name a donor or volunteer nobody has");
    return pseudonymizer;
  }

  private static int list(ApiKeyStore store, PrintStream out) {
    List<ApiKey> keys = store.list();
    if (keys.isEmpty()) {
      out.println("no keys (make one with: rishe keys create --role ROLE)");
      return 0;
    }
    Instant now = Instant.now();
    out.println(
        String.format(Locale.ROOT, "%-12s  %-10s  %-24s  %s", "id", "role", "created", "expires"));
    for (ApiKey key : keys) {
      String expires =
          key.expiresAt() == null
              ? "never"
              : key.expiresAt() + (key.expiredAt(now) ? " (expired)" : "");
      out.println(
          String.format(
              Locale.ROOT,
              "%-12s  %-10s  %-24s  %s",
              key.id(),
              key.role().code(),
              key.createdAt(),
              expires));
    }
    return 0;
  }

  private static int revoke(ApiKeyStore store, String id, PrintStream out, PrintStream err) {
    if (!store.revoke(id)) {
      err.println("rishe keys: no key with id " + id + " (see rishe keys list)");
      return 1;
    }
    out.println("Revoked key " + id + "; a running server refuses it within two seconds");
    return 0;
  }

  private static int rotate(ApiKeyStore store, String id, PrintStream out, PrintStream err) {
    Optional<String> key = store.rotate(id);
    if (key.isEmpty()) {
      err.println("rishe keys: no key with id " + id + " (see rishe keys list)");
      return 1;
    }
    out.println(
        "Replaced key "
            + id
            + " (shown once, store it safely; the old one no longer works): "
            + key.get());
    return 0;
  }
}
