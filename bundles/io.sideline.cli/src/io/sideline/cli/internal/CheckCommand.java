package io.sideline.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

/**
 * {@code ./sideline check FILE...}: validates protocol messages the way a host reads them, so that someone
 * writing a client sees at once what the host would refuse and why.
 */
@Component(service = Command.class)
public final class CheckCommand implements Command {

    /** files only; {@code --} before a file whose name starts with {@code -} */
    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax().positionals();

    private final ProtocolCodec codec = ProtocolCodec.standard();

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "validate protocol messages (one JSON message per file, or one per line)";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline check FILE...

                Reads each FILE as one protocol message, or as JSON Lines (one message per line), and
                says for each message whether a host accepts it, and if not, which field is wrong and why.
                Exits with 0 when every message is valid, 1 when any is not.

                example: ./sideline check report.json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<String> files;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            files = line.positionals();
            if (files.isEmpty()) {
                throw new UsageException("name a file to check");
            }
        } catch (UsageException e) {
            return e.report(this, err);
        }
        int valid = 0;
        int refused = 0;
        for (String name : files) {
            String text;
            try {
                text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println(name + ": no such file");
                refused++;
                continue;
            }
            List<Result> results = check(text);
            for (Result r : results) {
                String where = results.size() == 1 && r.line == 0 ? name : name + ":" + r.line;
                if (r.error == null) {
                    out.println(where + ": ok (" + r.message.type() + ")");
                    valid++;
                } else {
                    out.println(where + ": " + r.error.error().code() + ": " + r.error.getMessage());
                    refused++;
                }
            }
        }
        out.println(valid + " valid, " + refused + " refused");
        return refused == 0 ? EXIT_OK : EXIT_FAILURE;
    }

    private record Result(int line, Message message, ProtocolException error) {
    }

    /** A file is one message; if it is not and has several lines, each non-blank line is one (JSON Lines). */
    private List<Result> check(String text) {
        Result whole = decode(0, text);
        List<String> lines = text.lines().toList();
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        if (whole.error == null || whole.error.error() != ProtocolError.MALFORMED_JSON || nonBlank < 2) {
            return List.of(whole);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                results.add(decode(i + 1, lines.get(i)));
            }
        }
        return results;
    }

    private Result decode(int line, String text) {
        try {
            return new Result(line, codec.decode(text), null);
        } catch (ProtocolException e) {
            return new Result(line, null, e);
        }
    }
}
