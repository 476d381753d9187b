package io.lossreview.messaging;

import java.util.List;

/**
 * A consumer of one platform topic and one event type (structured CloudEvents our services
 * publish): name, topic and decoding are declared once here; a subclass says what to apply.
 */
public abstract class ContractEventConsumer<T> implements EventConsumer<T> {

    private final ContractEventReader reader;
    private final String name;
    private final String topic;
    private final String type;
    private final Class<T> dataClass;
    private final ContractEventReader.OtherTypes others;

    protected ContractEventConsumer(ContractEventReader reader, String name, String topic, String type,
                                    Class<T> dataClass, ContractEventReader.OtherTypes others) {
        this.reader = reader;
        this.name = name;
        this.topic = topic;
        this.type = type;
        this.dataClass = dataClass;
        this.others = others;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> topics() {
        return List.of(topic);
    }

    @Override
    public Decoded<T> decode(Received record) {
        return reader.decode(record, type, dataClass, others);
    }
}
