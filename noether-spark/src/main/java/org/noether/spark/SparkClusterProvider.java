package org.noether.spark;

import java.io.PrintStream;
import org.noether.cli.Cluster;

/** Opens {@link SparkCluster}s for {@code noether reproduce --master URL}; registered as a service. */
public final class SparkClusterProvider implements Cluster.Provider {

    @Override
    public Cluster open(String master, PrintStream err) {
        return new SparkCluster(master, err);
    }
}
