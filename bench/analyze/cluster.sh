#!/usr/bin/env bash
# `rishe analyze` on a Spark standalone cluster on this machine (one master, one worker, both on
# loopback, started from the project's own jars: nothing is downloaded), with a small driver heap:
# the proof that nothing the size of the population lives on the driver.
# Usage: bench/analyze/cluster.sh WAREHOUSE [DRIVER_MEMORY] [EXECUTOR_MEMORY] [CORES]
#   DRIVER_MEMORY default 1g, EXECUTOR_MEMORY default 12g, CORES default all of this machine.
#   RISHE_CLUSTER_MAIN=org.rishe.analytics.rootcause.RootCauseStepBenchmark runs the root-cause
#   step alone (from the analytics test classes: build them with `mvn -pl analytics -am package
#   -DskipTests` or `bin/rishe build`), nothing published.
# The analyze writes a new run into WAREHOUSE (as `rishe analyze` would). Wall time, CPU and the
# driver's peak resident memory are printed and appended to WAREHOUSE/../cluster-summary.txt;
# master, worker, driver and executor logs stay in WAREHOUSE/../cluster/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
warehouse="$(cd "${1:?usage: bench/analyze/cluster.sh WAREHOUSE [DRIVER_MEMORY] [EXECUTOR_MEMORY] [CORES]}" && pwd)"
driver_memory="${2:-1g}"
executor_memory="${3:-12g}"
cores="${4:-$(nproc)}"
work="$(dirname "$warehouse")/cluster"
summary="$(dirname "$warehouse")/cluster-summary.txt"
export SPARK_LOCAL_IP=127.0.0.1

[[ -f $ROOT/analytics/target/runtime-classpath.txt ]] || { echo "build the project first: bin/rishe build" >&2; exit 2; }

main_class="${RISHE_CLUSTER_MAIN:-org.rishe.analytics.AnalyzeCommand}"
classpath="$ROOT/analytics/target/classes:$(cat "$ROOT/analytics/target/runtime-classpath.txt")"
if [[ $main_class != org.rishe.analytics.AnalyzeCommand ]]; then
  [[ -d $ROOT/analytics/target/test-classes ]] || { echo "build the analytics test classes first" >&2; exit 2; }
  classpath="$ROOT/analytics/target/test-classes:$classpath"
fi

rm -rf "$work"
mkdir -p "$work/spark-home/jars" "$work/app-jars" "$work/logs" "$work/worker"
# A SPARK_HOME whose jars/ holds the analytics classpath, each classes folder packed into a jar;
# those packed jars are the application's own code (spark.jars).
# The driver runs from the same jars, not from the classes folders: a build during the hours a
# large run takes rewrites those folders, and a class the driver loads late would then be missing.
app_jars=()
driver_classpath=()
index=0
while IFS= read -r entry; do
  [[ -n $entry ]] || continue
  index=$((index + 1))
  jar="$entry"
  if [[ -d $entry ]]; then
    jar="$work/app-jars/classes-$index.jar"
    (cd "$entry" && jar cf "$jar" .)
    app_jars+=("$jar")
  fi
  ln -s "$jar" "$work/spark-home/jars/$index-$(basename "$jar")"
  driver_classpath+=("$jar")
done < <(echo "$classpath" | tr ':' '\n')

cat >"$work/log4j2.properties" <<'LOGGING'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
LOGGING

# Spark 4 on Java 17 needs these module openings (as in bin/rishe).
jvm_options=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
daemon_classpath="$SPARK_HOME/jars/*"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
master_url="spark://127.0.0.1:$port"
pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT

java -Xmx512m -Dlog4j2.configurationFile="file:$work/log4j2.properties" -cp "$daemon_classpath" \
  org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  >"$work/logs/master.log" 2>&1 &
pids+=($!)
java -Xmx512m -Dlog4j2.configurationFile="file:$work/log4j2.properties" -cp "$daemon_classpath" \
  org.apache.spark.deploy.worker.Worker "$master_url" --host 127.0.0.1 --webui-port 0 \
  --cores "$cores" --memory "$executor_memory" --work-dir "$work/worker" \
  >"$work/logs/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "registered with master" "$work/logs/worker.log" 2>/dev/null && break
  sleep 1
done
grep -q "registered with master" "$work/logs/worker.log" || { echo "the worker did not register" >&2; cat "$work/logs/worker.log" >&2; exit 1; }

{
  echo "# cluster $(basename "${main_class//.//}") of $warehouse, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "# driver heap $driver_memory, one worker: $cores cores, executor heap $executor_memory; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$summary"
status=0
/usr/bin/time -v -o "$work/analyze.time" \
  java -Xmx"$driver_memory" "${jvm_options[@]}" \
  -Dspark.master="$master_url" \
  -Dspark.jars="$(IFS=,; echo "${app_jars[*]}")" \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -Dspark.driver.memory="$driver_memory" \
  -Dspark.executor.memory="$executor_memory" -Dspark.cores.max="$cores" \
  -Dspark.executor.extraJavaOptions="${jvm_options[*]}" \
  -cp "$(IFS=:; echo "${driver_classpath[*]}")" \
  "$main_class" --warehouse "$warehouse" >"$work/analyze.log" 2>&1 || status=$?
wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/analyze.time")"
rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.2f GB", $2 / 1048576 }' "$work/analyze.time")"
cpu="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.0f s", u + s }' "$work/analyze.time")"
printf 'analyze (cluster) wall %-10s driver CPU %-8s driver peak RSS %-9s exit %s\n' "$wall" "$cpu" "$rss" "$status" | tee -a "$summary"
[[ $status -eq 0 ]] || { tail -30 "$work/analyze.log" >&2; exit 1; }
