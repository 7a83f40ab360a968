#!/usr/bin/env bash
# Root-cause truth check at benchmark size: generate N families, ingest, analyze, compare with the
# generator's truth. Usage: bench/rootcause/run.sh [FAMILIES] [SEED]   (default 20000 42)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# One reactor build, so the sibling modules resolve to their fresh target/classes.
mvn -B -q -pl analytics -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/rootcause-bench-classpath.txt
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -Xmx3g \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Drishe.spark.master='local[2]' \
  -cp "analytics/target/test-classes:analytics/target/classes:$(cat analytics/target/rootcause-bench-classpath.txt)" \
  org.rishe.analytics.rootcause.RootCauseBenchmark "${1:-20000}" "${2:-42}"
