package io.github.camelsaas.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts another JVM with the same Java as this one, on a class path built from this one's. */
public final class JavaProcesses {

    private JavaProcesses() {
    }

    /** Starts {@code mainClass} in a new JVM; its stdin stays a pipe to us, so it can notice when we exit. */
    public static Process start(List<String> classPath, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        return start(classPath, jvmOptions, mainClass, args, ProcessBuilder.Redirect.INHERIT);
    }

    /** As {@link #start(List, List, String, List)}, its error output sent where {@code errors} says. */
    public static Process start(List<String> classPath, List<String> jvmOptions, String mainClass, List<String> args,
                                ProcessBuilder.Redirect errors) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(errors).start();
    }

    /** The jar or folder each class was loaded from: enough for a process that needs only those classes. */
    public static List<String> locationsOf(Class<?>... classes) {
        Set<String> paths = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            try {
                paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + type.getName(), e);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * This application's whole class path: the URLs of the class loader that loaded the harness (exec:java runs
     * us in such a loader inside Maven's JVM), else {@code java.class.path}.
     */
    public static List<String> fullClassPath() {
        Set<String> paths = new LinkedHashSet<>();
        for (ClassLoader loader = JavaProcesses.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        paths.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: skip
                    }
                }
            }
        }
        if (paths.isEmpty()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                paths.add(entry);
            }
        }
        return List.copyOf(paths);
    }
}
