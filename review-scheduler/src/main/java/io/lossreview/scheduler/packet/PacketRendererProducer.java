package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.packet.render.PacketRenderer;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One renderer for the service: building it loads the templates and fonts once. */
public class PacketRendererProducer {

    @Produces
    @Singleton // no client proxy: the renderer class is final
    PacketRenderer renderer() {
        return new PacketRenderer();
    }
}
