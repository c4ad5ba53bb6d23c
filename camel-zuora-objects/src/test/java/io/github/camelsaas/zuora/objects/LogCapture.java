package io.github.camelsaas.zuora.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records every event of the given logger trees at the given level or above, message and exception text
 * included, until closed; the logger configuration is then put back as it was.
 */
final class LogCapture implements AutoCloseable {

    private final LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final AbstractAppender appender;
    /** Logger configs changed here and the level each had before (null: added here). */
    private final Map<String, Level> previousLevels = new LinkedHashMap<>();

    LogCapture(Level level, String... loggerNames) {
        this.appender = new AbstractAppender("zuora-test-capture-" + System.nanoTime(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getLevel().name()).append(' ')
                        .append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    text.append(" | ").append(t);
                }
                events.add(text.toString());
            }
        };
        appender.start();
        Configuration configuration = loggers.getConfiguration();
        configuration.addAppender(appender);
        for (String name : loggerNames) {
            LoggerConfig existing = configuration.getLoggers().get(name);
            if (existing == null) {
                LoggerConfig added = new LoggerConfig(name, level, true);
                added.addAppender(appender, level, null);
                configuration.addLogger(name, added);
                previousLevels.put(name, null);
            } else {
                previousLevels.put(name, existing.getLevel());
                existing.setLevel(level);
                existing.addAppender(appender, level, null);
            }
        }
        loggers.updateLoggers();
    }

    List<String> events() {
        return new ArrayList<>(events);
    }

    @Override
    public void close() {
        Configuration configuration = loggers.getConfiguration();
        previousLevels.forEach((name, level) -> {
            if (level == null) {
                configuration.removeLogger(name);
            } else {
                LoggerConfig config = configuration.getLoggers().get(name);
                config.removeAppender(appender.getName());
                config.setLevel(level);
            }
        });
        appender.stop();
        loggers.updateLoggers();
    }
}
