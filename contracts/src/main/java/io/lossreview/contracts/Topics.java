package io.lossreview.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kafka topic names. {@code topics.csv} is the source the topic-creation script reads; a test keeps both in sync. */
public final class Topics {

    public static final String BILLING_SUBSCRIPTION_STARTED = "billing.subscription-started";
    public static final String BILLING_SUBSCRIPTION_CHANGED = "billing.subscription-changed";
    public static final String BILLING_SUBSCRIPTION_CANCELLED = "billing.subscription-cancelled";
    public static final String BILLING_SUBSCRIPTION_REACTIVATED = "billing.subscription-reactivated";
    public static final String CRM_ACCOUNT_CHURNED = "crm.account-churned";
    public static final String LOSS_DEFECTIONS = "loss.defections";
    public static final String LOSS_REJECTED = "loss.rejected";
    public static final String LOSS_BASE = "loss.base";
    public static final String LOSS_ANALYSIS = "loss.analysis";
    public static final String LOSS_REVIEW = "loss.review";

    static final String RESOURCE = "topics.csv";

    private static final List<Topic> ALL = load();

    private Topics() {
    }

    /** All topics in file order. */
    public static List<Topic> all() {
        return ALL;
    }

    private static List<Topic> load() {
        try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .skip(1) // header "name,partitions"
                    .filter(line -> !line.isBlank())
                    .map(Topics::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Topic parse(String line) {
        String[] cols = line.split(",", -1);
        if (cols.length != 2) {
            throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        return new Topic(cols[0], Integer.parseInt(cols[1]));
    }
}
