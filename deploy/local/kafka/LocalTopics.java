/*
 * Local-stack helper for deploy/local/kafka.sh, which compiles it once with
 * javac into .local/kafka/classes (a JVM start with the source launcher costs
 * ~3 s more) and runs it against .local/kafka/libs. Not part of the Maven build.
 *
 * Why it exists: TopicCommand creates one topic per JVM start (2-3 s each on a
 * 2-core box); this waits for the broker's admin API and creates every topic of
 * topics.csv in one JVM.
 *
 * Usage: LocalTopics <bootstrap> <topics.csv|-> <timeout-seconds> [partitions-override]
 * With `-` it only waits until the broker answers admin requests. -Dlocal.topics.min-brokers=N (1)
 * waits until N brokers have registered: a 3-node cluster cannot create a replication-factor-3 topic before.
 * Topics get the cluster's default.replication.factor (1 on the single broker, 3 on kafka.sh's BROKERS=3 cluster).
 * topics.csv: header line, then `name,partitions` per line; blank lines and
 * lines starting with '#' are ignored.
 * Exit codes: 0 ok, 1 topic creation failed, 2 bad arguments/file, 3 broker not ready in time.
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

public class LocalTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LocalTopics <bootstrap> <topics.csv> <timeout-seconds> [partitions-override]");
            System.exit(2);
        }
        String bootstrap = args[0];
        Path csv = "-".equals(args[1]) ? null : Path.of(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Integer override = args.length == 4 && !args[3].isBlank() ? Integer.valueOf(args[3].trim()) : null;

        Map<String, Integer> wanted = readTopics(csv, override);

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topics");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = awaitReady(admin, bootstrap, deadline);

            List<NewTopic> toCreate = new ArrayList<>();
            for (Map.Entry<String, Integer> e : wanted.entrySet()) {
                if (!existing.contains(e.getKey())) {
                    toCreate.add(new NewTopic(e.getKey(), Optional.of(e.getValue()), Optional.empty()));
                }
            }
            int failures = 0;
            if (!toCreate.isEmpty()) {
                Map<String, KafkaFuture<Void>> results = admin.createTopics(toCreate).values();
                for (NewTopic t : toCreate) { // report in topics.csv order
                    try {
                        results.get(t.name()).get(30, TimeUnit.SECONDS);
                        System.out.println("  created " + t.name() + " (" + t.numPartitions() + " partitions)");
                    } catch (ExecutionException ex) {
                        if (ex.getCause() instanceof TopicExistsException) {
                            continue; // raced with someone else: fine, that's --if-not-exists
                        }
                        failures++;
                        System.err.println("  FAILED to create " + t.name() + ": " + ex.getCause());
                    }
                }
            }

            // Report topics that were already there with another partition count:
            // we never alter them, but a person should know.
            Set<String> kept = new java.util.LinkedHashSet<>(wanted.keySet());
            toCreate.forEach(t -> kept.remove(t.name()));
            if (!kept.isEmpty()) {
                Map<String, TopicDescription> desc = admin.describeTopics(kept).allTopicNames().get(30, TimeUnit.SECONDS);
                int same = 0;
                for (String name : kept) {
                    int have = desc.get(name).partitions().size();
                    int want = wanted.get(name);
                    if (have == want) {
                        same++;
                    } else {
                        System.out.println("  WARNING: " + name + " exists with " + have
                                + " partitions, topics.csv/KAFKA_PARTITIONS says " + want + "; left as is");
                    }
                }
                if (same > 0) {
                    System.out.println("  " + same + " topic(s) already existed as specified");
                }
            }
            if (failures > 0) {
                System.exit(1);
            }
        }
    }

    /** Retries listTopics until it answers: the port opens before the broker serves admin requests. */
    private static Set<String> awaitReady(Admin admin, String bootstrap, long deadline) throws InterruptedException {
        int minBrokers = Integer.getInteger("local.topics.min-brokers", 1);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            long waitMs = Math.max(200, Math.min(5000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            try {
                int brokers = admin.describeCluster().nodes().get(waitMs, TimeUnit.MILLISECONDS).size();
                if (brokers < minBrokers) {
                    throw new IllegalStateException(brokers + " of " + minBrokers + " brokers registered");
                }
                return admin.listTopics().names().get(waitMs, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        System.err.println("Kafka at " + bootstrap + " did not answer admin requests in time: " + last);
        System.exit(3);
        return Set.of(); // unreachable
    }

    private static Map<String, Integer> readTopics(Path csv, Integer override) throws Exception {
        if (csv == null) {
            return Map.of();
        }
        if (!Files.isRegularFile(csv)) {
            System.err.println("topics file not found: " + csv);
            System.exit(2);
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",", -1);
            String name = cols[0].strip();
            try {
                int partitions = override != null ? override
                        : Integer.parseInt(cols.length > 1 ? cols[1].strip() : "");
                if (name.isEmpty() || partitions < 1) {
                    throw new NumberFormatException();
                }
                topics.put(name, partitions);
            } catch (NumberFormatException e) {
                System.err.println(csv + ":" + (i + 1) + ": expected `name,partitions`, got: " + line);
                System.exit(2);
            }
        }
        return topics;
    }
}
