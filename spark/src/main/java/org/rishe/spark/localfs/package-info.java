/**
 * Hadoop's local file system ({@code file:}) without a child process per call: Hadoop sets a file's
 * permissions and reads a path's link status by running {@code chmod} and {@code readlink} when its
 * native library is not loaded, which it never is here (it is not on Maven Central). An ingest of
 * the demo's 2,000-family batch started 573 such processes, and one test class of the ingest module
 * 3,118; each costs about 20 ms of CPU. {@link NioLocalFileSystem} ({@code fs.file.impl}) and
 * {@link NioLocalFs} ({@code fs.AbstractFileSystem.file.impl}, what Delta's log store writes its
 * commits through) do both through {@code java.nio} instead, and are otherwise Hadoop's own: the
 * same checksummed files, the same rename and commit semantics.
 */
package org.rishe.spark.localfs;
