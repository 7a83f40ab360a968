package org.rishe.generator;

import java.util.SplittableRandom;

/**
 * Persian-looking fake names and national ids. They exist so ingest can prove it drops direct
 * identifiers; none belongs to a real person (national ids skip the official check digit).
 */
final class FakeNames {
  private static final String[] FEMALE = {
    "زهرا", "فاطمه", "مریم", "زینب", "سارا", "نرگس", "لیلا", "مهسا", "الهام", "شیرین", "پریسا",
    "نازنین", "هستی", "یاسمن", "آیدا", "کوثر", "رقیه", "سمیه"
  };
  private static final String[] MALE = {
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "امیر",
    "حسن",
    "جواد",
    "سعید",
    "مجید",
    "کیان",
    "آرین",
    "امیرعلی",
    "ابوالفضل",
    "یوسف",
    "سجاد",
    "بهرام",
    "داوود"
  };
  private static final String[] FAMILY = {
    "محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی", "قاسمی",
    "نوری", "کاظمی", "هاشمی", "عباسی", "زارعی", "اکبری", "یوسفی", "مرادی", "سلیمانی", "بهرامی"
  };

  private FakeNames() {}

  static String familyName(SplittableRandom random) {
    return FAMILY[random.nextInt(FAMILY.length)];
  }

  static String fullName(SplittableRandom random, boolean female, String familyName) {
    String[] given = female ? FEMALE : MALE;
    return given[random.nextInt(given.length)] + " " + familyName;
  }

  static String nationalId(SplittableRandom random) {
    return Ids.pad(random.nextLong(10_000_000_000L), 10);
  }
}
