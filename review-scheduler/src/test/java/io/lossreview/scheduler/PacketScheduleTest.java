package io.lossreview.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lossreview.scheduler.packet.PacketSchedule;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.support.TestClock;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule, driven by the clock: only the first business day builds, and a build that cannot
 * reach the analyzer (down in this test profile) stores nothing and is retried at the next firing.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class PacketScheduleTest {

    @Inject
    PacketSchedule schedule;
    @Inject
    TestClock clock;
    @Inject
    PacketRepository packets;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void onlyTheFirstBusinessDayBuildsLastMonthsPacket() {
        clock.set(Instant.parse("2026-03-01T06:00:00Z")); // a Sunday
        assertEquals(PacketSchedule.Result.NOT_DUE, schedule.runIfDue());
        clock.set(Instant.parse("2026-03-03T06:00:00Z")); // Tuesday: the first business day was Monday
        assertEquals(PacketSchedule.Result.NOT_DUE, schedule.runIfDue());
        clock.set(Instant.parse("2026-03-02T06:00:00Z")); // Monday 2 March: due, for February
        assertEquals(PacketSchedule.Result.FAILED, schedule.runIfDue());
        assertEquals(true, packets.latest(YearMonth.of(2026, 2)).isEmpty(), "a failed build stores nothing");
    }
}
