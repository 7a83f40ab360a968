#!/usr/bin/env bash
# Runs a benchmark main class from the analytics test sources on a fresh build, with the JVM
# options Spark needs on Java 17. Usage: bench/lib/test-main.sh CLASS [ARGS...]
# Heap: BENCH_HEAP (default 3g); more JVM options (a JFR recording, say): BENCH_JAVA_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
main="$1"; shift
# One reactor build, so the sibling modules resolve to their fresh target/classes.
mvn -B -q -pl analytics -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
exec java "-Xmx${BENCH_HEAP:-3g}" ${BENCH_JAVA_OPTS:-} \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Drishe.spark.master="${BENCH_MASTER:-local[2]}" \
  -cp "analytics/target/test-classes:analytics/target/classes:$(cat analytics/target/bench-classpath.txt)" \
  "$main" "$@"
