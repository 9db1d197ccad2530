package org.noether.bench;

import ai.djl.Model;
import ai.djl.training.Trainer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.noether.group.DihedralElement;
import org.noether.language.scan.ScanSplit;
import org.noether.language.scan.ScanSymmetry;
import org.noether.language.seq2seq.Cell;
import org.noether.language.seq2seq.ScanTask;
import org.noether.language.seq2seq.Seq2Seq;
import org.noether.language.seq2seq.Seq2SeqBatch;
import org.noether.language.seq2seq.Seq2SeqConfig;
import org.noether.language.seq2seq.Seq2SeqModels;
import org.noether.language.seq2seq.Symmetrization;
import org.noether.language.seq2seq.SymmetrizedSeq2Seq;
import org.noether.language.seq2seq.VocabularySymmetry;
import org.noether.nn.train.TrainingLoop;

/**
 * Benchmarks for docs/benchmarks/scan.md, run by {@code noether bench seq2seq [steps] [commands]} (not a test: speed
 * is measured here, never in unit tests). Prints wall and thread CPU time (PyTorch runs single-threaded here, so the calling thread's CPU time is the work done, whatever else runs on
 * the machine).
 */
public final class Seq2SeqBenchmark {
    private Seq2SeqBenchmark() {}

    /**
     * Runs both benchmarks and prints Markdown tables to {@code report}. Arguments: optional training steps (100)
     * and test commands decoded (512).
     */
    public static void run(String[] args, PrintStream report) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        if (steps < 1 || commands < 1)
            throw new IllegalArgumentException(
                    "seq2seq needs steps >= 1 and commands >= 1, got " + steps + " and " + commands);
        org.noether.nn.Engines.pytorch();
        trainingThroughput(steps, report);
        equizeroAgainstPlainDecodes(commands, report);
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    record Time(double wall, double cpu) {}

    private static Time time(Runnable r) {
        long w = System.nanoTime(), c = MX.getCurrentThreadCpuTime();
        r.run();
        return new Time((System.nanoTime() - w) / 1e9, (MX.getCurrentThreadCpuTime() - c) / 1e9);
    }

    private static Time median(int repeats, Runnable r) {
        double[] w = new double[repeats], c = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Time t = time(r);
            w[i] = t.wall();
            c[i] = t.cpu();
        }
        Arrays.sort(w);
        Arrays.sort(c);
        return new Time(w[repeats / 2], c[repeats / 2]);
    }

    static void trainingThroughput(int steps, PrintStream report) {
        ScanTask train = ScanTask.of(ScanSplit.of("addprim-jump", 0).train());
        int batch = 64, warm = 20;
        report.println("| cell | hidden | batch | steps | sequences/s (wall) | sequences/s (CPU) | ms/step (CPU) |");
        report.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Cell cell : Cell.values()) {
            for (int hidden : new int[] {32, 64}) {
                Seq2Seq net = new Seq2Seq(Seq2SeqConfig.scan(cell, hidden, true));
                try (Model m = Seq2SeqModels.create("bench", net, Seq2Seq.inputShapes(2, 4, 5), 1);
                        Trainer tr = Seq2SeqModels.trainer(m, 1e-3f, 5f)) {
                    TrainingLoop loop = new TrainingLoop(tr);
                    var source = train.sampler(batch, 1, Seq2SeqBatch::of);
                    loop.run(source, warm);
                    Time t = time(() -> loop.run(source, steps));
                    report.printf(
                            Locale.ROOT,
                            "| %s | %d | %d | %d | %.0f | %.0f | %.1f |%n",
                            cell,
                            hidden,
                            batch,
                            steps,
                            steps * batch / t.wall(),
                            steps * batch / t.cpu(),
                            1000 * t.cpu() / steps);
                }
            }
        }
    }

    static void equizeroAgainstPlainDecodes(int commands, PrintStream report) {
        ScanSplit split = ScanSplit.of("addprim-jump", 0);
        ScanTask train = ScanTask.of(split.train());
        List<int[]> xs = ScanTask.of(split.test()).subset(commands, 1).sources();
        VocabularySymmetry<DihedralElement> sym = VocabularySymmetry.of(ScanSymmetry.addJump());
        int chunk = 256, repeats = 5;
        Seq2Seq net = new Seq2Seq(Seq2SeqConfig.scan(Cell.GRU, 32, true));
        try (Model m = Seq2SeqModels.create("bench", net, Seq2Seq.inputShapes(2, 4, 5), 1)) {
            try (Trainer tr = Seq2SeqModels.trainer(m, Seq2SeqModels.cosine(3e-3f, 1000), 5f)) {
                new TrainingLoop(tr).run(train.sampler(64, 1, Seq2SeqBatch::of), 1000);
            }
            List<int[]> gxs = new ArrayList<>();
            for (int[] x : xs) gxs.add(sym.actOnInput(1, x));
            List<int[]> orbit = new ArrayList<>(xs);
            orbit.addAll(gxs);
            var equizero = new SymmetrizedSeq2Seq<>(net, sym, Symmetrization.EQUIZERO);
            var equitune = new SymmetrizedSeq2Seq<>(net, sym, Symmetrization.EQUITUNE);
            var mgr = m.getNDManager();
            Time plainX = median(repeats, () -> net.decode(mgr, xs, chunk));
            Time plainGx = median(repeats, () -> net.decode(mgr, gxs, chunk));
            Time plainOrbit = median(repeats, () -> net.decode(mgr, orbit, 2 * chunk));
            Time zero = median(repeats, () -> equizero.decode(mgr, xs, chunk));
            Time tune = median(repeats, () -> equitune.decode(mgr, xs, chunk));
            double twoPlain = plainX.cpu() + plainGx.cpu(), twoPlainWall = plainX.wall() + plainGx.wall();
            report.printf(
                    Locale.ROOT,
                    "commands %d, |G| = 2, %d commands (%d rows) per batch, median of %d%n",
                    xs.size(),
                    chunk,
                    2 * chunk,
                    repeats);
            report.println("| decoding | CPU s | wall s | CPU / (|G| plain decodes) |");
            report.println("| --- | --- | --- | --- |");
            row(report, "plain, x", plainX, twoPlain);
            row(report, "plain, g.x", plainGx, twoPlain);
            row(report, "|G| plain decodes (sum)", new Time(twoPlainWall, twoPlain), twoPlain);
            row(report, "plain, orbit as one batch of |G| x B", plainOrbit, twoPlain);
            row(report, "equizero", zero, twoPlain);
            row(report, "equitune", tune, twoPlain);
        }
    }

    private static void row(PrintStream report, String name, Time t, double reference) {
        report.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2fx |%n", name, t.cpu(), t.wall(), t.cpu() / reference);
    }
}
