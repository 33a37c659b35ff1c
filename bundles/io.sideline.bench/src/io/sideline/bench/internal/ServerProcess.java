package io.sideline.bench.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The server side of a bench run: {@code ./sideline bench-server} in a JVM of its own. */
final class ServerProcess implements AutoCloseable {

    /** how many servers this bench started: each gets a data folder (and a recording) of its own */
    private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Map<String, String> ready;
    private final Path errFile;

    private ServerProcess(Process process, BufferedReader out, PrintWriter in, Map<String, String> ready, Path errFile) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.ready = ready;
        this.errFile = errFile;
    }

    /**
     * @param launcher the installation's {@code sideline} script
     * @param mode     {@code sideline} or {@code jetty}
     * @param vmArgs   the server JVM's options, for example {@code -Xmx1g}; {@code {name}} becomes this server's name
     */
    static ServerProcess start(Path launcher, String mode, Path dir, String vmArgs) throws IOException {
        Files.createDirectories(dir);
        String name = mode + "-" + STARTED.incrementAndGet();
        Path err = dir.resolve(name + "-server.err");
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "bench-server", "--mode", mode, "--data",
                dir.resolve(name).toString()));
        ProcessBuilder b = new ProcessBuilder(command).redirectError(err.toFile());
        b.environment().put("SIDELINE_VMARGS", vmArgs.replace("{name}", name));
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("ready ")) {
                Map<String, String> fields = new HashMap<>();
                for (String kv : line.substring(6).split(" ")) {
                    int eq = kv.indexOf('=');
                    fields.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                return new ServerProcess(p, out, in, fields, err);
            }
        }
        p.destroyForcibly();
        throw new IOException("the bench server (" + mode + ") did not start: " + Files.readString(err));
    }

    /** @return a field of its ready line: {@code lookup}, {@code host}, {@code match}, {@code ws} */
    String get(String key) {
        return ready.get(key);
    }

    /** @return the bytes of heap in use after full collections */
    long heap() throws IOException {
        in.println("heap");
        String line = out.readLine();
        if (line == null || !line.startsWith("heap ")) {
            throw new IOException("the bench server did not answer heap: " + line + "; " + Files.readString(errFile));
        }
        return Long.parseLong(line.substring(5).strip());
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
