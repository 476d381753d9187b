package io.lossreview.testing;

import io.lossreview.contracts.Topic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates and deletes a test run's own copy of every contract topic. */
final class TestTopics {

    private TestTopics() {
    }

    static void create(String prefix, List<Topic> topics) {
        try (Admin admin = admin()) {
            admin.createTopics(topics.stream()
                    .map(t -> new NewTopic(prefix + t.name(), t.partitions(), (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create test topics on " + LocalStack.KAFKA, e);
        }
    }

    static void delete(String prefix, List<Topic> topics) {
        try (Admin admin = admin()) {
            admin.deleteTopics(topics.stream().map(t -> prefix + t.name()).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Leftover test topics are harmless; they are never read again.
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
