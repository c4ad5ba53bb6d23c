package io.github.camelsaas.common.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures the formatted log lines of one logger at a chosen level, for asserting what is and is not logged.
 * Installs a dedicated logger config for the duration, then restores the configuration.
 */
final class CapturedLog implements AutoCloseable {

    private final String loggerName;
    private final LoggerContext context;
    private final CapturingAppender appender = new CapturingAppender();

    private CapturedLog(String loggerName, Level level) {
        this.loggerName = loggerName;
        this.context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig loggerConfig = new LoggerConfig(loggerName, level, true);
        loggerConfig.addAppender(appender, level, null);
        configuration.addLogger(loggerName, loggerConfig);
        context.updateLoggers();
    }

    static CapturedLog of(Class<?> logger, Level level) {
        return new CapturedLog(logger.getName(), level);
    }

    /** A logger tree by name, e.g. {@code org.apache.hc} for every logger of Apache HttpClient. */
    static CapturedLog named(String loggerName, Level level) {
        return new CapturedLog(loggerName, level);
    }

    /** Lines captured so far, formatted as {@code LEVEL message}. */
    List<String> lines() {
        return List.copyOf(appender.lines);
    }

    String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.removeLogger(loggerName);
        appender.stop();
        context.updateLoggers();
    }

    private static final class CapturingAppender extends AbstractAppender {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        CapturingAppender() {
            super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage()
                    + (event.getThrown() == null ? "" : " " + event.getThrown()));
        }
    }
}
