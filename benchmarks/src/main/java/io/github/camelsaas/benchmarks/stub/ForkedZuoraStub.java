package io.github.camelsaas.benchmarks.stub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;

import io.github.camelsaas.benchmarks.harness.JavaProcesses;

/**
 * The Zuora stub in a JVM of its own, so its parsing and writing do not compete with the measured client for
 * heap, JIT and GC (they still share the machine's cores). Stats and reset go over HTTP, outside timed spans.
 */
public final class ForkedZuoraStub implements ZuoraStubHandle {

    private final Process process;
    private final RemoteZuoraStub remote;

    private ForkedZuoraStub(Process process, int port) {
        this.process = process;
        this.remote = new RemoteZuoraStub("http://127.0.0.1:" + port);
    }

    /** Starts the stub JVM (the stub needs only its own classes and jackson-core) and waits until it listens. */
    public static ForkedZuoraStub start(int threads) {
        return start(threads, 0);
    }

    /** As {@link #start(int)}, each create answered {@code latencyMillis} late (see {@link ZuoraStub}). */
    public static ForkedZuoraStub start(int threads, long latencyMillis) {
        try {
            Process process = JavaProcesses.start(JavaProcesses.locationsOf(ZuoraStub.class, JsonFactory.class),
                    List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-Dsun.net.httpserver.nodelay=true"), ZuoraStub.class.getName(),
                    List.of(String.valueOf(threads), String.valueOf(latencyMillis)));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ZuoraStub.READY_PREFIX)) {
                    return new ForkedZuoraStub(process, Integer.parseInt(line.substring(ZuoraStub.READY_PREFIX.length())));
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the Zuora stub JVM exited before it listened (exit "
                    + process.waitFor() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Zuora stub JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Zuora stub JVM", e);
        }
    }

    @Override
    public String baseUrl() {
        return remote.baseUrl();
    }

    @Override
    public StubStats stats() {
        return remote.stats();
    }

    @Override
    public void reset() {
        remote.reset();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the stub stops when its stdin closes
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
