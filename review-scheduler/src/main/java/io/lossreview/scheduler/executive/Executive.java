package io.lossreview.scheduler.executive;

import java.util.Set;

/**
 * An executive on this month's call roster.
 *
 * @param capacity how many calls they take this month; zero or less means none
 * @param segments customer segments they know (null is read as none)
 * @param regions  regions they know (null is read as none)
 * @param active   inactive executives (leave, departed) get no calls
 */
public record Executive(String id, String name, String email, int capacity, Set<String> segments,
                        Set<String> regions, boolean active) {

    public Executive {
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }
}
