package org.rishe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The volunteer's routes ({@code GET /me/matches}, {@code POST /programs/{id}/interest}, {@code GET
 * /me/interests}) and the coordinators' {@code GET /volunteers/{id}/matches} against a {@link
 * FakeApi} answering fixed bodies in the shapes docs/api.md gives.
 */
class RisheClientVolunteerTest extends FakeApiTest {
  private static final String MATCHES =
      """
      {"run":"run-1","volunteerId":"V1","matches":[
        {"programId":"PRG01","rank":1,"score":0.82,
         "reasons":["interested in education_support","4 active participants in R01"]}],
       "nextCursor":"p2"}""";

  private static final String MORE_MATCHES =
      """
      {"run":"run-1","volunteerId":"V1","matches":[
        {"programId":"PRG04","rank":2,"score":0.4,"reasons":[]}],"nextCursor":null}""";

  private static final String INTEREST =
      """
      {"programId":"PRG03","registeredAt":"2026-12-04T19:30:00.123Z","idempotencyKey":"k-1"}""";

  private static final String INTERESTS =
      """
      {"interests":[{"programId":"PRG03","registeredAt":"2026-12-04T19:30:00.123Z"},
                    {"programId":"PRG01","registeredAt":"2026-12-04T19:31:00Z"}]}""";

  private static final String UNKNOWN =
      """
      {"type":"https://rishe.org/problems/not-found","title":"Not Found","status":404,
       "detail":"program 'PRG99' is unknown","instance":"/api/v1/programs/PRG99/interest",
       "validCodes":["PRG01","PRG03"]}""";

  @Override
  void answer(HttpExchange exchange, String request) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    switch (path) {
      case "/api/v1/me/matches", "/api/v1/volunteers/V%201/matches" ->
          FakeApi.answer(exchange, query.contains("cursor=p2") ? MORE_MATCHES : MATCHES);
      case "/api/v1/me/interests" -> FakeApi.answer(exchange, INTERESTS);
      case "/api/v1/programs/PRG03/interest" -> {
        long earlier = requests.stream().filter(request::equals).count() - 1;
        if (request.contains("Idempotency-Key") && earlier > 0) {
          FakeApi.answer(
              exchange, 201, "application/json", INTEREST, Map.of("Idempotent-Replayed", "true"));
        } else {
          FakeApi.answer(exchange, earlier > 0 ? 200 : 201, "application/json", INTEREST, Map.of());
        }
      }
      default -> FakeApi.answer(exchange, 404, "application/problem+json", UNKNOWN, Map.of());
    }
  }

  @Test
  void matchesAreReadWholeWithTheirReasons() {
    Matches mine = client.myMatches();
    Matches coordinators = client.matches("V 1");

    assertThat(mine.volunteerId()).isEqualTo("V1");
    assertThat(mine.matches())
        .extracting(Matches.Match::programId)
        .containsExactly("PRG01", "PRG04");
    Matches.Match first = mine.matches().get(0);
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.score()).isEqualTo(0.82);
    assertThat(first.reasons())
        .containsExactly("interested in education_support", "4 active participants in R01");
    assertThat(coordinators).isEqualTo(mine);
    assertThat(requests)
        .containsExactly(
            "GET /api/v1/me/matches?limit=1000",
            "GET /api/v1/me/matches?limit=1000&cursor=p2",
            "GET /api/v1/volunteers/V%201/matches?limit=1000",
            "GET /api/v1/volunteers/V%201/matches?limit=1000&cursor=p2");
  }

  @Test
  void anInterestIsCreatedThenReplayedWithItsKeyOrFoundWithout() {
    InterestRegistration created = client.registerInterest("PRG03", "k-1");
    InterestRegistration replayed = client.registerInterest("PRG03", "k-1");
    InterestRegistration found = client.registerInterest("PRG03", null);
    InterestRegistration again = client.registerInterest("PRG03", null);

    assertThat(created)
        .isEqualTo(
            new InterestRegistration(
                "PRG03", "2026-12-04T19:30:00.123Z", "k-1", InterestRegistration.Outcome.CREATED));
    assertThat(replayed.outcome()).isEqualTo(InterestRegistration.Outcome.REPLAYED);
    assertThat(found.outcome()).isEqualTo(InterestRegistration.Outcome.CREATED);
    assertThat(again.outcome()).isEqualTo(InterestRegistration.Outcome.ALREADY_REGISTERED);
    // no body, the key in its header
    assertThat(requests.get(0))
        .isEqualTo("POST /api/v1/programs/PRG03/interest Idempotency-Key=k-1");
    assertThat(requests.get(2)).isEqualTo("POST /api/v1/programs/PRG03/interest");
    assertThat(client.registerInterest("PRG03").idempotencyKey()).isEqualTo("k-1");
    assertThat(requests.get(4))
        .matches("POST /api/v1/programs/PRG03/interest Idempotency-Key=[0-9a-f-]{36}");
  }

  @Test
  void anUnknownProgrammeIsAProblemNamingTheValidOnes() {
    assertThatThrownBy(() -> client.registerInterest("PRG99", "k-9"))
        .isInstanceOfSatisfying(
            RisheApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.extension("validCodes")).contains(List.of("PRG01", "PRG03"));
            });
  }

  @Test
  void myInterestsAreTheProgrammesAndWhenOldestFirst() {
    assertThat(client.myInterests())
        .containsExactly(
            new RegisteredInterest("PRG03", "2026-12-04T19:30:00.123Z"),
            new RegisteredInterest("PRG01", "2026-12-04T19:31:00Z"));
    assertThat(requests).containsExactly("GET /api/v1/me/interests");
  }
}
