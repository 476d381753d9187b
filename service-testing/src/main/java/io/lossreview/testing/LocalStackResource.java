package io.lossreview.testing;

import io.lossreview.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Makes sure the real broker and database are up for a Quarkus test. Init args: {@code database}
 * (required) and {@code kafka} ("false" for a service without Kafka). Each application start gets
 * its own topic prefix, so runs never see each other's events and every test starts from empty topics.
 * The service gets the test run's internal keys ({@link TestTokens}).
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private boolean kafka = true;
    private String topicPrefix;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("LocalStackResource needs the init arg 'database'");
        }
        kafka = !"false".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        LocalStack.ensureRunning();
        LocalStack.ensureDatabase(database);
        // Connection settings stay in the services' %test profile so a test profile can override them.
        Map<String, String> config = new HashMap<>();
        // The internal keys of this test run: the service trusts them and signs its own calls with them.
        config.put("loss.internal-auth.keys-dir", TestTokens.keysDir().toString());
        if (kafka) {
            topicPrefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + ".";
            TestTopics.create(topicPrefix, Topics.all());
            config.put("loss.topic-prefix", topicPrefix);
        }
        return config;
    }

    @Override
    public void stop() {
        if (topicPrefix != null) {
            TestTopics.delete(topicPrefix, Topics.all());
        }
    }
}
