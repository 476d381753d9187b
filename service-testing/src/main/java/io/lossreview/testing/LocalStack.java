package io.lossreview.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The real local stack the tests run against: Kafka and PostgreSQL on this machine. When a suite
 * runs alone (an IDE, {@code mvn -pl}), it starts them with the same scripts as {@code deploy/local}.
 */
public final class LocalStack {

    /** Tests use the local broker by its port; see the services' %test profile. */
    public static final String KAFKA = "127.0.0.1:" + env("KAFKA_PORT", "9092");
    public static final String PG_HOST = env("PGHOST", "127.0.0.1");
    public static final int PG_PORT = Integer.parseInt(env("PGPORT", "5432"));
    public static final String DB_USER = env("DB_USER", "lossreview");
    public static final String DB_PASSWORD = env("DB_PASSWORD", "lossreview");

    private LocalStack() {
    }

    public static synchronized void ensureRunning() {
        if (!answers(PG_HOST, PG_PORT)) {
            runScript("postgres.sh");
        }
        String[] hostPort = KAFKA.split(",")[0].split(":");
        if (!answers(hostPort[0], Integer.parseInt(hostPort[1]))) {
            runScript("kafka.sh", "start");
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    /** Creates the database if missing; the test databases belong to the services' role. */
    public static void ensureDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), DB_USER, DB_PASSWORD);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            // The role may not exist yet on a fresh machine: the script creates roles and databases.
            runScript("postgres.sh");
        }
    }

    static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void runScript(String script, String... args) {
        Path path = repoRoot().resolve("deploy/local").resolve(script);
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = path.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(path + " failed; see its output above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + path, e);
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/local not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
