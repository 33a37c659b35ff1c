package io.sideline.interop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import io.sideline.peer.internal.AtomicFile;

import org.jspecify.annotations.Nullable;

/**
 * A Hudl Sportscode XML timeline, as Sportscode exports and imports it:
 *
 * <pre>
 * &lt;file&gt;
 *   &lt;ALL_INSTANCES&gt;
 *     &lt;instance&gt;
 *       &lt;ID&gt;P1&lt;/ID&gt; &lt;start&gt;3.6&lt;/start&gt; &lt;end&gt;9.7&lt;/end&gt; &lt;code&gt;PASS&lt;/code&gt;
 *       &lt;label&gt;&lt;group&gt;Team&lt;/group&gt;&lt;text&gt;Henkie&lt;/text&gt;&lt;/label&gt; ...
 *     &lt;/instance&gt; ...
 *   &lt;/ALL_INSTANCES&gt;
 *   &lt;ROWS&gt; &lt;row&gt;&lt;code&gt;PASS&lt;/code&gt;&lt;R&gt;65535&lt;/R&gt;&lt;G&gt;0&lt;/G&gt;&lt;B&gt;0&lt;/B&gt;&lt;/row&gt; ... &lt;/ROWS&gt;
 * &lt;/file&gt;
 * </pre>
 *
 * {@code start} and {@code end} are seconds from the start of the video. A label's group is optional. The
 * {@code ROWS} block, optional, gives each code's colour (16-bit components, as Sportscode writes them). Other
 * elements are skipped when read. The reader refuses document type declarations and external entities.
 */
public final class SportscodeFile {

    /** the longest video a start or an end may fall in: 1000 hours */
    static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(3_600_000);
    /** the most decimals a start or an end may have */
    static final int MAX_DECIMALS = 20;

    /** A label of an instance: its group ({@code null} when it has none) and its text. */
    public record Label(@Nullable String group, String text) {
        public Label {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A coded moment of the video.
     *
     * @param id     the instance's ID, unique in the file
     * @param start  seconds from the start of the video
     * @param end    seconds from the start of the video, not before {@code start}
     * @param code   what happened, for example {@code PASS}
     * @param labels its labels, in their order
     */
    public record Instance(String id, BigDecimal start, BigDecimal end, String code, List<Label> labels) {
        public Instance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
            start = start.stripTrailingZeros();
            end = end.stripTrailingZeros();
            labels = List.copyOf(labels);
        }
    }

    /** A code's colour in the timeline's rows: red, green and blue from 0 to 65535. */
    public record Row(String code, int red, int green, int blue) {
        public Row {
            Objects.requireNonNull(code, "code");
        }
    }

    private final List<Instance> instances;
    private final List<Row> rows;
    private final int[] lines;

    /**
     * @param instances the instances, in their order
     * @param rows      the codes' colours; may be empty
     */
    public SportscodeFile(List<Instance> instances, List<Row> rows) {
        this(instances, rows, new int[instances.size()]);
    }

    private SportscodeFile(List<Instance> instances, List<Row> rows, int[] lines) {
        this.instances = List.copyOf(instances);
        this.rows = List.copyOf(rows);
        this.lines = lines;
    }

    /** @return the instances, in the file's order */
    public List<Instance> instances() {
        return instances;
    }

    /** @return the codes' colours, in the file's order; empty when the file has no {@code ROWS} */
    public List<Row> rows() {
        return rows;
    }

    /** @return the line the instance at this index starts on in the file it was read from; 0 if not read */
    public int line(int index) {
        return lines[index];
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SportscodeFile f && f.instances.equals(instances) && f.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instances, rows);
    }

    @Override
    public String toString() {
        return "SportscodeFile[" + instances.size() + " instances, " + rows.size() + " rows]";
    }

    // ------------------------------------------------------------------------------------------ reading

    /**
     * Reads a Sportscode XML file, checking all of it.
     *
     * @param file     the file
     * @param progress told the bytes read so far
     * @return the timeline
     * @throws InteropException if it is not a Sportscode XML file or something in it is wrong; the message
     *                          names the file, the line and the instance
     * @throws IOException      if it cannot be read
     */
    public static SportscodeFile read(Path file, Progress progress) throws IOException {
        long size = Files.size(file);
        try (CountingStream in = new CountingStream(Files.newInputStream(file))) {
            return new Reader(file, in, size, progress).read();
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** One read of one file. */
    private static final class Reader {
        private final Path file;
        private final CountingStream counted;
        private final long size;
        private final Progress progress;
        /** set when {@link #read()} starts */
        private @Nullable XMLStreamReader xml;

        Reader(Path file, CountingStream counted, long size, Progress progress) {
            this.file = file;
            this.counted = counted;
            this.size = size;
            this.progress = progress;
        }

        SportscodeFile read() throws IOException {
            List<Instance> instances = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            try {
                xml = inputFactory().createXMLStreamReader(counted);
                if (nextTag() != XMLStreamConstants.START_ELEMENT) {
                    throw problem("the file has no root element");
                }
                if (!r().getLocalName().equals("file")) {
                    throw problem("the root element is <" + r().getLocalName()
                            + ">; a Sportscode XML file's is <file>");
                }
                Map<String, Integer> ids = new HashMap<>();
                while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                    switch (r().getLocalName()) {
                        case "ALL_INSTANCES" -> {
                            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                                if (!r().getLocalName().equals("instance")) {
                                    skip();
                                    continue;
                                }
                                int line = line();
                                Instance in = instance(instances.size() + 1);
                                Integer earlier = ids.putIfAbsent(in.id(), line);
                                if (earlier != null) {
                                    throw new InteropException(file, line, "instance " + in.id()
                                            + ": the ID is used already by the instance on line " + earlier);
                                }
                                instances.add(in);
                                lines.add(line);
                                progress.worked(counted.count, size);
                                progress.checkCanceled();
                            }
                        }
                        case "ROWS" -> {
                            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                                if (r().getLocalName().equals("row")) {
                                    rows.add(row());
                                } else {
                                    skip();
                                }
                            }
                        }
                        default -> skip();
                    }
                }
                r().close();
            } catch (XMLStreamException e) {
                Location l = e.getLocation();
                String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
                // the JDK's messages start with "ParseError at [row,col]:[l,c]\nMessage: ..."
                int m = message.indexOf("Message: ");
                throw new InteropException(file, l == null ? 0 : l.getLineNumber(),
                        "not well-formed XML: " + (m >= 0 ? message.substring(m + 9) : message).strip(), e);
            }
            progress.worked(size, size);
            return new SportscodeFile(instances, rows, lines.stream().mapToInt(Integer::intValue).toArray());
        }

        private Instance instance(int number) throws XMLStreamException, InteropException {
            int line = line();
            String id = null;
            String start = null;
            String end = null;
            String code = null;
            List<Label> labels = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r().getLocalName()) {
                    case "ID" -> id = text();
                    case "start" -> start = text();
                    case "end" -> end = text();
                    case "code" -> code = text();
                    case "label" -> labels.add(label(id, number));
                    default -> skip();
                }
            }
            String which = "instance " + (id == null || id.isBlank() ? "number " + number : id);
            if (id == null || id.isBlank()) {
                throw new InteropException(file, line, which + ": it has no <ID>");
            }
            if (code == null || code.isBlank()) {
                throw new InteropException(file, line, which + ": it has no <code>");
            }
            BigDecimal s = seconds(line, which, "start", start);
            BigDecimal e = seconds(line, which, "end", end);
            if (e.compareTo(s) < 0) {
                throw new InteropException(file, line, which + ": it ends (" + end + " s) before it starts (" + start
                        + " s)");
            }
            return new Instance(id.strip(), s, e, code.strip(), labels);
        }

        private Label label(@Nullable String id, int number) throws XMLStreamException, InteropException {
            int line = line();
            String group = null;
            String text = null;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r().getLocalName()) {
                    case "group" -> group = text();
                    case "text" -> text = text();
                    default -> skip();
                }
            }
            if (text == null || text.isBlank()) {
                throw new InteropException(file, line, "instance " + (id == null ? "number " + number : id)
                        + ": a label " + (group == null ? "" : "of the group \"" + group + "\" ") + "has no <text>");
            }
            return new Label(group == null || group.isBlank() ? null : group.strip(), text.strip());
        }

        private Row row() throws XMLStreamException, InteropException {
            int line = line();
            String code = null;
            int[] rgb = { -1, -1, -1 };
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r().getLocalName();
                switch (name) {
                    case "code" -> code = text();
                    case "R", "G", "B" -> {
                        String v = text();
                        int i = "RGB".indexOf(name);
                        try {
                            rgb[i] = Integer.parseInt(v.strip());
                        } catch (NumberFormatException x) {
                            rgb[i] = -2;
                        }
                        if (rgb[i] < 0 || rgb[i] > 65535) {
                            throw new InteropException(file, line, "the row of " + (code == null ? "a code" : code)
                                    + ": <" + name + "> is \"" + v + "\", not a number from 0 to 65535");
                        }
                    }
                    default -> skip();
                }
            }
            if (code == null || code.isBlank()) {
                throw new InteropException(file, line, "a row of <ROWS> has no <code>");
            }
            return new Row(code.strip(), Math.max(rgb[0], 0), Math.max(rgb[1], 0), Math.max(rgb[2], 0));
        }

        private BigDecimal seconds(int line, String which, String element, @Nullable String value)
                throws InteropException {
            if (value == null || value.isBlank()) {
                throw new InteropException(file, line, which + ": it has no <" + element + ">");
            }
            try {
                BigDecimal b = new BigDecimal(value.strip());
                if (b.signum() < 0) {
                    throw new InteropException(file, line, which + ": <" + element + "> is " + value
                            + ", before the start of the video");
                }
                // a number no video has: beyond it the event's time overflows, or its digits exhaust the memory
                if (b.compareTo(MAX_SECONDS) > 0 || b.stripTrailingZeros().scale() > MAX_DECIMALS) {
                    throw new InteropException(file, line, which + ": <" + element + "> is " + value
                            + ", not a number of seconds from 0 to " + MAX_SECONDS + " with at most " + MAX_DECIMALS
                            + " decimals");
                }
                return b;
            } catch (NumberFormatException x) {
                throw new InteropException(file, line, which + ": <" + element + "> is \"" + value
                        + "\", not a number of seconds");
            }
        }

        /** @return the next start or end tag, skipping text, comments and processing instructions */
        private int nextTag() throws XMLStreamException, InteropException {
            while (r().hasNext()) {
                int event = r().next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.DTD -> throw problem(
                            "the file declares a document type; Sportscode XML has none, and Sideline does not read them");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw problem("the file refers to the entity &"
                            + r().getLocalName() + "; which it cannot define");
                    default -> {
                        // characters, whitespace, comments, processing instructions
                    }
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }

        private XMLStreamReader r() {
            return Objects.requireNonNull(xml, "not reading");
        }

        private String text() throws XMLStreamException {
            return r().getElementText();
        }

        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = r().next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private int line() {
            return r().getLocation().getLineNumber();
        }

        private InteropException problem(String what) {
            return new InteropException(file, line(), what);
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte @Nullable [] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    // ------------------------------------------------------------------------------------------ writing

    /**
     * Writes the timeline as Sportscode XML in UTF-8, atomically: the file appears whole or not at all.
     *
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, this::write);
    }

    /**
     * Writes the timeline as Sportscode XML in UTF-8 to a stream, which is flushed, not closed.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("file");
            indent(x, 1);
            x.writeStartElement("ALL_INSTANCES");
            for (Instance in : instances) {
                indent(x, 2);
                x.writeStartElement("instance");
                element(x, 3, "ID", in.id());
                element(x, 3, "start", in.start().toPlainString());
                element(x, 3, "end", in.end().toPlainString());
                element(x, 3, "code", in.code());
                for (Label l : in.labels()) {
                    indent(x, 3);
                    x.writeStartElement("label");
                    String group = l.group();
                    if (group != null) {
                        element(x, 4, "group", group);
                    }
                    element(x, 4, "text", l.text());
                    indent(x, 3);
                    x.writeEndElement();
                }
                indent(x, 2);
                x.writeEndElement();
            }
            indent(x, 1);
            x.writeEndElement();
            if (!rows.isEmpty()) {
                indent(x, 1);
                x.writeStartElement("ROWS");
                for (Row row : rows) {
                    indent(x, 2);
                    x.writeStartElement("row");
                    element(x, 3, "code", row.code());
                    element(x, 3, "R", Integer.toString(row.red()));
                    element(x, 3, "G", Integer.toString(row.green()));
                    element(x, 3, "B", Integer.toString(row.blue()));
                    indent(x, 2);
                    x.writeEndElement();
                }
                indent(x, 1);
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write Sportscode XML: " + e.getMessage(), e);
        }
        w.flush();
    }

    private static void element(XMLStreamWriter x, int depth, String name, String text) throws XMLStreamException {
        indent(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "    ".repeat(depth));
    }
}
