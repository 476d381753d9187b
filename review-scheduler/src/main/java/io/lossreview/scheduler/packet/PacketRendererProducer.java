package io.lossreview.scheduler.packet;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.scheduler.packet.render.PacketRenderer;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One renderer for the service: building it loads the templates and fonts once. */
public class PacketRendererProducer {

    /** Moments in the packet (when it was built) are written in the business time zone. */
    @Produces
    @Singleton // no client proxy: the renderer class is final
    PacketRenderer renderer(BusinessCalendar calendar) {
        return new PacketRenderer(calendar.zone());
    }
}
