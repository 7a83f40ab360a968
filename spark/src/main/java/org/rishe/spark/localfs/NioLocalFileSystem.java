package org.rishe.spark.localfs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's checksummed {@link LocalFileSystem} over {@link NioRawLocalFileSystem}: the {@code
 * file:} file system of Rishe's Spark sessions ({@code fs.file.impl}).
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new NioRawLocalFileSystem());
  }
}
