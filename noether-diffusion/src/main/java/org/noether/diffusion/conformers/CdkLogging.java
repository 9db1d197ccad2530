package org.noether.diffusion.conformers;

import org.openscience.cdk.tools.ILoggingTool;
import org.openscience.cdk.tools.LoggingToolFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the Chemistry Development Kit's internal logging to SLF4J instead of its fallback, which prints every
 * warning to standard error. The 3-D builder warns once per bond type missing from its parameter set ("take
 * default bond length"), dozens of times per run, about a substitution {@link Molecule} already documents; those
 * warnings and CDK's info and debug messages go to SLF4J at debug level, its errors at error level.
 *
 * <p>CDK creates its loggers through {@link LoggingToolFactory}, which looks this class up by reflection and calls
 * {@link #create(Class)}: both must stay public.
 */
public final class CdkLogging implements ILoggingTool {

    private static volatile boolean installed;

    private final Logger log;
    private int level = DEBUG;

    private CdkLogging(Class<?> source) {
        this.log = LoggerFactory.getLogger(source);
    }

    /** Called by CDK's {@link LoggingToolFactory} for each class that logs. */
    public static ILoggingTool create(Class<?> source) {
        return new CdkLogging(source);
    }

    /** Makes CDK log through SLF4J; must run before the CDK classes that log are loaded. Idempotent. */
    static void install() {
        if (installed) return;
        LoggingToolFactory.setLoggingToolClass(CdkLogging.class);
        installed = true;
    }

    private static String text(Object message, Object... more) {
        if (more == null || more.length == 0) return String.valueOf(message);
        StringBuilder sb = new StringBuilder(String.valueOf(message));
        for (Object o : more) sb.append(o);
        return sb.toString();
    }

    @Override
    public void dumpSystemProperties() {}

    @Override
    public void setStackLength(int length) {}

    @Override
    public void dumpClasspath() {}

    @Override
    public void debug(Object message) {
        if (log.isDebugEnabled()) log.debug(String.valueOf(message));
    }

    @Override
    public void debug(Object message, Object... more) {
        if (log.isDebugEnabled()) log.debug(text(message, more));
    }

    @Override
    public void error(Object message) {
        log.error(String.valueOf(message));
    }

    @Override
    public void error(Object message, Object... more) {
        log.error(text(message, more));
    }

    @Override
    public void fatal(Object message) {
        log.error(String.valueOf(message));
    }

    @Override
    public void info(Object message) {
        debug(message);
    }

    @Override
    public void info(Object message, Object... more) {
        debug(message, more);
    }

    @Override
    public void warn(Object message) {
        debug(message);
    }

    @Override
    public void warn(Object message, Object... more) {
        debug(message, more);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void setLevel(int level) {
        this.level = level;
    }

    @Override
    public int getLevel() {
        return level;
    }
}
