package org.noether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Experiment;
import org.noether.experiment.ExperimentContext;
import org.noether.experiment.ExperimentResult;
import org.noether.experiment.Profile;

class LongestFirstTest {

    private static Experiment costing(String name, double quick, double full) {
        return new Experiment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return name;
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public ExperimentResult run(ExperimentContext ctx) {
                throw new AssertionError("not run here");
            }

            @Override
            public double expectedSeconds(Profile profile) {
                return profile == Profile.QUICK ? quick : full;
            }
        };
    }

    @Test
    void longRunsStartFirstAndTiesKeepTheGivenOrder() {
        Experiment shortOne = costing("test.short", 5, 500);
        Experiment longOne = costing("test.long", 300, 100);
        Experiment mid = costing("test.mid", 60, 60);
        List<ParallelRunner.Task> tasks = List.of(
                new ParallelRunner.Task(shortOne, 0, Path.of("a"), "short 0"),
                new ParallelRunner.Task(mid, 0, Path.of("b"), "mid 0"),
                new ParallelRunner.Task(longOne, 0, Path.of("c"), "long 0"),
                new ParallelRunner.Task(longOne, 1, Path.of("d"), "long 1"));
        assertEquals(List.of(2, 3, 1, 0), ParallelRunner.longestFirst(tasks, Profile.QUICK));
        assertEquals(List.of(0, 2, 3, 1), ParallelRunner.longestFirst(tasks, Profile.FULL));
    }
}
