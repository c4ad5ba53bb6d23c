package io.github.camelsaas.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Exchange;

/**
 * Starts replicas of an application (a main class) in JVMs of their own, on this test's classpath, releases them
 * at once and collects what each printed. Every JVM is killed at the end whatever happened.
 */
public final class Replicas implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<CompletableFuture<String>> outputs = new ArrayList<>();
    private final CountDownLatch ready;

    private Replicas(int count) {
        this.ready = new CountDownLatch(count);
    }

    /**
     * {@code count} JVMs running {@code mainClass}, replica i with {@code args.apply(i)}; returns once all started.
     * The main class prints READY when it is ready (or a line starting with FAILED), waits for a GO line on its
     * standard input, and exits when done.
     */
    public static Replicas start(int count, Class<?> mainClass, Predicate<String> classpathEntry,
                                 IntFunction<String[]> args) throws Exception {
        Replicas replicas = new Replicas(count);
        for (int i = 0; i < count; i++) {
            replicas.launch(mainClass, classpathEntry, args.apply(i));
        }
        return replicas;
    }

    private void launch(Class<?> mainClass, Predicate<String> classpathEntry, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=log4j2-replica.xml", "-cp", classpath(classpathEntry),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(process);
        outputs.add(CompletableFuture.supplyAsync(() -> readAll(process)));
    }

    private String readAll(Process process) {
        StringBuilder text = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                text.append(line).append('\n');
                if (line.equals("READY") || line.startsWith("FAILED")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Waits until every replica started (or failed to), then tells them all to go. */
    public void awaitReadyAndGo(long timeoutSeconds) throws Exception {
        awaitReady(timeoutSeconds);
        go();
    }

    /** Waits until every replica started (or failed to). */
    public void awaitReady(long timeoutSeconds) throws Exception {
        assertThat(ready.await(timeoutSeconds, TimeUnit.SECONDS)).as("every replica started").isTrue();
    }

    /** Tells every replica still running to go. */
    public void go() throws IOException {
        for (Process process : processes) {
            if (process.isAlive()) {
                Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                in.write("GO\n");
                in.flush();
            }
        }
    }

    /** What each replica printed, once all have exited. */
    public List<String> awaitOutputs(long timeoutSeconds) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("replica %d exited", i).isTrue();
            texts.add(outputs.get(i).get(timeoutSeconds, TimeUnit.SECONDS));
        }
        return texts;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** In a replica's main: waits until the parent says GO, so that the replicas send at the same moment. */
    public static void awaitGo() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("GO")) {
            // not the start signal yet
        }
    }

    /**
     * In a replica's main: waits for every exchange it sent, then prints
     * {@code RESULT created=N failed=M <the first failure>} for the parent to read.
     */
    public static void printResult(List<CompletableFuture<Exchange>> sent) throws Exception {
        int failed = 0;
        String firstFailure = "";
        for (CompletableFuture<Exchange> exchange : sent) {
            Exception failure = exchange.get(60, TimeUnit.SECONDS).getException();
            if (failure != null) {
                failed++;
                firstFailure = firstFailure.isEmpty() ? causes(failure) : firstFailure;
            }
        }
        System.out.println("RESULT created=" + (sent.size() - failed) + " failed=" + failed + " " + firstFailure);
    }

    /** A failure and its causes on one line. */
    public static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire's test classpath (its booter jar hides it from java.class.path), filtered. */
    private static String classpath(Predicate<String> keep) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
    }
}
