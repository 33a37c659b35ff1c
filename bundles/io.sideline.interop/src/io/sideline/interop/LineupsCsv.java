package io.sideline.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;

/**
 * Line-ups as a simple CSV file, one player a line: {@code origin,number,name,position,starting}. For example
 * <pre>
 * origin,number,name,position,starting
 * Italy,21,Gianluigi Donnarumma,Goalkeeper,yes
 * Italy,9,Andrea Belotti,,no
 * </pre>
 * The header line is optional. Fields may be quoted ({@code "Smith, John"}); {@code position} may be empty;
 * {@code starting} is yes/no (also true/false, 1/0, starting/substitute, or empty for a substitute). A line that
 * breaks a rule stops the import with the line's number and what is wrong; blank lines are skipped.
 */
public final class LineupsCsv {

    /** the header line, which is also the order of the fields */
    public static final String HEADER = "origin,number,name,position,starting";

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "starting", "starter", "start", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "substitute", "sub", "bench", "");

    private LineupsCsv() {
    }

    /**
     * @param file a CSV file in UTF-8
     * @return its line-ups, origins in the order of their first line; every starter on the pitch
     * @throws InteropException when a line breaks a rule: the message names the line
     * @throws IOException      when the file cannot be read
     */
    public static Lineups read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InteropException(file, 0, "the file is not UTF-8 text; save it as CSV UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, List<Player>> teams = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(file, number, line);
            if (teams.isEmpty() && fields.size() >= 2 && fields.get(1).strip().equalsIgnoreCase("number")) {
                continue; // the header
            }
            if (fields.size() < 3 || fields.size() > 5) {
                throw new InteropException(file, number, "has " + fields.size() + " fields; a line is "
                        + HEADER + " (position and starting may be left out)");
            }
            String origin = fields.get(0).strip();
            if (origin.isEmpty()) {
                throw new InteropException(file, number, "the team (origin) is empty");
            }
            int shirt;
            try {
                shirt = Integer.parseInt(fields.get(1).strip().replaceFirst("^#", ""));
            } catch (NumberFormatException e) {
                throw new InteropException(file, number, "\"" + fields.get(1).strip() + "\" is not a shirt number");
            }
            String name = fields.get(2).strip();
            String position = fields.size() > 3 && !fields.get(3).isBlank() ? fields.get(3).strip() : null;
            String start = fields.size() > 4 ? fields.get(4).strip().toLowerCase(Locale.ROOT) : "";
            boolean starting;
            if (YES.contains(start)) {
                starting = true;
            } else if (NO.contains(start)) {
                starting = false;
            } else {
                throw new InteropException(file, number, "starting is \"" + fields.get(4).strip()
                        + "\"; write yes for a starter, no for a substitute");
            }
            List<Player> players = teams.computeIfAbsent(origin, o -> new ArrayList<>());
            players.add(new Player(shirt, name, position, starting));
            try {
                new Lineups(Map.of(origin, players)).check("lineups", ProtocolLimits.STANDARD.maxTextLength());
            } catch (ProtocolException e) {
                throw new InteropException(file, number, readable(e, origin, name));
            }
        }
        if (teams.isEmpty()) {
            throw new InteropException(file, 0, "holds no players; a line is " + HEADER);
        }
        return new Lineups(teams);
    }

    /** the protocol's message without its JSON path: what the line's reader understands */
    private static String readable(ProtocolException e, String origin, String name) {
        String field = e.field();
        String message = e.getMessage();
        if (field != null && message.startsWith("\"" + field + "\"")) {
            String what = field.substring(field.lastIndexOf('.') + 1);
            return "the " + what + " of " + (name.isBlank() ? "a player of " + origin : name) + message.substring(
                    field.length() + 2);
        }
        return message;
    }

    /** @return the fields of one line; quotes as RFC 4180 writes them */
    private static List<String> fields(Path file, int number, String line) throws InteropException {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"' && b.toString().isBlank()) {
                quoted = true;
                b.setLength(0);
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        if (quoted) {
            throw new InteropException(file, number, "a quote is opened and not closed");
        }
        out.add(b.toString());
        return out;
    }

    /**
     * @param lineups line-ups
     * @return them as CSV text, header first, one player a line
     */
    public static String write(Lineups lineups) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        lineups.teams().forEach((origin, players) -> {
            for (Player p : players) {
                String position = p.position();
                b.append(quote(origin)).append(',').append(p.number()).append(',').append(quote(p.name())).append(',')
                        .append(position == null ? "" : quote(position)).append(',')
                        .append(p.starting() ? "yes" : "no").append('\n');
            }
        });
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
