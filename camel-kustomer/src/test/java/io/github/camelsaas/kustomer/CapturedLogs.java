package io.github.camelsaas.kustomer;

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
 * Captures every line (message and causes) of some loggers at a level while open, for asserting what is logged. The
 * names must not be ones log4j2-test.xml configures (io.github.camelsaas is): those would be replaced, then removed.
 */
final class CapturedLogs implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final List<String> loggerNames;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Appender appender = new Appender();

    CapturedLogs(Level level, String... loggerNames) {
        this.loggerNames = List.of(loggerNames);
        Configuration configuration = context.getConfiguration();
        appender.start();
        configuration.addAppender(appender);
        for (String name : this.loggerNames) {
            LoggerConfig logger = new LoggerConfig(name, level, true);
            logger.addAppender(appender, level, null);
            configuration.addLogger(name, logger);
        }
        context.updateLoggers();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        loggerNames.forEach(configuration::removeLogger);
        appender.stop();
        context.updateLoggers();
    }

    private final class Appender extends AbstractAppender {
        Appender() {
            super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ')
                    .append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
            for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown);
            }
            lines.add(line.toString());
        }
    }
}
