package io.lossreview.messaging;

import jakarta.inject.Singleton;

/**
 * Maps a contract topic name to the physical topic. Tests set {@code loss.topic-prefix} so that each
 * run has topics of its own on the shared local broker; production leaves it empty.
 */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class TopicNames {

    private final String prefix;

    public TopicNames(MessagingSettings settings) {
        this.prefix = settings.topicPrefix().orElse("");
    }

    public String physical(String contractTopic) {
        return prefix + contractTopic;
    }

    public String contract(String physicalTopic) {
        return physicalTopic.startsWith(prefix) ? physicalTopic.substring(prefix.length()) : physicalTopic;
    }
}
