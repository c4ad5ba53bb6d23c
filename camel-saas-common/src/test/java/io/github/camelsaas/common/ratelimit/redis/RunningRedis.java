package io.github.camelsaas.common.ratelimit.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalRedisServer} per test class: started before the first test (the class is skipped when redis-server
 * is not installed) and stopped after the last. Register it on a static field:
 * {@code @RegisterExtension static final RunningRedis redis = new RunningRedis();}
 */
public final class RunningRedis implements BeforeAllCallback, AfterAllCallback {

    private LocalRedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = LocalRedisServer.startOrSkip();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    public String uri() {
        return server.uri();
    }

    /** Stops the server (an outage); see {@link LocalRedisServer#stop()}. */
    public void stop() {
        server.stop();
    }

    /** Starts it again on the same port. */
    public void start() {
        server.start();
    }
}
