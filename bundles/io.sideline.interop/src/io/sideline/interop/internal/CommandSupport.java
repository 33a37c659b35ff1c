package io.sideline.interop.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;

/** What {@code ./sideline import} and {@code export} share: their file checks and the values they read. */
final class CommandSupport {

    private CommandSupport() {
    }

    /**
     * @param in     the file the command reads
     * @param inWhat what it is, for the message: "file", "match file"
     * @param target the file it writes ({@code --out})
     * @param force  whether {@code --force} was given
     * @return why the command cannot go ahead with these files, or {@code null} if it can
     */
    static String filesProblem(Path in, String inWhat, Path target, boolean force) throws IOException {
        if (!Files.isRegularFile(in)) {
            return "there is no " + inWhat + " " + in;
        }
        if (Files.exists(target) && !force) {
            return target + " exists; add --force to replace it";
        }
        if (Files.exists(target) && Files.isSameFile(in, target)) {
            return "--out names " + in + " itself; choose another file";
        }
        return null;
    }

    /**
     * @return the option's instant: ISO-8601 with an offset ({@code 2021-06-11T19:00:00Z}) or local
     *         ({@code 2021-06-11T21:00}); {@code null} when it was not given
     */
    static Instant instant(CommandLine line, String name) throws UsageException {
        String v = line.string(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(name + " \"" + v + "\" is not a time such as 2021-06-11T19:00:00Z or "
                        + "2021-06-11T21:00 (local time)");
            }
        }
    }

    /** @return the option's seconds, such as {@code 10} or {@code 2.5}, from 0 to 3600; {@code null} when not given */
    static Duration seconds(CommandLine line, String name) throws UsageException {
        String v = line.string(name);
        if (v == null) {
            return null;
        }
        try {
            double s = Double.parseDouble(v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
            if (s < 0 || s > 3600 || Double.isNaN(s)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " \"" + v + "\" is not a number of seconds from 0 to 3600");
        }
    }
}
