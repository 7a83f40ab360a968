package org.rishe.spark.memory;

import java.util.concurrent.Semaphore;
import org.apache.spark.TaskContext;
import org.apache.spark.memory.MemoryConsumer;
import org.apache.spark.memory.MemoryMode;
import org.apache.spark.memory.TaskMemoryManager;

/**
 * Heap set aside for work a task does in its own arrays (a model fitted on a whole group held in
 * memory), which Spark neither sees nor can spill. Taken before the work allocates anything and
 * released when it ends, it does two things:
 *
 * <ul>
 *   <li>it admits the work only while the reservations held in this JVM fit a budget of {@link
 *       #HEAP_SHARE} of the heap ({@code Runtime.maxMemory()}), so the tasks an executor runs at
 *       once (as many as its cores, and in local mode the driver's own heap) do not each hold a
 *       large group together: a reservation larger than the budget waits until it is alone and then
 *       takes the whole budget; reservations are granted in the order asked, so a large one is not
 *       starved by a stream of small ones;
 *   <li>inside a Spark task it also asks the task's memory manager for the same number of bytes of
 *       execution memory, which makes Spark evict cached blocks (to disk, for a {@code
 *       MEMORY_AND_DISK} cache) and keep its own sorts and aggregations from using the room. Spark
 *       may grant less than asked when other tasks hold execution memory; the work then goes ahead
 *       on the budget alone.
 * </ul>
 *
 * <pre>{@code
 * try (HeapReservation heap = HeapReservation.reserve(units * bytesPerUnit)) {
 *   estimate(readGroup(rows));
 * }
 * }</pre>
 */
public final class HeapReservation implements AutoCloseable {
  /** The share of the heap that reservations in one JVM may hold together. */
  public static final double HEAP_SHARE = 0.55;

  private static final long MEGABYTE = 1L << 20;
  private static final Budget BUDGET =
      new Budget((int) Math.max(1, Runtime.getRuntime().maxMemory() * HEAP_SHARE / MEGABYTE));

  private final Budget budget;
  private final int megabytes;
  private final TaskConsumer consumer;
  private boolean closed;

  private HeapReservation(Budget budget, int megabytes, TaskConsumer consumer) {
    this.budget = budget;
    this.megabytes = megabytes;
    this.consumer = consumer;
  }

  /**
   * Reserves {@code bytes} of heap (at most the whole budget), waiting until the budget has room;
   * inside a Spark task the same bytes are also asked of its memory manager.
   */
  public static HeapReservation reserve(long bytes) {
    return reserve(BUDGET, bytes, TaskContext.get());
  }

  static HeapReservation reserve(Budget budget, long bytes, TaskContext task) {
    if (bytes < 0) {
      throw new IllegalArgumentException("cannot reserve " + bytes + " bytes");
    }
    int megabytes = (int) Math.min(budget.megabytes(), Math.max(1, ceilDiv(bytes, MEGABYTE)));
    budget.permits().acquireUninterruptibly(megabytes);
    TaskConsumer consumer = null;
    if (task != null) {
      try {
        consumer = new TaskConsumer(task.taskMemoryManager());
        consumer.acquireMemory(bytes);
      } catch (RuntimeException e) {
        if (consumer != null) {
          consumer.release();
        }
        budget.permits().release(megabytes);
        throw e;
      }
    }
    return new HeapReservation(budget, megabytes, consumer);
  }

  /** The megabytes this reservation holds of the JVM's budget. */
  public int megabytes() {
    return megabytes;
  }

  /** The execution memory Spark granted this reservation, 0 outside a task. */
  public long grantedBySpark() {
    return consumer == null ? 0 : consumer.getUsed();
  }

  /** The budget of this JVM, in megabytes. */
  public static int budgetMegabytes() {
    return BUDGET.megabytes();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (consumer != null) {
      consumer.release();
    }
    budget.permits().release(megabytes);
  }

  private static long ceilDiv(long value, long divisor) {
    return (value + divisor - 1) / divisor;
  }

  /** A JVM's budget: megabytes as permits, handed out first come, first served. */
  record Budget(int megabytes, Semaphore permits) {
    Budget(int megabytes) {
      this(megabytes, new Semaphore(megabytes, true));
    }
  }

  /** The reservation as Spark's memory manager sees it: execution memory that cannot spill. */
  private static final class TaskConsumer extends MemoryConsumer {
    TaskConsumer(TaskMemoryManager manager) {
      super(manager, MemoryMode.ON_HEAP);
    }

    @Override
    public long spill(long size, MemoryConsumer trigger) {
      return 0;
    }

    void release() {
      long used = getUsed();
      if (used > 0) {
        freeMemory(used);
      }
    }
  }
}
