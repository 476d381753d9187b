package io.lossreview.contracts;

/** A Kafka topic as declared in {@code topics.csv}. */
public record Topic(String name, int partitions) {
}
