package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;

/**
 * Everything the service logs while it is open, for real: a handler on the root logger (in a
 * {@code @QuarkusTest} that is JBoss LogManager's root, which every log of the application reaches:
 * JBoss Logging, JUL, SLF4J, Kafka's and Hibernate's), plus whatever is printed straight to
 * System.out or System.err. Each record is kept as a log would show it, and more: level, logger, the
 * formatted message, the raw message and its parameters, and every throwable of the chain with its
 * stack trace, causes, suppressed ones and an SQLException's next exceptions.
 */
public final class LogCapture implements AutoCloseable {

    /** One captured record; text is all of it, as above. */
    public record Entry(Level level, String logger, String text) {

        public boolean from(String loggerNameEnd) {
            return logger != null && logger.endsWith(loggerNameEnd);
        }

        public boolean says(String fragment) {
            return text.contains(fragment);
        }

        public boolean atLeast(Level minimum) {
            return level != null && level.intValue() >= minimum.intValue();
        }
    }

    private final Logger root = Logger.getLogger("");
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            entries.add(new Entry(r.getLevel(), r.getLoggerName(), render(r)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private LogCapture() {
    }

    /** Starts capturing; close it to stop. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.handler.setLevel(Level.ALL);
        capture.root.addHandler(capture.handler);
        System.setOut(new PrintStream(capture.tee(capture.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.tee(capture.err), true, StandardCharsets.UTF_8));
        return capture;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** What was printed to System.out and System.err meanwhile. */
    public String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits for a record the predicate matches and returns it; fails naming what was expected and the
     * last records seen, so a capture that sees nothing cannot pass for one that saw no leak.
     */
    public Entry await(String what, Predicate<Entry> wanted, Duration timeout) {
        AtomicReference<Entry> found = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                entries.stream().filter(wanted).findFirst().ifPresent(found::set);
                return found.get() != null;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<Entry> all = entries();
            fail(what + ": no such log record within " + timeout + "; " + all.size() + " were captured, the last ones:\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - 10), all.size()).stream()
                    .map(x -> x.level() + " " + x.logger() + ": " + excerpt(x.text(), 0, 300)).toList()));
        }
        return found.get();
    }

    /**
     * Fails if any captured record or printed text contains one of the fragments (case-insensitive),
     * listing where each was found.
     */
    public void assertNoneContain(String what, Collection<String> fragments) {
        List<String> found = new ArrayList<>();
        for (Entry e : entries) {
            String text = e.text().toLowerCase(Locale.ROOT);
            for (String f : fragments) {
                int at = text.indexOf(f.toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    found.add("'" + f + "' in " + e.level() + " " + e.logger() + ": " + excerpt(e.text(), at, 400));
                }
            }
        }
        String printedText = printed().toLowerCase(Locale.ROOT);
        for (String f : fragments) {
            int at = printedText.indexOf(f.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                found.add("'" + f + "' printed to stdout/stderr: " + excerpt(printed(), at, 400));
            }
        }
        if (!found.isEmpty()) {
            fail(what + ": " + found.size() + " hits of contact data in " + entries.size() + " captured log records, e.g.:\n"
                    + String.join("\n", found.subList(0, Math.min(8, found.size()))));
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        System.setOut(out);
        System.setErr(err);
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (printed) {
                    printed.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
    }

    static String render(LogRecord r) {
        StringBuilder text = new StringBuilder();
        text.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ").append(formatted(r));
        text.append("\n  raw: ").append(r.getMessage());
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                text.append("\n  parameter: ").append(safeString(p));
            }
        }
        if (r.getThrown() != null) {
            text.append('\n').append(chain(r.getThrown()));
        }
        return text.toString();
    }

    /** The message as the log shows it: JBoss LogManager formats printf and MessageFormat styles itself. */
    private static String formatted(LogRecord r) {
        try {
            return String.valueOf(r.getClass().getMethod("getFormattedMessage").invoke(r));
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                return new java.util.logging.SimpleFormatter().formatMessage(r);
            } catch (RuntimeException f) {
                return String.valueOf(r.getMessage());
            }
        }
    }

    /** Stack traces of the throwable (causes and suppressed included) and of every SQLException's next exceptions. */
    static String chain(Throwable thrown) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(thrown));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t != thrown) {
                w.print("next exception: ");
            }
            t.printStackTrace(w);
            List<Throwable> inChain = new ArrayList<>();
            for (Throwable c = t; c != null && inChain.size() < 50 && !inChain.contains(c); c = c.getCause()) {
                inChain.add(c);
                inChain.addAll(List.of(c.getSuppressed()));
            }
            for (Throwable c : inChain) {
                seen.add(c);
                if (c instanceof SQLException sql) {
                    todo.add(sql.getNextException());
                }
            }
        }
        w.flush();
        return text.toString();
    }

    private static String safeString(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return "(toString failed: " + e + ")";
        }
    }

    private static String excerpt(String text, int at, int width) {
        int from = Math.max(0, at - width / 2);
        int to = Math.min(text.length(), from + width);
        return (from > 0 ? "..." : "") + text.substring(from, to).replace("\n", "\\n") + (to < text.length() ? "..." : "");
    }
}
