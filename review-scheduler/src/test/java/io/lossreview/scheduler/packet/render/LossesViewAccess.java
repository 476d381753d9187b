package io.lossreview.scheduler.packet.render;

/** Opens {@link LossesView}'s attribution rule to tests of other packages. */
public final class LossesViewAccess {

    private LossesViewAccess() {
    }

    public static String attribution(String account, String segment) {
        return LossesView.attribution(account, segment);
    }
}
