package org.rishe.api.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private static ResponseCache.Answer answer(String body) {
    return new ResponseCache.Answer("application/json", body, null);
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesFirstWhenFull() {
    ResponseCache cache = new ResponseCache(2, 1_000);
    cache.put("a", answer("1"));
    cache.put("b", answer("2"));
    cache.get("a");
    cache.put("c", answer("3"));

    assertThat(cache.get("a")).isPresent();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("c")).isPresent();
  }

  @Test
  void answersAreEvictedToStayWithinTheCharacterBudgetAndAnOversizedOneIsNotKept() {
    ResponseCache cache = new ResponseCache(100, 10);
    cache.put("a", answer("1234")); // 5 characters with its key
    cache.put("b", answer("1234"));
    cache.put("c", answer("1234")); // 15 > 10: a goes

    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.size()).isEqualTo(2);
    cache.put("d", answer("12345678901"));
    assertThat(cache.get("d")).isEmpty();
  }
}
