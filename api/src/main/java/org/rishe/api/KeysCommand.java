package org.rishe.api;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.common.cli.Arguments;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe keys create --role ROLE [--donor DONOR_ID]}: creates an API key and prints it once.
 */
public final class KeysCommand {
  static final String USAGE =
      """
      Usage: rishe keys create --role ROLE [--donor DONOR_ID] [--warehouse DIR]

      Creates an API key and prints it once, as the last word of the output: only its hash is
      stored (in <warehouse>/config/api-keys.json), so keep it safe.

        --role ROLE       leadership, planner, researcher, donor or admin
        --donor ID        for a donor key: the donor_id (as in the donations file) it may see
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
    if (!args[0].equals("create")) {
      err.println(
          "rishe keys: unknown action '" + args[0] + "'; the only action is create (see --help)");
      return 2;
    }
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              Arrays.copyOfRange(args, 1, args.length),
              Set.of("--role", "--donor", "--warehouse"),
              Set.of());
    } catch (IllegalArgumentException e) {
      err.println("rishe keys: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    Optional<Role> role = arguments.value("--role").flatMap(Role::parse);
    if (role.isEmpty()) {
      err.println(
          "rishe keys: --role must be one of leadership, planner, researcher, donor, admin");
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
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    try {
      String donorPseudonym =
          donor
              .map(
                  d ->
                      new Pseudonymizer(PseudonymKeys.loadOrCreate(layout.localRoot()))
                          .pseudonym(d))
              .orElse(null);
      String key = new ApiKeyStore(layout.apiKeys()).create(role.get(), donorPseudonym);
      out.println("Created a " + role.get().code() + " key (shown once, store it safely): " + key);
      return 0;
    } catch (RuntimeException e) {
      err.println("rishe keys: failed: " + e.getMessage());
      return 1;
    }
  }
}
