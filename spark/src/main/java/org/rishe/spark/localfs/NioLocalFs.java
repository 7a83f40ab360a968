package org.rishe.spark.localfs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.local.LocalConfigKeys;

/**
 * Hadoop's {@code LocalFs} (the {@code file:} file system of {@code FileContext}, through which
 * Delta's log store writes and renames its commit files) over {@link NioRawLocalFileSystem}: the
 * {@code fs.AbstractFileSystem.file.impl} of Rishe's Spark sessions. Hadoop's own {@code
 * RawLocalFs} fixes its raw file system, so its three settings are repeated here.
 */
public class NioLocalFs extends ChecksumFs {
  public NioLocalFs(URI uri, Configuration configuration) throws IOException, URISyntaxException {
    super(new Raw(uri, configuration));
  }

  /** Hadoop's {@code RawLocalFs} with {@link NioRawLocalFileSystem} underneath. */
  static final class Raw extends DelegateToFileSystem {
    Raw(URI uri, Configuration configuration) throws IOException, URISyntaxException {
      super(
          uri,
          new NioRawLocalFileSystem(),
          configuration,
          FsConstants.LOCAL_FS_URI.getScheme(),
          false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }
}
