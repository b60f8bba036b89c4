package org.orbifold.cli;

import org.openscience.cdk.tools.ILoggingTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the Chemistry Development Kit's own log messages to SLF4J at debug level, so that a
 * broken molecule record gives the command line's one error line and nothing else; with
 * {@code --debug} the parser's details appear as debug logs. CDK finds this class through
 * {@code LoggingToolFactory.setLoggingToolClass} and builds instances with {@link #create}.
 */
public final class CdkLog implements ILoggingTool {

    private final Logger logger;
    private int level = ILoggingTool.DEBUG;

    private CdkLog(Class<?> source) {
        this.logger = LoggerFactory.getLogger(source);
    }

    /**
     * Returns a logging tool for a CDK class; the factory method CDK calls by reflection.
     *
     * @param source the class that logs
     * @return the tool
     */
    public static ILoggingTool create(Class<?> source) {
        return new CdkLog(source);
    }

    private void log(Object message, Object... more) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        StringBuilder text = new StringBuilder(String.valueOf(message));
        for (Object part : more) {
            text.append(part);
        }
        logger.debug(text.toString());
    }

    @Override
    public void dumpSystemProperties() {
    }

    @Override
    public void setStackLength(int length) {
    }

    @Override
    public void dumpClasspath() {
    }

    @Override
    public void debug(Object message) {
        log(message);
    }

    @Override
    public void debug(Object message, Object... more) {
        log(message, more);
    }

    @Override
    public void error(Object message) {
        log(message);
    }

    @Override
    public void error(Object message, Object... more) {
        log(message, more);
    }

    @Override
    public void fatal(Object message) {
        log(message);
    }

    @Override
    public void info(Object message) {
        log(message);
    }

    @Override
    public void info(Object message, Object... more) {
        log(message, more);
    }

    @Override
    public void warn(Object message) {
        log(message);
    }

    @Override
    public void warn(Object message, Object... more) {
        log(message, more);
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public void setLevel(int newLevel) {
        this.level = newLevel;
    }

    @Override
    public int getLevel() {
        return level;
    }
}
