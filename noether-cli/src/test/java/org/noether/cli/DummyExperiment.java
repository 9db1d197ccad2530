package org.noether.cli;

import java.nio.file.Files;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Table;

/** Test-only experiment: a table, a figure, metrics and a file in its own folder, so the CLI has something to run. */
public class DummyExperiment implements Experiment {

    @Override
    public String name() {
        return "test.dummy";
    }

    @Override
    public String title() {
        return "Dummy experiment";
    }

    @Override
    public String description() {
        return "Squares a few numbers.";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws Exception {
        int n = ctx.byProfile(5, 50);
        double[] x = new double[n];
        double[] y = new double[n];
        Table.Builder table = Table.builder("squares", "Squares").columns("x", "x squared");
        try (Progress.Task task = ctx.progress().task("squaring", n)) {
            for (int i = 0; i < n; i++) {
                x[i] = i;
                y[i] = i * i;
                table.row(i, y[i]);
                task.step();
            }
        }
        Files.writeString(ctx.outputDirectory().resolve("checkpoint.txt"), "n=" + n);
        return ExperimentResult.builder(this)
                .summary("Squares grow quickly.")
                .table(table.build())
                .figure(Figure.builder("curve", Figure.Kind.LINE)
                        .caption("y = x^2")
                        .series(Series.of("y", x, y))
                        .build())
                .metric("n", n)
                .metric("seed", ctx.seed())
                .metric("profile", ctx.profile().name())
                .build();
    }
}
