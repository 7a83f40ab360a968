package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a small {@code occasion_giving} table into a run folder with DuckDB, in the shape {@code
 * OccasionsStep} publishes: Yalda 1402 (2023) and Ramadan, Nowruz and Yalda 1403/1445 (2024), the
 * numbers of the analytics test's Yalda week where they exist.
 */
final class OccasionFixture {
  private OccasionFixture() {}

  static void write(Statement statement, Path run) throws SQLException {
    Path folder = run.resolve("occasion_giving");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statement.execute(
        "COPY (SELECT occasion, label_en, label_fa, calendar, CAST(occasion_year AS INTEGER) AS"
            + " occasion_year, CAST(year AS INTEGER) AS year, CAST(start_date AS DATE) AS"
            + " start_date, CAST(end_date AS DATE) AS end_date, CAST(days AS INTEGER) AS days,"
            + " CAST(comparison_days AS INTEGER) AS comparison_days, CAST(\"overlaps\" AS VARCHAR[])"
            + " AS \"overlaps\", measure, CAST(currency AS VARCHAR) AS currency, CAST(occasion_total"
            + " AS DOUBLE) AS occasion_total, CAST(comparison_total AS DOUBLE) AS"
            + " comparison_total, CAST(occasion_weekly AS DOUBLE) AS occasion_weekly,"
            + " CAST(comparison_weekly AS DOUBLE) AS comparison_weekly, CAST(rate_ratio AS"
            + " DOUBLE) AS rate_ratio, CAST(rate_ratio_low AS DOUBLE) AS rate_ratio_low,"
            + " CAST(rate_ratio_high AS DOUBLE) AS rate_ratio_high, CAST(occasion_events AS"
            + " BIGINT) AS occasion_events, CAST(comparison_events AS BIGINT) AS"
            + " comparison_events, CAST(donors AS BIGINT) AS donors, interval_method FROM (VALUES"
            + " ('yalda','Yalda night','شب یلدا','jalali',1402,2023,'2023-12-15','2023-12-21',7,"
            + "112,[],'donations','IRR',3,16,3,1,3,0.9,9.5,3,16,12,'exact_conditional_poisson'),"
            + " ('ramadan','Ramadan','ماه رمضان','hijri',1445,2024,'2024-03-11','2024-04-09',30,"
            + "82,['nowruz'],'donations','IRR',30,41,7,3.5,2,1.2,3.3,30,41,40,"
            + "'exact_conditional_poisson'),"
            + " ('nowruz','Nowruz','نوروز','jalali',1403,2024,'2024-03-20','2024-04-01',13,"
            + "100,['ramadan'],'donations','IRR',5,40,2.69,2.8,0.96,0.3,2.5,5,40,30,"
            + "'exact_conditional_poisson'),"
            + " ('yalda','Yalda night','شب یلدا','jalali',1403,2024,'2024-12-14','2024-12-20',7,"
            + "112,[],'amount','IRR',400,800,400,50,8,0.214927,297.7755,2,5,4,"
            + "'delta_method_clustered_by_donor'),"
            + " ('yalda','Yalda night','شب یلدا','jalali',1403,2024,'2024-12-14','2024-12-20',7,"
            + "112,[],'donations','IRR',2,5,2,0.3125,6.4,0.609443,39.09246,2,5,4,"
            + "'exact_conditional_poisson'),"
            + " ('yalda','Yalda night','شب یلدا','jalali',1403,2024,'2024-12-14','2024-12-20',7,"
            + "112,[],'donations','USD',1,1,1,0.0625,16,0.20383,1255.949,1,1,1,"
            + "'exact_conditional_poisson'),"
            + " ('yalda','Yalda night','شب یلدا','jalali',1403,2024,'2024-12-14','2024-12-20',7,"
            + "112,[],'amount','USD',10,20,10,1.25,8,NULL,NULL,1,1,1,"
            + "'delta_method_clustered_by_donor'),"
            + " ('yalda','Yalda night','شب یلدا','jalali',1403,2024,'2024-12-14','2024-12-20',7,"
            + "80,[],'volunteer_sign_ups',NULL,2,3,2,0.2625,7.619048,0.636364,66.5115,2,3,NULL,"
            + "'exact_conditional_poisson'))"
            + " AS t(occasion, label_en, label_fa, calendar, occasion_year, year, start_date,"
            + " end_date, days, comparison_days, \"overlaps\", measure, currency, occasion_total,"
            + " comparison_total, occasion_weekly, comparison_weekly, rate_ratio, rate_ratio_low,"
            + " rate_ratio_high, occasion_events, comparison_events, donors, interval_method))"
            + " TO '"
            + folder.resolve("part-0.parquet")
            + "' (FORMAT PARQUET)");
  }
}
