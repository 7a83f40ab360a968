import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * What one child process costs a JVM the size of Rishe's: starts {@code chmod 0644 FILE} N times,
 * twice, from a JVM holding about 1 GB, as Hadoop's local file system did for every file it wrote
 * (bench/README.md, "A process per local file"). Prints the wall time and the JVM's own CPU per
 * process; run it under {@code /usr/bin/time} for the children's CPU too. Usage: {@code
 * /usr/bin/time java -Xmx3g bench/ingest/ProcessSpawn.java 300}.
 */
public class ProcessSpawn {
  public static void main(String[] arguments) throws Exception {
    int count = Integer.parseInt(arguments.length > 0 ? arguments[0] : "300");
    File file = File.createTempFile("spawn", ".txt");
    file.deleteOnExit();
    byte[][] heap = new byte[200][];
    for (int i = 0; i < heap.length; i++) {
      heap[i] = new byte[5_000_000];
    }
    OperatingSystemMXBean system =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < 2; round++) {
      long cpu = system.getProcessCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Process process = new ProcessBuilder("chmod", "0644", file.getPath()).start();
        process.getInputStream().readAllBytes();
        process.getErrorStream().readAllBytes();
        process.waitFor();
      }
      System.out.printf(
          "%d processes: %.1f ms wall and %.2f ms of this JVM's CPU each (%d MB held)%n",
          count,
          (System.nanoTime() - start) / 1e6 / count,
          (system.getProcessCpuTime() - cpu) / 1e6 / count,
          heap.length * 5);
    }
  }
}
