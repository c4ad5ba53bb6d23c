package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
 * Turns every logger of the client side up to TRACE (the root logger, so Camel, Apache HttpClient, Jackson and our
 * components alike) and records each event as it would be printed: level, logger, formatted message, and the full
 * stack trace of its throwable (causes and suppressed included). Closing it puts the configuration back.
 *
 * <p>The server side of the tests (WireMock, its Jetty, our simulators) stays at INFO: it runs in this JVM only
 * because the tests do, a user's application never logs through it, and Jetty at TRACE would slow every test down.
 */
final class EverythingAtTrace implements AutoCloseable {

    /** Loggers of the fake servers, not of the code under test. */
    private static final List<String> SERVER_SIDE = List.of("org.eclipse.jetty", "com.github.tomakehurst",
            "wiremock", "io.github.camelsaas.simulator");

    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final AbstractAppender appender;
    /** Loggers whose level was changed here, with the level to restore (null: the logger was added here). */
    private final Map<String, Level> restore = new LinkedHashMap<>();
    private final Level rootLevel;

    EverythingAtTrace() {
        appender = new AbstractAppender("everything-at-trace-" + System.nanoTime(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(render(event));
            }
        };
        appender.start();
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        root.addAppender(appender, Level.TRACE, null);
        // loggers configured below the root (log4j2-test.xml) log through the root's appenders: raise them too
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            if (logger != root && !SERVER_SIDE.contains(logger.getName())) {
                restore.put(logger.getName(), logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        for (String name : SERVER_SIDE) {
            if (!configuration.getLoggers().containsKey(name)) {
                configuration.addLogger(name, new LoggerConfig(name, Level.INFO, true));
                restore.put(name, null);
            }
        }
        context.updateLoggers();
    }

    /** Every event recorded so far, rendered as text. */
    List<String> events() {
        return new ArrayList<>(events);
    }

    /**
     * Not vacuous: Camel, HttpClient and our transport did log at TRACE, the header logger every request header (the
     * Authorization header masked), and HttpClient's byte dump stayed off.
     */
    void assertVerbose() {
        assertThat(sawLogger("org.apache.camel")).isTrue();
        assertThat(sawLogger("io.github.camelsaas.common.http")).isTrue();
        assertThat(events()).anyMatch(line -> line.startsWith("DEBUG org.apache.hc.client5.http.headers")
                && line.endsWith(">> Authorization: Bearer xxxxxx"));
        assertThat(sawLogger("org.apache.hc.client5.http.wire")).isFalse();
    }

    /** Whether anything was recorded from a logger whose name starts with {@code prefix}. */
    boolean sawLogger(String prefix) {
        return events.stream().anyMatch(line -> line.split(" ", 3)[1].startsWith(prefix));
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        restore.forEach((name, level) -> {
            if (level == null) {
                configuration.removeLogger(name);
            } else {
                configuration.getLoggers().get(name).setLevel(level);
            }
        });
        LoggerConfig root = configuration.getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(rootLevel);
        appender.stop();
        context.updateLoggers();
    }

    private static String render(LogEvent event) {
        StringBuilder text = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            text.append('\n').append(stackTrace(event.getThrown()));
        }
        return text.toString();
    }

    /** The text printStackTrace gives: message, causes and suppressed exceptions, recursively. */
    static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
