package org.rishe.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;

class RouteTableTest {
  private static final RouteTable TABLE =
      new RouteTable(
          List.of(
              ApiRoute.get("/api/v1/health", "health", ctx -> {}),
              ApiRoute.get("/api/v1/programs/{id}/impact", "impact", ctx -> {}).roles(Role.PLANNER),
              ApiRoute.post("/api/v1/programs/{id}/impact", "recompute", ctx -> {})
                  .roles(Role.ADMIN)));

  @Test
  void aTemplateMatchesOneNonEmptySegmentPerParameter() {
    assertThat(TABLE.match("/api/v1/programs/p1/impact").orElseThrow().pathParameters())
        .containsEntry("id", "p1");
    assertThat(TABLE.match("/api/v1/programs//impact")).isEmpty();
    assertThat(TABLE.match("/api/v1/programs/a/b/impact")).isEmpty();
    assertThat(TABLE.match("/api/v1/Health")).isEmpty();
  }

  @Test
  void headIsGuardedLikeGetAndAMethodThePathLacksNeedsAnyRoleOfThePath() {
    RouteTable.Match match = TABLE.match("/api/v1/programs/p1/impact").orElseThrow();

    assertThat(match.allowedRoles(HandlerType.HEAD)).containsExactly(Role.PLANNER);
    assertThat(match.allowedRoles(HandlerType.POST)).containsExactly(Role.ADMIN);
    assertThat(match.allowedRoles(HandlerType.OPTIONS))
        .containsExactlyInAnyOrder(Role.PLANNER, Role.ADMIN);
    assertThat(TABLE.match("/api/v1/health").orElseThrow().allowedRoles(HandlerType.DELETE))
        .isEmpty();
  }

  @Test
  void aRouteWithASegmentTheGateCannotMatchIsRefusedAtDeclaration() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ApiRoute.get("/api/v1/files/<path>", "files", ctx -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has segment '<path>'");
  }
}
