package io.sideline.host.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.sideline.testing.Await;

/**
 * A plain-Java program (no OSGi) in a JVM of its own, started from the jars and class folders of the OSGi
 * framework this test runs in: for tests that kill or signal a host process.
 *
 * @param process the child
 * @param readyLine the line of its standard output that said it is ready
 * @param output every line of its standard output so far, the ready line included
 * @param errFile where its standard error goes
 */
record ChildJvm(Process process, String readyLine, BlockingQueue<String> output, Path errFile) {

    /**
     * Starts {@code main} with {@code args} and waits until it prints a line starting with {@code ready}.
     *
     * @throws AssertionError with the child's standard error when it does not get ready
     */
    static ChildJvm start(Path dir, Class<?> main, String ready, String... args) throws Exception {
        return start(dir, "256m", main, ready, args);
    }

    /** Starts {@code main} as {@link #start(Path, Class, String, String...)} does, with a heap of at most {@code heap}. */
    static ChildJvm start(Path dir, String heap, Class<?> main, String ready, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath(), main.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, main.getSimpleName(), ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BlockingQueue<String> all = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                    all.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, main.getSimpleName() + "-stdout");
        reader.setDaemon(true);
        reader.start();
        long end = System.nanoTime() + Await.TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(ready)) {
                return new ChildJvm(process, line, all, err);
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new AssertionError(main.getSimpleName() + " did not get ready (alive: " + process.isAlive()
                + "); its output: " + all + "; its stderr:\n" + Files.readString(err));
    }

    /** @return its standard output so far, one string */
    String outputText() {
        return String.join("\n", List.copyOf(output));
    }

    private static String classpathCache;

    /**
     * The child's class path: every bundle of the running framework that is a file or a folder. Tycho's
     * test runtime installs dependencies as jars ({@code reference:file:/…/x.jar}) and the bundle under test
     * as its project folder, whose classes the framework's dev.properties ({@code osgi.dev}) places in
     * {@code target/classes}.
     */
    private static synchronized String classpath() throws IOException {
        if (classpathCache != null) {
            return classpathCache;
        }
        Bundle self = FrameworkUtil.getBundle(ChildJvm.class);
        BundleContext context = self.getBundleContext();
        if (context == null) {
            context = FrameworkUtil.getBundle(Bundle.class).getBundleContext(); // the system bundle's
        }
        Properties dev = devProperties(context.getProperty("osgi.dev"));
        Set<String> entries = new LinkedHashSet<>();
        List<String> locations = new ArrayList<>();
        boolean foundSelf = false;
        boolean foundHost = false;
        for (Bundle b : context.getBundles()) {
            // Equinox writes the bundles of osgi.bundles as "initial@reference:file:/…"
            String location = b.getLocation();
            int at = location.indexOf('@');
            if (at >= 0 && location.substring(0, at).matches("[a-z]+")) {
                location = location.substring(at + 1);
            }
            if (location.startsWith("reference:")) {
                location = location.substring("reference:".length());
            }
            if (!location.startsWith("file:")) {
                locations.add(location);
                continue; // the system bundle, or a bundle installed from a stream
            }
            File file = new File(location.substring("file:".length()));
            if (!file.isAbsolute()) {
                String area = context.getProperty("osgi.install.area");
                if (area != null && area.startsWith("file:")) {
                    file = new File(area.substring("file:".length()), file.getPath());
                }
            }
            List<File> found = new ArrayList<>();
            if (file.isFile()) {
                found.add(file);
            } else if (file.isDirectory()) {
                String classFolders = dev.getProperty(b.getSymbolicName(), dev.getProperty("*", ""));
                for (String folder : classFolders.split(",")) {
                    if (folder.isBlank()) {
                        continue;
                    }
                    File f = new File(folder.trim());
                    f = f.isAbsolute() ? f : new File(file, folder.trim());
                    if (f.isDirectory()) {
                        found.add(f);
                    }
                }
                if (found.isEmpty() && new File(file, "target/classes").isDirectory()) {
                    found.add(new File(file, "target/classes"));
                }
                if (found.isEmpty()) {
                    found.add(file);
                }
            }
            for (File f : found) {
                entries.add(f.toPath().toAbsolutePath().normalize().toString());
            }
            foundSelf |= b.equals(self) && !found.isEmpty();
            foundHost |= "io.sideline.host".equals(b.getSymbolicName()) && !found.isEmpty();
        }
        assertTrue(foundSelf && foundHost, "the test bundle and the host bundle are on the child's class path: "
                + entries + "; locations that are not files: " + locations);
        classpathCache = String.join(File.pathSeparator, entries);
        return classpathCache;
    }

    private static Properties devProperties(String osgiDev) throws IOException {
        Properties p = new Properties();
        if (osgiDev == null) {
            return p;
        }
        if (osgiDev.startsWith("file:")) {
            try (InputStream in = new FileInputStream(osgiDev.substring("file:".length()))) {
                p.load(in);
            }
        } else {
            p.setProperty("*", osgiDev); // a plain list of class folders for every bundle
        }
        return p;
    }
}
