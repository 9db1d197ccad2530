package org.noether.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.noether.equivariance.GroupAveragingExperiment;
import org.noether.experiment.Claim;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Figure;
import org.noether.experiment.Interval;
import org.noether.experiment.Paper;
import org.noether.experiment.Profile;
import org.noether.experiment.Progress;
import org.noether.experiment.Series;
import org.noether.experiment.Table;

/**
 * A small report with every kind of content the writer must lay out legibly: the real group-averaging experiment
 * (its 217-row table), claims of every paper with every verdict, a bar chart with many long category labels and
 * error bars, a log axis reaching 1e-17 with a long axis label, a dense line with an error band, and a failed run.
 * {@code .ci/report-check.sh} renders it in a headless browser; {@link ReportDemoTest} writes it.
 */
final class ReportDemo {

    static final RunInfo RUN = new RunInfo(
            "run-demo",
            Instant.parse("2026-01-02T03:04:05Z"),
            Duration.ofSeconds(42),
            Profile.QUICK,
            42,
            "noether reproduce --quick --seed 42");

    private ReportDemo() {}

    /** Writes the demo report into {@code dir} and returns the path of report.html. */
    static Path write(Path dir) throws IOException {
        Path scratch = Files.createTempDirectory("noether-report-demo");
        try {
            return ReportWriter.write(dir, RUN, results(scratch));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<ExperimentResult> results(Path scratch) throws IOException {
        List<ExperimentResult> out = new ArrayList<>();
        Path own = Files.createDirectories(scratch.resolve("scratch-group-averaging"));
        out.add(new GroupAveragingExperiment()
                .run(new ExperimentContext(Profile.QUICK, 42, own, Progress.NONE))
                .withElapsed(Duration.ofMillis(900)));
        out.add(vision());
        out.add(meanField());
        out.add(failed());
        return out;
    }

    private static ExperimentResult vision() {
        String[] methods = {
            "pretrained (no symmetry)",
            "augmented training",
            "equitune",
            "lambda-equitune",
            "equizero",
            "canonicalized",
            "G-CNN (C4)",
            "G-CNN (D4)",
            "MLP baseline"
        };
        SplittableRandom rnd = new SplittableRandom(7);
        int n = methods.length;
        double[] x = new double[n];
        double[] zy = new double[n];
        double[] ze = new double[n];
        double[] fy = new double[n];
        double[] fe = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            zy[i] = 40 + 50 * rnd.nextDouble();
            ze[i] = 1 + 3 * rnd.nextDouble();
            fy[i] = Math.min(99, zy[i] + 5 + 5 * rnd.nextDouble());
            fe[i] = 1 + 2 * rnd.nextDouble();
        }
        Figure bars = Figure.builder("mnist-D4", Figure.Kind.BAR)
                .caption("Accuracy on D4-transformed MNIST test images (mean over seeds, error bars: 95 % interval)")
                .yLabel("top-1 accuracy (%)")
                .categories(methods)
                .series(Series.withErrors("zero-shot", x, zy, ze))
                .series(Series.withErrors("fine-tuned", x, fy, fe))
                .build();
        Table.Builder t = Table.builder("accuracy", "Accuracy by method, with commas, \"quotes\" and a long caption")
                .columns("method", "zero-shot (%)", "fine-tuned (%)");
        for (int i = 0; i < n; i++) {
            t.row(methods[i], zy[i], fy[i]);
        }
        List<Claim> claims = List.of(
                Claim.about(Paper.EQUIZERO, "equizero beats equitune zero-shot on D4-transformed images")
                        .paperFigure("+20.2 points (CLIP, CIFAR-100)")
                        .measured(new Interval(12.3, 8.1, 16.0, 0.95, 5), "points")
                        .digits(1)
                        .positive(),
                Claim.about(Paper.EQUIZERO, "lambda-equitune beats equitune after fine-tuning")
                        .paperFigure("+1.1 points")
                        .measured(new Interval(0.4, -0.9, 1.6, 0.95, 5), "points")
                        .digits(1)
                        .positive(),
                Claim.about(Paper.EQUIZERO, "CLIP zero-shot accuracy under rotations")
                        .paperFigure("52.1 %")
                        .notComparable("we use a small CNN, not CLIP; the protocol differs"));
        return ExperimentResult.builder("vision.symmetrize", "Symmetrizing a pretrained CNN (synthetic numbers)")
                .summary("Numbers invented for the report check; the layout is what matters here.")
                .table(t.build())
                .figure(bars)
                .claims(claims)
                .metric("accuracy.best", fy[n - 1])
                .metric("methods", List.of(methods))
                .build()
                .withElapsed(Duration.ofSeconds(75));
    }

    private static ExperimentResult meanField() {
        int m = 8;
        double[] sizes = new double[m];
        double[] wi = new double[m];
        double[] wiErr = new double[m];
        double[] da = new double[m];
        for (int i = 0; i < m; i++) {
            sizes[i] = 5 * Math.pow(2, i);
            wi[i] = Math.max(1e-16, 3e-17 * Math.pow(3, i));
            wiErr[i] = wi[i] / 3;
            da[i] = 0.3 / Math.sqrt(sizes[i]);
        }
        Figure log = Figure.builder("rmd-projection-WI", Figure.Kind.LINE)
                .caption("WI teacher: RMD(mu, P_E^G mu) against N")
                .xLabel("N")
                .yLabel("RMD to projection on E^G (values < 1e-16 shown at 1e-16)")
                .logX()
                .logY()
                .series(Series.withErrors("EA", sizes, wi, wiErr))
                .series(Series.of("DA", sizes, da))
                .build();
        int k = 120;
        double[] epoch = new double[k];
        double[] loss = new double[k];
        double[] band = new double[k];
        for (int i = 0; i < k; i++) {
            epoch[i] = i;
            loss[i] = 1.0 / (1 + 0.1 * i) + 0.02 * Math.sin(i / 3.0);
            band[i] = 0.05 / (1 + 0.05 * i);
        }
        loss[60] = Double.NaN;
        Figure curve = Figure.builder("loss", Figure.Kind.LINE)
                .caption("Training loss, mean and 95 % band over seeds")
                .xLabel("epoch")
                .yLabel("population risk")
                .series(Series.withErrors("vanilla", epoch, loss, band))
                .build();
        List<Claim> claims = List.of(
                Claim.about(Paper.MEAN_FIELD, "EA training stays in E^G (RMD to its projection at rounding level)")
                        .paperFigure("0 (exact)")
                        .measured(new Interval(2e-16, 1e-17, 8e-16, 0.95, 8), "")
                        .ours("8.0e-16 at most")
                        .atMost(1e-12),
                Claim.about(Paper.MEAN_FIELD, "DA and FA reach the same law as N grows")
                        .paperFigure("Figure 2")
                        .measured(new Interval(0.021, 0.012, 0.033, 0.95, 8), "RMD")
                        .below(0.01),
                Claim.about(Paper.NOETHER, "group averaging is exact for every finite group of the catalogue")
                        .measured(new Interval(3e-16, 1e-16, 9e-16, 0.95, 217), "")
                        .ours("9.0e-16 worst case")
                        .atMost(1e-12));
        Table.Builder runs = Table.builder("runs", "Every training run (the long table is folded)")
                .columns("teacher", "scheme", "N", "seed", "RMD");
        SplittableRandom rnd = new SplittableRandom(3);
        for (String teacher : new String[] {"WI", "SI"}) {
            for (String scheme : new String[] {"vanilla", "DA", "FA", "EA"}) {
                for (double nn : sizes) {
                    runs.row(teacher, scheme, (int) nn, 1, rnd.nextDouble() * 1e-3);
                }
            }
        }
        return ExperimentResult.builder("meanfield.symmetries", "Mean-field symmetries (synthetic numbers)")
                .summary("A log axis down to 1e-17 with a long axis label, and a dense curve with a band and a gap.")
                .figure(log)
                .figure(curve)
                .table(runs.build())
                .claims(claims)
                .metric("rmd.wi", wi)
                .metric("nan", Double.NaN)
                .build()
                .withElapsed(Duration.ofSeconds(300));
    }

    private static ExperimentResult failed() {
        List<Claim> claims = List.of(
                Claim.about(Paper.QUOTIENT_DIFFUSION, "the quotient objective beats the conventional one on Cov-R")
                        .paperFigure("96.40 vs 95.98 %")
                        .notComparable("the run failed before measuring"));
        return new ExperimentResult(
                "diffusion.quotient",
                "Quotient-space diffusion (fails on purpose)",
                "",
                List.of(),
                List.of(),
                claims,
                java.util.Map.of(),
                Duration.ofSeconds(2),
                new ExperimentResult.Failure(
                        "IllegalStateException: out of memory (demo)", "java.lang.IllegalStateException"));
    }
}
