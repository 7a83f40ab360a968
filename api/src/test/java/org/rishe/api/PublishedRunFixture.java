package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes a results run into a warehouse folder the way {@code rishe analyze} does (Parquet
 * tables, run.json, then LATEST), but written with DuckDB so the API tests need no Spark.
 */
final class PublishedRunFixture {
  private PublishedRunFixture() {}

  /** One problem row: code, English label, Persian label, cases, people. */
  record Problem(String code, String labelEn, String labelFa, long cases, long people) {}

  /** The problems of a run with child labour alone, as many people as cases. */
  static List<Problem> childLabour(long cases) {
    return List.of(new Problem("child_labour", "Child labour", "کار کودک", cases, cases));
  }

  static void publish(Path warehouse, String runId, List<Problem> problems) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(run.resolve("problems"));
      Files.createDirectories(run.resolve("indicators"));
      StringBuilder values = new StringBuilder();
      StringBuilder indicators = new StringBuilder();
      for (Problem p : problems) {
        values
            .append(values.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('%s','%s','%s',%d,%d)",
                    p.code(), p.labelEn(), p.labelFa(), p.cases(), p.people()));
        indicators
            .append(indicators.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('%s','problem','boolean','family','%s','%s')",
                    p.code(), p.labelEn(), p.labelFa()));
      }
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + values
              + ") AS t(code, label_en, label_fa, cases, people)) TO '"
              + run.resolve("problems/part-0.parquet")
              + "' (FORMAT PARQUET)");
      // two outcomes of writePrograms and writeProgramImpactGaps, labelled in both languages
      indicators.append(
          (indicators.length() == 0 ? "" : ",")
              + "('school_enrolled','outcome','boolean','education','School enrolment',"
              + "'ثبت‌نام در مدرسه'),('reading_score','outcome','number','education',"
              + "'Reading score','نمره خواندن')");
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + indicators
              + ") AS t(code, kind, value_type, domain, label_en, label_fa)) TO '"
              + run.resolve("indicators/part-0.parquet")
              + "' (FORMAT PARQUET)");
      DashboardFixture.write(statement, run);
      OccasionFixture.write(statement, run);
      NeedsFixture.write(statement, run);
      RegionFixture.write(statement, run);
      Files.writeString(
          run.resolve("run.json"),
          "{\"runId\":\"" + runId + "\",\"publishedAt\":\"2026-11-29T00:00:00Z\"}");
      Files.writeString(warehouse.resolve("results").resolve("LATEST"), runId + "\n");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a run's folder, to publish a changed copy of it as a newer run. */
  static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  /**
   * A store serving run {@code run-old}, published with one problem and then stripped of {@code
   * table}, as a run published before that table existed.
   */
  static org.rishe.api.results.ResultsStore storeOfRunWithout(Path warehouse, String table) {
    publish(
        warehouse, "run-old", List.of(new Problem("dropout", "School dropout", "ترک تحصیل", 1, 1)));
    try (Stream<Path> files = Files.walk(warehouse.resolve("results/run-old").resolve(table))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    org.rishe.api.results.ResultsStore store =
        new org.rishe.api.results.ResultsStore(
            new org.rishe.common.warehouse.WarehouseLayout(warehouse.toString()));
    if (!store.refresh()) {
      throw new IllegalStateException("run-old was not loaded");
    }
    return store;
  }

  /**
   * Writes the programme tables of a run: PRG01 (cost 45) evaluated on school_enrolled by two
   * methods, with the balance of two covariates, PRG04 (no cost) not evaluated. Call before {@link
   * #publish}, which points LATEST at the run last.
   */
  static void writePrograms(Path warehouse, String runId) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String table : List.of("programs", "program_impact", "program_balance")) {
        Files.createDirectories(run.resolve(table));
      }
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('PRG01','Back to School','education_support',"
              + "'school_dropout',45.0::DOUBLE,1500::BIGINT), ('PRG04','Family Counselling',"
              + "'psychosocial','domestic_violence',NULL::DOUBLE,900::BIGINT)) AS t(program_id,"
              + " name, kind, target_problem, cost_per_participant, participants)) TO '"
              + run.resolve("programs/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('PRG01','school_enrolled','risk_difference','doubly_robust',true,0.15,0.12,"
              + "0.18,0.05,1500::BIGINT,7000::BIGINT,40::BIGINT,300.0,250.0,375.0),"
              + " ('PRG01','school_enrolled','risk_difference','naive_difference',false,0.05,"
              + "0.02,0.08,0.05,1500::BIGINT,7000::BIGINT,40::BIGINT,900.0,562.5,2250.0))"
              + " AS t(program_id, outcome, outcome_type, method, primary_method, estimate, low,"
              + " high, naive_difference, treated, controls, trimmed_controls, cost_per_outcome,"
              + " cost_per_outcome_low, cost_per_outcome_high)) TO '"
              + run.resolve("program_impact/part-0.parquet")
              + "' (FORMAT PARQUET)");
      // school_enrolled's estimate has 6 propensity strata: out_of_school is still unbalanced in
      // 2 of them, age in none
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('PRG01','school_enrolled','out_of_school',0.45,0.02,"
              + "true,6,2), ('PRG01','school_enrolled','age',0.10,-0.01,false,6,0)) AS"
              + " t(program_id, outcome, covariate, smd_before, smd_after, binary_covariate,"
              + " strata, unbalanced_strata)) TO '"
              + run.resolve("program_balance/part-0.parquet")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code program_impact_gaps}: PRG01's reading_score with no outcome in its 30-365 day
   * window (1,500 enrolled; 7 had it observed later, at a median 400 days), PRG01's wellbeing_score
   * with 12 enrolled people and 5,000 comparison people with it in an open window from day 30, and
   * PRG04 with nobody of its 900 in scope. Call before {@link #publish}.
   */
  static void writeProgramImpactGaps(Path warehouse, String runId) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(run.resolve("program_impact_gaps"));
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('PRG01','reading_score','no_outcome_in_window','stored sentence',1500::BIGINT,"
              + "1500::BIGINT,0::BIGINT,6400::BIGINT,7::BIGINT,400.0::DOUBLE,30,365,20),"
              + " ('PRG01','wellbeing_score','too_few_treated','stored sentence',1500::BIGINT,"
              + "1500::BIGINT,12::BIGINT,5000::BIGINT,0::BIGINT,NULL::DOUBLE,30,NULL::INTEGER,20),"
              + " ('PRG04',NULL,'nobody_in_scope','stored sentence',900::BIGINT,0::BIGINT,"
              + "NULL::BIGINT,NULL::BIGINT,NULL::BIGINT,NULL::DOUBLE,30,NULL::INTEGER,20))"
              + " AS t(program_id, outcome, reason, reason_text, enrolled, in_scope,"
              + " treated_with_outcome, comparison_with_outcome, treated_outside_window,"
              + " median_days_outside_window, follow_up_start_days, follow_up_end_days,"
              + " minimum_group_size)) TO '"
              + run.resolve("program_impact_gaps/part-0.parquet")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the causal-graph tables of a run: a four-node graph (age band, parent_illiterate,
   * out_of_school, child_labour) with one undirected edge (age_band -- out_of_school), two chains
   * of child_labour on the risk-difference scale with 95% intervals and sample sizes (1:
   * parent_illiterate → out_of_school → child_labour, directed, 11620 people in 5210 families,
   * total 0.4 [0.3, 0.5], risks 0.55 exposed and 0.15 unexposed; 2: age_band — out_of_school →
   * child_labour, possible, 9870 people, total 0.0 [-0.09, 0.1], no share mediated), one chain of
   * dropout estimated on 7 people (3 families) without intervals (parent_illiterate → dropout,
   * total 0.6), and child_labour's factors in {@code root_causes}: out_of_school (adjusted OR 2.5;
   * total effect RR 2.1 [1.5, 2.9], RD 0.12 [0.06, 0.18], adjusted for parent_illiterate),
   * parent_illiterate (2.0, no total effect), learning_difficulty (no adjusted OR, 7 exposed cases)
   * overall, and parent_illiterate in R01 (9 exposed cases; total effect RR 1.8, adjusted for
   * nothing). Call before {@link #publish}.
   */
  static void writeRootCauses(Path warehouse, String runId) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of("causal_graph_nodes", "causal_graph_edges", "root_cause_chains", "root_causes")) {
        Files.createDirectories(run.resolve(table));
      }
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('age_band','demographic','Age band','گروه سنی'),"
              + " ('parent_illiterate','factor','Parent illiterate','والد بی‌سواد'),"
              + " ('out_of_school','factor','Out of school','خارج از مدرسه'),"
              + " ('child_labour','problem','Child labour','کار کودک'))"
              + " AS t(id, kind, label_en, label_fa)) TO '"
              + run.resolve("causal_graph_nodes/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('parent_illiterate','out_of_school',true,0.9),"
              + " ('out_of_school','child_labour',true,0.8),"
              + " ('age_band','out_of_school',false,0.5))"
              + " AS t(\"from\", \"to\", directed, stability)) TO '"
              + run.resolve("causal_graph_edges/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('child_labour',1,['parent_illiterate','out_of_school','child_labour'],true,"
              + "11620::BIGINT,0.1,0.02,0.18,0.3,0.21,0.39,0.4,0.3,0.5,0.75,'risk difference',"
              + "5210::BIGINT,0.55,0.15),"
              + " ('child_labour',2,['age_band','out_of_school','child_labour'],false,"
              + "9870::BIGINT,0.0,-0.11,0.12,0.0,-0.05,0.06,0.0,-0.09,0.1,NULL::DOUBLE,"
              + "'risk difference',4400::BIGINT,0.2,0.2),"
              + " ('dropout',1,['parent_illiterate','dropout'],true,7::BIGINT,0.6,NULL::DOUBLE,"
              + "NULL::DOUBLE,0.0,NULL::DOUBLE,NULL::DOUBLE,0.6,NULL::DOUBLE,NULL::DOUBLE,0.0,"
              + "'risk difference',3::BIGINT,0.7,0.1))"
              + " AS t(problem, rank, path, directed, people, direct, direct_low, direct_high,"
              + " indirect, indirect_low, indirect_high, total, total_low, total_high,"
              + " share_mediated, effect_scale, families, risk_exposed, risk_unexposed)) TO '"
              + run.resolve("root_cause_chains/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('child_labour',NULL,'parent_illiterate',60::BIGINT,300::BIGINT,60::BIGINT,"
              + "900::BIGINT,40::BIGINT,3.0,2.1,4.2,3.5,2.4,5.1,2.0,1.4,2.9,0.25,0.1,0.4,1e-6,1e-5,"
              + "200.0,'strong',1240::BIGINT,120::BIGINT,NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,"
              + "NULL::DOUBLE,NULL::DOUBLE,NULL::VARCHAR,NULL::DOUBLE,NULL::DOUBLE),"
              + " ('child_labour',NULL,'out_of_school',50::BIGINT,200::BIGINT,70::BIGINT,"
              + "1000::BIGINT,40::BIGINT,3.2,2.3,4.4,3.9,2.6,5.6,2.5,1.7,3.6,0.24,0.1,0.35,1e-7,"
              + "1e-6,150.0,'strong',1240::BIGINT,120::BIGINT,2.1,1.5,2.9,0.12,0.06,0.18,'parent_illiterate',"
              + "1.0e-5,4.0e-5),"
              + " ('child_labour',NULL,'learning_difficulty',7::BIGINT,150::BIGINT,113::BIGINT,"
              + "1050::BIGINT,40::BIGINT,0.5,0.2,1.0,0.45,0.2,1.0,NULL::DOUBLE,NULL::DOUBLE,"
              + "NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,0.3,0.5,NULL::DOUBLE,"
              + "'insufficient data',1240::BIGINT,120::BIGINT,NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,"
              + "NULL::DOUBLE,NULL::DOUBLE,NULL::DOUBLE,NULL::VARCHAR,NULL::DOUBLE,NULL::DOUBLE),"
              + " ('child_labour','R01','parent_illiterate',9::BIGINT,40::BIGINT,10::BIGINT,"
              + "100::BIGINT,10::BIGINT,2.2,1.0,4.9,2.6,1.0,6.9,1.9,0.7,5.0,0.2,0.0,0.4,0.05,0.2,"
              + "180.0,'weak',150::BIGINT,19::BIGINT,1.8,1.1,2.9,0.08,0.01,0.15,'',0.0175,0.035))"
              + " AS t(problem, region, factor, exposed_cases, exposed_total, unexposed_cases,"
              + " unexposed_total, missing, relative_risk, relative_risk_low, relative_risk_high,"
              + " odds_ratio, odds_ratio_low, odds_ratio_high, adjusted_odds_ratio,"
              + " adjusted_odds_ratio_low, adjusted_odds_ratio_high, attributable_fraction,"
              + " attributable_fraction_low, attributable_fraction_high, p_value, q_value,"
              + " median_lead_days, evidence, population, cases, total_risk_ratio, total_risk_ratio_low,"
              + " total_risk_ratio_high, total_risk_difference, total_risk_difference_low,"
              + " total_risk_difference_high, total_adjusted_for, total_p_value, total_q_value)) TO '"
              + run.resolve("root_causes/part-0.parquet")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes only the chains of a run as published before chains had a direction flag, a sample size,
   * intervals and an effect scale (log-odds then): one chain of child_labour (parent_illiterate →
   * out_of_school → child_labour; direct 0.2, indirect 0.1, total 0.3, share mediated 1/3). Call
   * before {@link #publish}.
   */
  static void writeChainsBeforeIntervals(Path warehouse, String runId) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(run.resolve("root_cause_chains"));
      statement.execute(
          "COPY (SELECT * FROM (VALUES"
              + " ('child_labour',1,['parent_illiterate','out_of_school','child_labour'],"
              + "0.2,0.1,0.3,1.0/3))"
              + " AS t(problem, rank, path, direct, indirect, total, share_mediated)) TO '"
              + run.resolve("root_cause_chains/part-0.parquet")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Dropout and child-labour cases by region and sex (one age band, one month) as {@code
   * cube_cases}, k = 11 in mind:
   *
   * <pre>
   *               child_labour      dropout
   *              female  male    female  male
   *   R01          10      9        3     40
   *   R02          20     22       35     18
   *   R03          30     29       12     14
   * </pre>
   *
   * The child_labour cases are those {@link #writeRootCauses} counts (120; 19 in R01), as a run
   * publishes them: a route serving a count of cases serves it to a researcher only as the
   * protected cube does.
   *
   * <p>a {@code cube_people} table of 1,240 people, as many as the root causes count (150 in R01;
   * the run names no age range, so the API counts every band as possibly outside it), and a small
   * {@code cube_participants} table. Call before {@link #publish}.
   */
  static void writeCubes(Path warehouse, String runId) {
    Path run = warehouse.resolve("results").resolve(runId);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String table : List.of("cube_cases", "cube_people", "cube_participants")) {
        Files.createDirectories(run.resolve(table));
      }
      StringBuilder cases = new StringBuilder();
      for (Object[] row : CASES) {
        cases
            .append(cases.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('%s','%s','%s','12-14','2025-01',%d::BIGINT)",
                    row[0], row[1], row[2], row[3]));
      }
      statement.execute(
          "COPY (SELECT * FROM (VALUES "
              + cases
              + ") AS t(region, problem, sex, age_band, month, cases)) TO '"
              + run.resolve("cube_cases/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('R01','female','6-11',40::BIGINT),"
              + " ('R01','male','6-11',38::BIGINT), ('R01','female','12-14',36::BIGINT),"
              + " ('R01','male','12-14',36::BIGINT), ('R02','female','6-11',25::BIGINT),"
              + " ('R02','unknown','unknown',2::BIGINT), ('R03','female','12-14',531::BIGINT),"
              + " ('R03','male','12-14',532::BIGINT)) AS t(region, sex, age_band, people)) TO '"
              + run.resolve("cube_people/part-0.parquet")
              + "' (FORMAT PARQUET)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('R01','PRG01','female','12-14','2025-01',12::BIGINT),"
              + " ('R01','PRG01','male','12-14','2025-01',14::BIGINT)) AS t(region, program, sex,"
              + " age_band, month, participants)) TO '"
              + run.resolve("cube_participants/part-0.parquet")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The finest cells of {@link #writeCubes}' cases cube: region, problem, sex, cases. */
  static final List<Object[]> CASES =
      List.of(
          new Object[] {"R01", "child_labour", "female", 10},
          new Object[] {"R01", "child_labour", "male", 9},
          new Object[] {"R01", "dropout", "female", 3},
          new Object[] {"R01", "dropout", "male", 40},
          new Object[] {"R02", "child_labour", "female", 20},
          new Object[] {"R02", "child_labour", "male", 22},
          new Object[] {"R02", "dropout", "female", 35},
          new Object[] {"R02", "dropout", "male", 18},
          new Object[] {"R03", "child_labour", "female", 30},
          new Object[] {"R03", "child_labour", "male", 29},
          new Object[] {"R03", "dropout", "female", 12},
          new Object[] {"R03", "dropout", "male", 14});
}
