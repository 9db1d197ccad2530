package org.noether.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.noether.experiment.Profile;

/**
 * What the report header says about a run as a whole.
 *
 * <pre>{@code
 * RunInfo info = new RunInfo("run-20250101-120000", started, Duration.between(started, Instant.now()),
 *         Profile.QUICK, 42, "noether reproduce --quick --seed 42");
 * }</pre>
 *
 * @param name    the run folder's name
 * @param started when the run began
 * @param elapsed how long all experiments took together
 * @param profile the profile every experiment ran under
 * @param seed    the seed every experiment received
 * @param command the command line that started the run, for repeating it; may be empty
 */
public record RunInfo(String name, Instant started, Duration elapsed, Profile profile, long seed, String command) {

    /** Checks the required parts are present. */
    public RunInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(profile, "profile");
        command = command == null ? "" : command;
    }

    /**
     * A description of the machine and JVM the report is written on (no host names or user names), so that
     * timings in different reports can be compared with care.
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "Java",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")");
        env.put(
                "OS",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")");
        env.put("CPUs", Integer.toString(Runtime.getRuntime().availableProcessors()));
        long max = Runtime.getRuntime().maxMemory();
        env.put(
                "Max heap",
                max == Long.MAX_VALUE
                        ? "unlimited"
                        : String.format(Locale.ROOT, "%.1f GiB", max / (1024.0 * 1024 * 1024)));
        env.put("Time zone", java.time.ZoneId.systemDefault().getId());
        return env;
    }
}
