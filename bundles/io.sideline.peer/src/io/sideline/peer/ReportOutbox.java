package io.sideline.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.sideline.peer.internal.AtomicFile;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.TimelineEvent;
import io.sideline.protocol.json.StrictJson;

/**
 * A peer's reports that wait for the host, kept in a file so that they outlive a lost connection and a restart of
 * the workbench: a {@link MatchClient} connected with an outbox writes each report here before
 * {@link MatchClient#report(TimelineEvent)} returns, notes when it hands the report to the host, and removes it once
 * the host accepted or refused it. A client started on the same outbox later (the match joined again after a
 * restart) takes the reports that are still there over, with their refs and original times.
 * <p>
 * <b>At most once.</b> A report noted as sent may have reached the host, which may have counted it; sent a second
 * time, it would be a second report of this peer, and with a quorum of one a second event. So only the reports never
 * handed to the host are sent again; a report that was sent when the connection or the workbench went away is
 * matched against what the host accepted, and when nothing matches it is not accepted, with a reason that says it
 * may not have reached the host.
 * <p>
 * <b>The file</b> is JSON Lines in UTF-8: the first line {@code {"type":"sideline-outbox","version":1}}, then one
 * line per report, oldest first: {@code {"sent":false,"report":{...}}}, where {@code report} is the encoded
 * {@code event} message (see {@code docs/protocol.md}) with its {@code ref}, its {@code time} when it was made and
 * the placeholder token {@code "-"} (the token is a credential, and the next client has its own). Every change
 * rewrites the file whole and forces it to the disk ({@code AtomicFile}), so a crash leaves the file as it was before
 * or after the change, never half written.
 * <p>
 * Thread-safe. One client at a time uses an outbox.
 */
public final class ReportOutbox {

    /** the name of an outbox file ends with this */
    public static final String SUFFIX = ".outbox";

    private static final String HEADER = "{\"type\":\"sideline-outbox\",\"version\":1}";
    private static final String PLACEHOLDER_TOKEN = "-";

    /**
     * A report in the outbox.
     *
     * @param ref    the report's ref ({@link PendingReport#localId()}), stable across restarts
     * @param event  the event as reported, with its original time
     * @param madeAt when it was made ({@link PendingReport#sentAt()})
     * @param sent   whether it was handed to a host (which may have counted it)
     */
    public record Entry(String ref, TimelineEvent event, Instant madeAt, boolean sent) {
        public Entry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(madeAt, "madeAt");
        }
    }

    private final Path file;
    private final ProtocolCodec codec = ProtocolCodec.standard();
    /** by ref, oldest first */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private ReportOutbox(Path file) {
        this.file = file;
    }

    /**
     * Opens the outbox in this file, reading the reports it holds; a file that does not exist is an empty outbox
     * (and is written at the first report).
     *
     * @throws SavedMatch.FormatException if the file is not an outbox, or a line of it is damaged; the message names
     *                                    the file and the line. The file is left as it is
     * @throws IOException                if it cannot be read
     */
    public static ReportOutbox open(Path file) throws IOException {
        ReportOutbox o = new ReportOutbox(file.toAbsolutePath());
        if (Files.exists(file)) {
            o.read();
        }
        return o;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the reports it holds, oldest first */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** @return how many reports it holds */
    public synchronized int size() {
        return entries.size();
    }

    synchronized void add(Entry e) throws IOException {
        Map<String, Entry> before = new LinkedHashMap<>(entries);
        entries.put(e.ref(), e);
        save(before);
    }

    /** notes that these reports are (about to be) handed to the host */
    synchronized void markSent(Collection<String> refs) throws IOException {
        Map<String, Entry> before = new LinkedHashMap<>(entries);
        boolean changed = false;
        for (String ref : refs) {
            Entry e = entries.get(ref);
            if (e != null && !e.sent()) {
                entries.put(ref, new Entry(ref, e.event(), e.madeAt(), true));
                changed = true;
            }
        }
        if (changed) {
            save(before);
        }
    }

    /** notes that a report did not reach the host after all (its send failed) */
    synchronized void markUnsent(String ref) throws IOException {
        Entry e = entries.get(ref);
        if (e != null && e.sent()) {
            Map<String, Entry> before = new LinkedHashMap<>(entries);
            entries.put(ref, new Entry(ref, e.event(), e.madeAt(), false));
            save(before);
        }
    }

    /** removes a report the host accepted or refused */
    synchronized void remove(String ref) throws IOException {
        if (entries.containsKey(ref)) {
            Map<String, Entry> before = new LinkedHashMap<>(entries);
            entries.remove(ref);
            save(before);
        }
    }

    /** writes the entries; on failure they are as {@code before} again, like the file */
    private void save(Map<String, Entry> before) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries.values()) {
            b.append("{\"sent\":").append(e.sent()).append(",\"report\":")
                    .append(codec.encode(new EventReport(e.madeAt(), PLACEHOLDER_TOKEN, e.event(), e.ref())))
                    .append("}\n");
        }
        try {
            AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            entries.clear();
            entries.putAll(before);
            throw e;
        }
    }

    private void read() throws IOException {
        String name = file.getFileName().toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SavedMatch.FormatException(file, 1, name + " is not a Sideline outbox of waiting reports: it is not"
                    + " UTF-8 text");
        }
        if (text.isEmpty()) {
            return; // made by hand, or a file system that lost the content: nothing waits
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals(HEADER)) {
            throw new SavedMatch.FormatException(file, 1, name + " is not a Sideline outbox of waiting reports");
        }
        int last = lines.length - 1;
        if (!lines[last].isEmpty()) {
            throw new SavedMatch.FormatException(file, lines.length, "the file ends in the middle of a line: it was cut"
                    + " short (the waiting reports before that line are intact; the file is left as it is)");
        }
        List<Entry> read = new ArrayList<>();
        for (int i = 1; i < last; i++) {
            read.add(entry(lines[i], i + 1));
        }
        for (Entry e : read) {
            if (entries.put(e.ref(), e) != null) {
                throw new SavedMatch.FormatException(file, 1, "the report " + e.ref() + " is in the file twice");
            }
        }
    }

    private Entry entry(String line, int lineNo) throws SavedMatch.FormatException {
        String problem;
        try {
            JsonObject o = StrictJson.parseObject(line, 64 * 1024);
            JsonElement sent = o.get("sent");
            JsonElement report = o.get("report");
            if (sent == null || !sent.isJsonPrimitive() || !sent.getAsJsonPrimitive().isBoolean()) {
                problem = "\"sent\" must be true or false";
            } else if (report == null || !report.isJsonObject()) {
                problem = "\"report\" must be an event message";
            } else {
                Message m = codec.decode(report.toString());
                String ref = m instanceof EventReport r ? r.ref() : null;
                if (m instanceof EventReport r && ref != null) {
                    return new Entry(ref, r.event(), r.time(), sent.getAsBoolean());
                }
                problem = "\"report\" must be an event message with a ref";
            }
        } catch (ProtocolException e) {
            problem = e.getMessage();
        }
        throw new SavedMatch.FormatException(file, lineNo, "a waiting report is damaged: " + problem);
    }

    @Override
    public String toString() {
        return "ReportOutbox[" + file + ", " + size() + " waiting]";
    }
}
