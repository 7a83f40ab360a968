package org.rishe.common.occasions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's Gregorian dates against dates known independently of ICU: Iran's official
 * calendar for Nowruz and Yalda, and the Umm al-Qura calendar as published by Saudi Arabia for the
 * lunar occasions.
 */
class OccasionsTest {
  private static OccasionWindow window(String code, int occasionYear) {
    return Occasions.window(Occasions.byCode(code).orElseThrow(), occasionYear);
  }

  @Test
  void nowruzIsTheFirstThirteenDaysOfFarvardinToSizdahBedar() {
    // Nowruz 1403 fell on Wednesday 20 March 2024; Sizdah Bedar (13 Farvardin) on 1 April 2024
    OccasionWindow nowruz1403 = window("nowruz", 1403);
    assertThat(nowruz1403.start()).isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(nowruz1403.end()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(nowruz1403.days()).isEqualTo(13);
    assertThat(window("nowruz", 1402).start()).isEqualTo(LocalDate.of(2023, 3, 21));
    assertThat(window("nowruz", 1404).start()).isEqualTo(LocalDate.of(2025, 3, 21));
  }

  @Test
  void yaldaIsTheWeekEndingOnYaldaNight() {
    // Yalda night (30 Azar) was 20 December 2024 and 21 December 2023
    assertThat(window("yalda", 1403).end()).isEqualTo(LocalDate.of(2024, 12, 20));
    assertThat(window("yalda", 1403).start()).isEqualTo(LocalDate.of(2024, 12, 14));
    assertThat(window("yalda", 1402).end()).isEqualTo(LocalDate.of(2023, 12, 21));
  }

  @Test
  void lunarOccasionsFollowUmmAlQura() {
    // Umm al-Qura: 1 Ramadan 1445 = 11 March 2024, 1 Shawwal 1445 = 10 April 2024
    OccasionWindow ramadan1445 = window("ramadan", 1445);
    assertThat(ramadan1445.start()).isEqualTo(LocalDate.of(2024, 3, 11));
    assertThat(ramadan1445.end()).isEqualTo(LocalDate.of(2024, 4, 9));
    assertThat(ramadan1445.days()).isEqualTo(30);
    assertThat(window("eid_al_fitr", 1445).start()).isEqualTo(LocalDate.of(2024, 4, 10));
    // 1 Ramadan 1444 = 23 March 2023, a 29-day month: 1 Shawwal 1444 = 21 April 2023
    assertThat(window("ramadan", 1444).start()).isEqualTo(LocalDate.of(2023, 3, 23));
    assertThat(window("ramadan", 1444).days()).isEqualTo(29);
    assertThat(window("eid_al_fitr", 1444).start()).isEqualTo(LocalDate.of(2023, 4, 21));
    // 1 Muharram 1446 = 7 July 2024, so Ashura (10 Muharram) = 16 July 2024
    assertThat(window("muharram", 1446).start()).isEqualTo(LocalDate.of(2024, 7, 7));
    assertThat(window("muharram", 1446).end()).isEqualTo(LocalDate.of(2024, 7, 16));
    // Eid al-Adha (10 Dhu al-Hijjah) 1445 = 16 June 2024; Ghadir (18th) eight days later
    assertThat(window("eid_al_adha", 1445).start()).isEqualTo(LocalDate.of(2024, 6, 16));
    assertThat(window("eid_al_adha", 1445).end()).isEqualTo(LocalDate.of(2024, 6, 19));
    assertThat(window("eid_al_ghadir", 1445).start()).isEqualTo(LocalDate.of(2024, 6, 24));
    assertThat(window("eid_al_ghadir", 1445).days()).isEqualTo(1);
  }

  @Test
  void everyOccasionHasOneWindowAYearAndALunarOneSometimesTwo() {
    List<OccasionWindow> in2024 = Occasions.windows(2024, 2024);
    assertThat(in2024).hasSize(Occasions.CATALOGUE.size());
    assertThat(in2024).allSatisfy(w -> assertThat(w.year()).isEqualTo(2024));
    assertThat(in2024).isSortedAccordingTo(java.util.Comparator.comparing(OccasionWindow::start));
    // the lunar year is 11 days shorter: Ramadan starts around 5 January and 26 December 2030
    assertThat(
            Occasions.windows(2030, 2030).stream()
                .filter(w -> w.occasion().code().equals("ramadan"))
                .map(OccasionWindow::occasionYear))
        .containsExactly(1451, 1452);
  }

  @Test
  void namesComeInEnglishAndPersian() {
    Occasion nowruz = Occasions.byCode("nowruz").orElseThrow();
    assertThat(nowruz.name("en")).isEqualTo("Nowruz");
    assertThat(nowruz.name("fa")).isEqualTo("نوروز");
    assertThat(Occasions.CATALOGUE).extracting(Occasion::code).doesNotHaveDuplicates();
    assertThat(Occasions.byCode("christmas")).isEmpty();
  }
}
